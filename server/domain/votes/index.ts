/** The votes domain: plain functions, no I/O. See each module for the rules it carries. */
export * from './ballot';
export * from './candidates';
export * from './eligibility';
export * from './evaluation';
export * from './lifecycle';
export * from './publicity';
export * from './resolution';
export * from './roster';
export * from './rules';
export * from './tally';
export * from './thresholds';
export * from './tuiyou';
export * from './written';
