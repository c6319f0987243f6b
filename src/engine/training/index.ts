/** Training: learning paths, modes, take-backs, retries, the practice record and what it says. Pure. */
export * from './path-schema.ts';
export * from './path-load.ts';
export * from './path-progress.ts';
export * from './assessment.ts';
export * from './take-back.ts';
export * from './retry.ts';
export * from './record-entry.ts';
export * from './record-file.ts';
export * from './progress.ts';
export * from './suggest.ts';
