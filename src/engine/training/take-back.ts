import { replayAttempt } from '../attempt.ts';
import type { CompiledScenario } from '../persona/compile.ts';
import type { Session } from '../session.ts';

/**
 * Coach mode's take-back: the rep may undo their last move, once per turn. The previous state is not
 * kept anywhere: it is rebuilt by replaying the record without the last move, so it is exactly the
 * turn the rep saw before. The record remembers which moves were taken back (the debrief notes them).
 */

export type TakeBackRefusal = 'not-coach' | 'nothing-to-take-back' | 'already-taken-back' | 'over';

/** Why the last move cannot be taken back now, or null when it can. */
export function takeBackRefusal(session: Session): TakeBackRefusal | null {
  if (session.mode !== 'coach') return 'not-coach';
  if (session.isOver()) return 'over';
  const n = session.moves.length;
  if (n === 0) return 'nothing-to-take-back';
  if (session.takeBacks.includes(n)) return 'already-taken-back';
  return null;
}

export function canTakeBack(session: Session): boolean {
  return takeBackRefusal(session) === null;
}

/** Returns the session as it was before the last move. Throws when the move cannot be taken back. */
export function takeBack(compiled: CompiledScenario, session: Session): Session {
  const refusal = takeBackRefusal(session);
  if (refusal) throw new Error(`the last move cannot be taken back (${refusal})`);
  const record = session.attempt();
  const n = record.moves.length;
  return replayAttempt(compiled, { ...record, moves: record.moves.slice(0, -1), takeBacks: [...(record.takeBacks ?? []), n] });
}
