import type { AttemptMode } from '../attempt-record.ts';
import { countedAssessment, passMarkFor } from './assessment.ts';
import type { LearningPath, PathStep } from './path-schema.ts';
import type { RecordEntry } from './record-entry.ts';

export type StepStatus = 'done' | 'current' | 'locked';

export interface StepProgress {
  step: PathStep;
  index: number;
  status: StepStatus;
  passMark: number;
  /** Best score on this step's scenario and persona in a mode that counts for it (null: not played). */
  best: number | null;
  /** Finished games that count for this step. */
  played: number;
  /** For assessment steps: the attempt that counts, and whether it failed (the rep must practise before sitting again). */
  assessed: { total: number; passed: boolean } | null;
}

const STRICTNESS: Record<AttemptMode, number> = { coach: 0, practice: 1, assessment: 2 };

/**
 * Where a rep is on a path: steps unlock in order, each once the one before is passed. A coach or
 * practice step is passed by any game in that mode or a stricter one that reaches the pass mark; an
 * assessment step only by the attempt that counts (see countedAssessment).
 */
export function pathProgress(
  path: LearningPath,
  entries: readonly RecordEntry[],
  scenarioPassMark: (scenarioId: string) => number | undefined,
): StepProgress[] {
  const byGame = new Map<string, RecordEntry[]>();
  for (const e of entries) {
    const key = `${e.attempt.scenarioId}\u0000${e.attempt.personaId}`;
    let list = byGame.get(key);
    if (!list) {
      list = [];
      byGame.set(key, list);
    }
    list.push(e);
  }
  for (const list of byGame.values()) list.sort((a, b) => a.playedAt.localeCompare(b.playedAt));
  let open = true;
  return path.steps.map((step, index) => {
    const passMark = passMarkFor(step, { passMark: scenarioPassMark(step.scenario) });
    const games = (byGame.get(`${step.scenario}\u0000${step.persona}`) ?? []).filter((e) => STRICTNESS[e.attempt.mode] >= STRICTNESS[step.mode]);
    const best = games.length ? Math.max(...games.map((g) => g.summary.total)) : null;
    let passed: boolean;
    let assessed: StepProgress['assessed'] = null;
    if (step.mode === 'assessment') {
      const counted = countedAssessment(byGame.get(`${step.scenario}\u0000${step.persona}`) ?? [], passMark);
      passed = !!counted && counted.summary.total >= passMark;
      if (counted) assessed = { total: counted.summary.total, passed };
    } else {
      passed = best !== null && best >= passMark;
    }
    const status: StepStatus = !open ? 'locked' : passed ? 'done' : 'current';
    if (!passed) open = false;
    return { step, index, status, passMark, best, played: games.length, assessed };
  });
}

/** The step a rep should play now (the first not done), or null when the path is complete. */
export function currentStep(progress: readonly StepProgress[]): StepProgress | null {
  return progress.find((p) => p.status === 'current') ?? null;
}
