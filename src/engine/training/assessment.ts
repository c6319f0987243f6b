import type { AttemptMode } from '../attempt-record.ts';
import { DIMENSIONS, DIMENSION_LABELS } from '../scoring/dimensions.ts';
import { ANTI_PATTERNS } from '../vocabulary.ts';
import { DEFAULT_PASS_MARK } from './pass-mark.ts';
import type { RecordEntry, ResultSummary } from './record-entry.ts';

/** What each mode allows. Scenes read these instead of comparing mode names. */
export const MODE_RULES: Record<AttemptMode, { hints: boolean; takeBack: boolean; retry: boolean; label: string; description: string }> = {
  coach: { hints: true, takeBack: true, retry: true, label: 'Coach', description: 'Hints at every turn; take back your last move once per turn.' },
  practice: { hints: false, takeBack: false, retry: true, label: 'Practice', description: 'No hints, no take-backs: play it as it would go.' },
  assessment: {
    hints: false,
    takeBack: false,
    retry: false,
    label: 'Assessment',
    description: 'No hints, no take-backs; your first finished game is the one that counts against the pass mark.',
  },
};

/** The pass mark of a game: the path step's, else the scenario file's, else the default. */
export function passMarkFor(step: { passMark?: number | undefined } | null | undefined, scenario: { passMark?: number | undefined }): number {
  return step?.passMark ?? scenario.passMark ?? DEFAULT_PASS_MARK;
}

export interface Verdict {
  passed: boolean;
  passMark: number;
  /** One sentence: passed or not, and why, in words a rep can act on. */
  why: string;
}

/** Passed or not against a pass mark, with the reasons a rep can act on: the weakest dimension and the anti-patterns. */
export function verdictOf(summary: ResultSummary, passMark: number): Verdict {
  const passed = summary.total >= passMark;
  if (passed) {
    return { passed, passMark, why: `Passed: ${summary.total} out of 100 against a pass mark of ${passMark}.` };
  }
  const weakest = [...DIMENSIONS].sort((a, b) => summary.dimensions[a] - summary.dimensions[b])[0]!;
  const habits = [...new Set(summary.antiPatterns.map((a) => ANTI_PATTERNS[a.id].label.toLowerCase()))];
  const reasons = [`${summary.total} out of 100 is ${passMark - summary.total} short of the pass mark of ${passMark}`];
  reasons.push(`the weakest part was ${DIMENSION_LABELS[weakest].toLowerCase()} (${Math.round(summary.dimensions[weakest])}%)`);
  if (summary.outcome !== 'deal') reasons.push(summary.outcome === 'walked-away' ? 'you walked away' : 'the counterpart walked away');
  if (habits.length) reasons.push(`it cost you: ${habits.slice(0, 3).join('; ')}`);
  return { passed, passMark, why: `Not passed: ${reasons.join('; ')}.` };
}

/**
 * The assessed attempt of a scenario and persona: the first finished assessment game. A rep who failed
 * may sit it again only after practising it (any coach or practice game after the failed sitting); the
 * first finished game of the new sitting then counts. Entries must be in the order they were played.
 */
export function countedAssessment(entries: readonly RecordEntry[], passMark: number): RecordEntry | null {
  let counted: RecordEntry | null = null;
  let maySit = true;
  for (const e of entries) {
    if (e.attempt.mode === 'assessment') {
      if (!maySit) continue;
      counted = e;
      maySit = false;
      if (e.summary.total >= passMark) return e;
    } else if (counted) {
      maySit = true;
    }
  }
  return counted;
}

/** Whether this entry is the assessed attempt (the debrief says whether it counts). */
export function isCountedAssessment(entry: RecordEntry, sameGameEntries: readonly RecordEntry[], passMark: number): boolean {
  return countedAssessment(sameGameEntries, passMark)?.id === entry.id;
}
