import {
  AttemptError,
  decodePackage,
  replayAttempt,
  UnknownChoiceError,
  type AttemptRecord,
  type CompiledScenario,
  type Move,
  type Session,
} from '../engine/index.ts';
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

/**
 * Plays one more move on a session rebuilt from the stored record (kept between moves, so a move costs
 * one engine step instead of a whole replay). The engine refuses a move that is not available and
 * changes nothing then; the refusal becomes RoomError(422).
 */
export function applyMove(compiled: CompiledScenario, session: Session, move: Move): Verified {
  try {
    if (typeof move === 'string') session.choose(move);
    else {
      const terms = decodePackage(compiled, move);
      if (!terms) throw new RoomError(422, "that package does not fit this scenario's issues");
      session.propose(terms);
    }
  } catch (e) {
    if (e instanceof UnknownChoiceError) {
      throw new RoomError(422, typeof move === 'string' ? `"${move}" is not a choice at this point` : 'that package cannot be proposed at this point');
    }
    throw e;
  }
  return verified(session);
}

function verified(session: Session): Verified {
  const over = session.isOver();
  const result = session.result();
  const record = session.attempt();
  return { record, session, over, summary: over && result ? summarize(result, record.moves.length) : null };
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
