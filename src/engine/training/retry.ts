import { replayAttempt } from '../attempt.ts';
import type { AttemptRecord } from '../attempt-record.ts';
import type { CompiledScenario } from '../persona/compile.ts';
import type { Session } from '../session.ts';

/**
 * "Try again from turn N": replays the first N moves of a finished attempt (same scenario, persona,
 * seed and mode) and hands back a session waiting for move N + 1, so the rep can take another road.
 * Take-backs made after turn N are dropped with the moves they belonged to.
 */
export function retryFromTurn(compiled: CompiledScenario, attempt: AttemptRecord, turn: number): Session {
  const last = attempt.moves.length - 1;
  const n = Math.max(0, Math.min(Math.floor(turn), last));
  const takeBacks = (attempt.takeBacks ?? []).filter((t) => t <= n);
  const { takeBacks: _dropped, ...rest } = attempt;
  return replayAttempt(compiled, { ...rest, moves: attempt.moves.slice(0, n), ...(takeBacks.length ? { takeBacks } : {}) });
}

/** The turns a retry can start from: 0 (the very start) up to the move before the last. */
export function retryTurns(attempt: AttemptRecord): number[] {
  return Array.from({ length: Math.max(0, attempt.moves.length) }, (_, i) => i);
}

/**
 * The whole negotiation turn by turn, for re-watching: the session after 0, 1, ... N moves. Each is a
 * fresh replay, so what the rep sees is what the engine says today, never a stored picture.
 */
export function replayUpTo(compiled: CompiledScenario, attempt: AttemptRecord, moves: number): Session {
  const n = Math.max(0, Math.min(Math.floor(moves), attempt.moves.length));
  const { takeBacks, ...rest } = attempt;
  const kept = (takeBacks ?? []).filter((t) => t <= n);
  return replayAttempt(compiled, { ...rest, moves: attempt.moves.slice(0, n), ...(kept.length ? { takeBacks: kept } : {}) });
}
