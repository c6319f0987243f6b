import type { AntiPatternId, Grade, Outcome, SessionResult } from '../engine/index.ts';

/**
 * What the server stores beside a finished rep's attempt record: the numbers its own replay produced,
 * so the projector can chart 500 reps without replaying 500 games on every refresh. Always rebuilt from
 * the record, never taken from a client.
 */
export interface VerifiedSummary {
  outcome: Outcome;
  value: number;
  walkAwayValue: number;
  target: number;
  score: number;
  grade: Grade;
  antiPatterns: { id: AntiPatternId; turn: number }[];
  /** Decisions taken (prep included). */
  turns: number;
}

export function summarize(result: SessionResult, turns: number): VerifiedSummary {
  return {
    outcome: result.outcome,
    value: result.value,
    walkAwayValue: result.walkAwayValue,
    target: result.target,
    score: result.score.total,
    grade: result.score.grade,
    antiPatterns: result.antiPatterns.map((a) => ({ id: a.id, turn: a.turn })),
    turns,
  };
}
