export * from './contacts';
export * from './grading';
export * from './semester';
