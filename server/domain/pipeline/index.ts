/** The development pipeline (发展党员): rule versions, gates named after the rules, and the case's state machine. */

export * from './attachments';
export * from './checklist';
export * from './gates';
export * from './rings';
export * from './rules';
export * from './steps';
