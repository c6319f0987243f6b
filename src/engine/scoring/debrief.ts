import { formatValue } from '../format.ts';
import type { Outcome } from '../vocabulary.ts';

/**
 * The words of the debrief that every front end shows (terminal, browser, anything else): how the
 * negotiation ended and what that outcome was worth. One place, so the views cannot drift apart.
 */

/** What the outcome lines read from a finished negotiation. */
export interface OutcomeFacts {
  outcome: Outcome;
  value: number;
  walkAwayValue: number;
  target: number;
  unit: string;
  bestOffer: number;
}

export function outcomeHeadline(r: OutcomeFacts): string {
  switch (r.outcome) {
    case 'deal':
      return `Deal signed at ${formatValue(r.value, r.unit)}`;
    case 'walked-away':
      return 'You walked away';
    case 'counterpart-walked':
      return 'They walked away';
  }
}

/** One or two sentences: what the outcome is worth against the walk-away and the target. */
export function outcomeContext(r: OutcomeFacts): string {
  const v = (n: number) => formatValue(n, r.unit);
  if (r.outcome === 'deal') {
    const against = r.value < r.walkAwayValue ? 'below' : r.value >= r.target ? 'at or above your target, and above' : 'above';
    return `The deal is worth ${v(r.value)}, ${against} your walk-away of ${v(r.walkAwayValue)} (target ${v(r.target)}).`;
  }
  const best = `The best offer you saw was worth ${v(r.bestOffer)}; your walk-away was ${v(r.walkAwayValue)}.`;
  const worth = `Without a deal you keep your alternative, worth your walk-away and no more.`;
  return r.outcome === 'counterpart-walked' ? `${best} They left before you made the call. ${worth}` : `${best} ${worth}`;
}
