import { AttemptError, replayAttempt, type AttemptRecord, type CompiledScenario, type Move, type Session } from '../engine/index.ts';
import { RoomError } from './errors.ts';
import type { ResultClaim } from './protocol.ts';
import { summarize, type VerifiedSummary } from './verified.ts';

/**
 * Verification by replay: the server never takes a client's word for a negotiation. A move is accepted
 * only if the engine, replaying the stored record plus that move, accepts it; a result is accepted only
 * if it is what the engine's replay ended with.
 */

export interface Verified {
  record: AttemptRecord;
  session: Session;
  turn: number;
  over: boolean;
  summary: VerifiedSummary | null;
}

/** Replays a stored record (it was verified when stored; a failure here means the scenario changed). */
export function replayStored(compiled: CompiledScenario, record: AttemptRecord): Verified {
  try {
    return verified(replayAttempt(compiled, record));
  } catch (e) {
    if (e instanceof AttemptError) throw new RoomError(409, `this game no longer replays: ${e.message}`);
    throw e;
  }
}

/** The record with one more move, replayed; throws RoomError(422) with the engine's reason if the move is not playable. */
export function replayWithMove(compiled: CompiledScenario, record: AttemptRecord, move: Move): Verified {
  const next: AttemptRecord = { ...record, moves: [...record.moves, move] };
  try {
    return verified(replayAttempt(compiled, next));
  } catch (e) {
    if (e instanceof AttemptError) {
      const what = typeof move === 'string' ? `"${move}" is not a choice at this point` : 'that package cannot be proposed at this point';
      throw new RoomError(422, e.problem === 'bad-move' ? what : e.message);
    }
    throw e;
  }
}

function verified(session: Session): Verified {
  const over = session.isOver();
  const result = session.result();
  const record = session.attempt();
  return { record, session, turn: session.snapshot().turn, over, summary: over && result ? summarize(result, record.moves.length) : null };
}

/** Null when a claimed result is what the replay ended with; otherwise what differs, in words. */
export function claimMismatch(summary: VerifiedSummary | null, claim: ResultClaim): string | null {
  if (!summary) return 'the game is not over on the server, so there is no result to report yet';
  const diffs: string[] = [];
  if (claim.outcome !== summary.outcome) diffs.push(`outcome ${claim.outcome} (replay: ${summary.outcome})`);
  if (Math.abs(claim.value - summary.value) > 1e-6 * Math.max(1, Math.abs(summary.value))) diffs.push(`value ${claim.value} (replay: ${summary.value})`);
  if (claim.score !== summary.score) diffs.push(`score ${claim.score} (replay: ${summary.score})`);
  return diffs.length ? `reported ${diffs.join(', ')}` : null;
}
