/** 公示: working-day calendar, windows, per-step requirements, the notice life cycle, objections and the archive. */
export * from './archive';
export * from './calendar';
export * from './model';
export * from './objections';
export * from './requirements';
export * from './state';
export * from './window';
