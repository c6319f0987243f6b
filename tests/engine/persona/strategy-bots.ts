import { Session, type CompiledScenario } from '../../../src/engine/index.ts';
import type { ChoiceView } from '../../../src/engine/session.ts';
import { lastPushEarned } from '../../../src/engine/persona/rules/counter-offer.ts';

/**
 * Strategy bots over the session API. Each is a disciplined player (prepares, shows real strength
 * calmly, never pleads, threatens, bluffs or gives for free, signs what beats the walk-away and walks
 * otherwise) that differs from the others in one habit only, so that comparing two of them measures
 * that habit.
 */
export type Habit = 'holder' | 'trader' | 'asker' | 'never-asker' | 'claim-tester' | 'claim-believer';

const BAD = ['batna:weak', 'pace:panic', 'threat', 'concede', 'walk-away', 'accept'];

function rank(c: CompiledScenario, ch: ChoiceView, habit: Habit, facts: string[]): number {
  const def = c.choices.get(ch.id)!;
  const tags = new Set(ch.tags);
  if (tags.has('prep')) {
    const e = def.effect;
    return e ? 10 + (e.batna ?? 0) * 100 + (e.facts?.length ?? 0) + (e.reveals?.length ?? 0) * 0.5 + (e.threads ? 1 : 0) : 0;
  }
  if (BAD.some((t) => tags.has(t))) return -100;
  const bluff = (tags.has('claim:alternative') || def.backedBy) && !(def.backedBy ?? []).some((f) => facts.includes(f));
  if (bluff) return -50;
  let r = 0;
  if (tags.has('hold')) r = 5;
  if (tags.has('batna:strong')) r = Math.max(r, 4);
  if (tags.has('pace:pause')) r = Math.max(r, 3);
  if (tags.has('claim:alternative')) r = Math.max(r, 2);
  const asks = tags.has('ask:batna') || (def.reveals?.length ?? 0) > 0;
  if (asks) r = habit === 'asker' ? 20 : habit === 'never-asker' ? -10 : 1;
  const trades = tags.has('trade') || tags.has('walk-to');
  if (trades) r = habit === 'trader' ? 20 : habit === 'holder' ? -10 : 0.5;
  if (tags.has('test:claim')) r = habit === 'claim-tester' ? 30 : habit === 'claim-believer' ? -10 : r;
  return r;
}

export interface BotGame {
  session: Session;
  /** Value of the counterpart's last offer, at the final decision (after one push if the bot pushed). */
  finalOffer: number;
  value: number;
  outcome: string;
  score: number;
}

export function playHabit(c: CompiledScenario, personaId: string, habit: Habit, seed = 1): BotGame {
  const s = Session.create(c, personaId, seed);
  let finalOffer = 0;
  while (!s.isOver()) {
    const snap = s.snapshot();
    const ids = snap.choices.map((ch) => ch.id);
    const accept = snap.choices.find((ch) => ch.tags.includes('accept'));
    const walk = snap.choices.find((ch) => ch.tags.includes('walk-away'));
    if (snap.stage === 'closing' && accept && walk) {
      // A disciplined player pushes once, calmly, when the record of the talk says a push is earned (or
      // nothing else is left above the walk-away); then signs above the walk-away and walks below it.
      const push = snap.choices.find(
        (ch) => !ch.tags.includes('accept') && !ch.tags.includes('walk-away') && (ch.tags.includes('hold') || ch.tags.includes('batna:strong')),
      );
      const pushed = s.context.model.closingRounds > 0;
      const earned = lastPushEarned(s.context.model);
      finalOffer = snap.value;
      if (push && !pushed && (earned || snap.value < snap.walkAwayValue)) s.choose(push.id);
      else if (snap.value >= snap.walkAwayValue) s.choose(accept.id);
      else s.choose(walk.id);
      continue;
    }
    let best = snap.choices[0]!;
    let bestRank = -Infinity;
    for (const ch of snap.choices) {
      const r = rank(c, ch, habit, snap.facts);
      if (r > bestRank) {
        best = ch;
        bestRank = r;
      }
    }
    void ids;
    s.choose(best.id);
  }
  const r = s.result()!;
  return { session: s, finalOffer, value: r.value, outcome: r.outcome, score: r.score.total };
}
