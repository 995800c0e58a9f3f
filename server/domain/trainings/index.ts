export * from './attendance';
export * from './checkin-token';
export * from './enrolment';
export * from './exam';
export * from './ratings';
export * from './requirements';
