import type { TableTurn } from './turn.ts';
import { flagAntiPattern } from './common.ts';
import { givesNeverTrade } from './terms.ts';

/** Walking away or accepting ends the negotiation at once; nothing else of the turn applies. */
export function endingMove(turn: TableTurn): boolean {
  const { m, tags, choice, c } = turn;
  if (tags.has('walk-away')) {
    m.outcome = 'walked-away';
    m.nextBeat = null;
    m.pendingClaim = null;
    return true;
  }
  if (tags.has('accept')) {
    m.outcome = 'deal';
    m.nextBeat = null;
    m.pendingClaim = null;
    if (c.space.valueOf(m.terms) < m.walkAway) flagAntiPattern(turn, 'deal-below-walk-away', choice.id);
    if (givesNeverTrade(c, m.terms)) flagAntiPattern(turn, 'signed-never-trade', choice.id);
    for (const id of choice.antiPatterns ?? []) flagAntiPattern(turn, id, choice.id);
    return true;
  }
  return false;
}
