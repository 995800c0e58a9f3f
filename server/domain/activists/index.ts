export * from './grading';
export * from './semester';
