import type { LearningPath } from '../../engine/training/index.ts';

/** A shipped learning path as the build hands it over (`?path`): validated, or the problem lines. */
export type PrevalidatedPath = { ok: true; path: LearningPath } | { ok: false; problems: string[] };
