import type { Session, SessionSnapshot } from '../../engine/index.ts';
import type { GameApp } from '../app.ts';

export interface MoveFollower {
  /** Which games to follow (all by default). */
  include?(session: Session): boolean;
  /** A game is on screen that was not followed a moment ago: new, resumed, retried or taken back. */
  shown(session: Session): void;
  /** One move was made in the followed game; `before` is what was on screen when the rep chose. */
  moved(session: Session, choiceId: string, before: SessionSnapshot): void;
}

/**
 * Follows the rep's games from what was on screen before a move to the move itself, for reporting
 * decisions: each one move later than the last is a decision; anything else (another game, a retry, a
 * take-back) starts following afresh. Replays being watched are not the rep's moves. Returns the
 * function that stops following.
 */
export function followMoves(app: GameApp, f: MoveFollower): () => void {
  const include = (s: Session) => (f.include ? f.include(s) : true);
  let followed: { session: Session; moves: number; shown: SessionSnapshot } | null =
    app.session && include(app.session) ? { session: app.session, moves: app.session.moves.length, shown: app.session.snapshot() } : null;
  const listener = (session: Session) => {
    if (!include(session) || app.runner.watching) return;
    const moves = session.moves.length;
    if (followed && followed.session === session && moves === followed.moves + 1) {
      const move = session.moves[moves - 1]!;
      f.moved(session, typeof move === 'string' ? move : `package-${move.join('-')}`, followed.shown);
    } else f.shown(session);
    followed = { session, moves, shown: session.snapshot() };
  };
  app.sessionListeners.add(listener);
  return () => app.sessionListeners.delete(listener);
}
