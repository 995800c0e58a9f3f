export * from './backbones';
export * from './checkin';
export * from './enrolment';
export * from './exams';
export * from './programs';
export * from './ratings';
export * from './report';
