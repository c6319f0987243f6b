import type { Scenario } from '../scenario/schema.ts';
import type { Outcome } from '../vocabulary.ts';
import type { NegotiationModel } from '../persona/context.ts';

/** A yes/no item a rep can read and check against what they did. */
export interface Check {
  label: string;
  passed: boolean;
  /** Share of the dimension this check is worth (the shares of a dimension add up to 1). */
  share: number;
}

export const DIMENSIONS = ['value', 'concessions', 'signalling', 'discovery', 'relationship', 'preparation'] as const;
export type DimensionId = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<DimensionId, string> = {
  value: 'Deal value',
  concessions: 'Concession discipline',
  signalling: 'BATNA signalling',
  discovery: 'Discovery',
  relationship: 'Relationship and deal quality',
  preparation: 'Preparation',
};

export const DEFAULT_WEIGHTS: Record<DimensionId, number> = {
  value: 30,
  concessions: 20,
  signalling: 20,
  discovery: 10,
  relationship: 10,
  preparation: 10,
};

/** What the checks read: the final model plus the facts of the ending. */
export interface ScoringInput {
  scenario: Scenario;
  model: NegotiationModel;
  outcome: Outcome;
  value: number;
  /** Discovery items that are true of the persona (what there was to uncover). */
  signals: string[];
  /** Flags of the options in the signed terms (empty without a deal). */
  signedFlags: Set<string>;
  hasThreadsAction: boolean;
  prepBeats: number;
}

/**
 * The checks of each dimension. Every check is a plain yes/no the debrief shows; a dimension's score is
 * its weight times the share of checks passed. Walking away when nothing reached the walk-away earns the
 * value checks in full: it is the right answer.
 */
export function dimensionChecks(i: ScoringInput): Record<DimensionId, Check[]> {
  const { model: m, outcome, value } = i;
  const wa = m.walkAway;
  const target = i.scenario.target;
  const deal = outcome === 'deal';
  const nothingReachedWalkAway = m.bestOffer < wa;
  // Walking is the right answer when nothing reached the walk-away; being walked out on is at best no loss.
  const rightNoDeal = outcome === 'walked-away' && nothingReachedWalkAway;
  const noLoss = deal ? value >= wa : nothingReachedWalkAway;
  const t = m.tally;
  const uncovered = i.signals.filter((s) => m.discovered.includes(s)).length;
  const toUncover = Math.max(1, i.signals.length);

  return {
    value: [
      { label: deal ? 'Signed at or above your walk-away' : 'Ended without a deal only when no offer reached your walk-away', passed: noLoss, share: 0.4 },
      { label: 'Reached the middle of the zone between walk-away and target', passed: deal ? value >= wa + (target - wa) / 2 : rightNoDeal, share: 0.3 },
      { label: 'Reached your target', passed: deal ? value >= target : rightNoDeal, share: 0.3 },
    ],
    concessions: [
      { label: 'Every give was traded for a get', passed: t.freeGives === 0, share: 0.4 },
      { label: 'Held your position at least once under pressure', passed: t.holds > 0, share: 0.2 },
      { label: 'Gave no more than two things in all', passed: t.gives <= 2, share: 0.2 },
      { label: 'Kept your never-trade items off the table', passed: t.neverTradeGiven === 0, share: 0.2 },
    ],
    signalling: [
      { label: 'Showed a real alternative, calmly', passed: t.strongSignals > 0, share: 0.25 },
      { label: 'Claimed no alternative you did not have', passed: t.bluffs === 0, share: 0.25 },
      { label: 'Made no threats or ultimatums', passed: t.threats === 0, share: 0.2 },
      { label: 'Showed no sign of needing the deal', passed: t.weakSignals === 0, share: 0.15 },
      { label: 'Kept your deadline to yourself', passed: t.panics === 0, share: 0.15 },
    ],
    discovery: [
      { label: 'Asked about their alternatives and timeline', passed: t.asks > 0, share: 0.4 },
      { label: 'Uncovered at least half of their position', passed: uncovered / toUncover >= 0.5, share: 0.3 },
      { label: 'Uncovered all of their position', passed: uncovered >= i.signals.length, share: 0.3 },
    ],
    relationship: [
      { label: 'Trust stayed intact', passed: m.trust >= 0.5 && outcome !== 'counterpart-walked', share: 0.4 },
      { label: 'Signed no terms that set a precedent', passed: !i.signedFlags.has('precedent'), share: 0.3 },
      { label: 'Signed no delivery load your team cannot carry', passed: !i.signedFlags.has('delivery-load'), share: 0.3 },
    ],
    preparation: [
      { label: 'Strengthened your alternative before the table', passed: m.prepBatnaGain > 0, share: 0.4 },
      { label: 'Kept more than one thread in play', passed: !i.hasThreadsAction || m.threads, share: 0.3 },
      { label: 'Used every preparation step', passed: m.prepActions >= i.prepBeats, share: 0.3 },
    ],
  };
}
