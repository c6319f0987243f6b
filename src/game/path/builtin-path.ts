import type { LearningPath } from '../../engine/training/index.ts';
import type { PrevalidatedPath } from './prevalidated-path.ts';

const SHIPPED = import.meta.glob('/scenarios/paths/*.yaml', { query: '?path', import: 'default', eager: true }) as Record<string, PrevalidatedPath>;

/** The shipped onboarding path, or the problems that stop it (reported as a notice; the menu still works). */
export function builtInPath(): { path: LearningPath | null; problems: string[] } {
  const pre = SHIPPED['/scenarios/paths/onboarding.yaml'] ?? Object.values(SHIPPED)[0];
  if (!pre) return { path: null, problems: [] };
  return pre.ok ? { path: pre.path, problems: [] } : { path: null, problems: pre.problems };
}
