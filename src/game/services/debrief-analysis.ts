import type { CheckAdvice, CheckId, KeyMoment, Session } from '../../engine/index.ts';
import { engine } from './engine-loader.ts';

/** What the debrief shows beyond the score: the key moments (the game replayed with better moves) and the advice per check. */
export interface DebriefAnalysis {
  moments: KeyMoment[];
  advice: Partial<Record<CheckId, CheckAdvice>>;
}

/** The analysis of each finished game, kept while its session lives (the debrief's tabs and pages each rebuild the screen). */
const analysed = new WeakMap<Session, { moves: number; analysis: DebriefAnalysis }>();

/**
 * The analysis of a finished game, worked out once. Finding the key moments replays the game once per
 * move, tens of milliseconds: the table works it out in a task of its own before the debrief is built
 * (see NegotiationScene), so neither makes a long task of the other.
 */
export function debriefAnalysis(session: Session): DebriefAnalysis {
  const kept = analysed.get(session);
  if (kept && kept.moves === session.moves.length) return kept.analysis;
  const result = session.result();
  if (!result) throw new Error('no debrief before the end of the negotiation');
  const { checkAdvice, keyMoments } = engine();
  const analysis = {
    moments: keyMoments(session.compiled, session.personaId, session.seed, session.moves),
    advice: checkAdvice(session.compiled, session.attempt(), result),
  };
  analysed.set(session, { moves: session.moves.length, analysis });
  return analysis;
}
