import type { AttemptRecord } from '../engine/index.ts';

/**
 * One interface over the three LMS standards (SCORM 1.2, SCORM 2004, cmi5). The game's LMS hook drives
 * it; each implementation speaks its standard through the LMS's API or a library. Every method may
 * throw LmsError: the caller keeps the game going and tells the rep progress may not be recorded.
 */
export interface LmsAdapter {
  readonly format: 'scorm12' | 'scorm2004' | 'cmi5';
  /** Opens the LMS session ("initialised") and reads what the LMS holds for this learner. */
  start(): Promise<LmsLaunch>;
  /** The suspend state: the attempt record of the negotiation in progress, committed at once. */
  saveProgress(record: AttemptRecord, progress: number): Promise<void>;
  /** One interaction per decision. */
  recordDecision(decision: DecisionReport): Promise<void>;
  /** The finished negotiation: completion, success against the pass mark, score; committed at once. */
  finish(report: FinalReport): Promise<void>;
  /** Closes the LMS session (session time, exit). Called once; later calls do nothing. */
  terminate(): Promise<void>;
}

export interface LmsLaunch {
  /** The stored suspend state (an attempt record, not yet checked), or null on a first launch. */
  saved: unknown;
  learner: { id: string; name: string } | null;
  /** The pass mark (0..100) the LMS imposes, when it gives one (mastery score); else the package's. */
  passMark: number | null;
  /** False when the LMS launched for browsing or review: nothing is recorded then. */
  recording: boolean;
}

export interface DecisionReport {
  /** 1-based decision number (the turn it was made on). */
  turn: number;
  choiceId: string;
  choiceText: string;
  tags: readonly string[];
  phase: 'prep' | 'negotiation';
  /** What the terms on the table are worth to the rep after the decision, and their walk-away. */
  value: number;
  walkAwayValue: number;
  /** When the choice was offered and when it was made. */
  shownAt: Date;
  madeAt: Date;
}

export interface FinalReport {
  /** Total score 0..100. */
  score: number;
  passed: boolean;
  passMark: number;
  outcome: 'deal' | 'walked-away' | 'counterpart-walked';
  value: number;
  walkAwayValue: number;
  record: AttemptRecord;
  /** Decisions in the game. */
  decisions: number;
}

export class LmsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LmsError';
  }
}
