/** Honors and the showcase: titles per awarding unit, the gate, certificate numbers, visibility, posts. */
export * from './certificate';
export * from './gate';
export * from './posts';
export * from './titles';
export * from './visibility';
