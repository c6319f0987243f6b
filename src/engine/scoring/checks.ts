import type { Scenario } from '../scenario/schema.ts';
import type { Outcome } from '../vocabulary.ts';
import type { NegotiationModel, Tally } from '../persona/context.ts';
import type { DimensionId } from './dimensions.ts';

/**
 * Every check of the score, in one place: what it asks (the words the terminal, the browser and every
 * other front end show), which dimension it belongs to, what share of that dimension it is worth and
 * when it passes. Front ends render `label` and `passed`; none of them words a check of its own.
 */

/** What the checks read: the final model plus the facts of the ending. */
export interface ScoringInput {
  scenario: Scenario;
  model: NegotiationModel;
  outcome: Outcome;
  /** What the signed terms are worth to the player (0 without a deal). */
  value: number;
  /** Discovery items that are true of the persona (what there was to uncover). */
  signals: string[];
  /** Flags of the options in the signed terms (empty without a deal). */
  signedFlags: ReadonlySet<string>;
  hasThreadsAction: boolean;
  prepBeats: number;
}

export const CHECK_IDS = [
  'no-loss',
  'zone-share',
  'target',
  'gives-traded',
  'held',
  'few-free-gives',
  'never-trade-kept',
  'escalation-held',
  'showed-strength',
  'no-bluff',
  'claims-held',
  'no-threat',
  'no-desperation',
  'deadline-kept',
  'asked',
  'uncovered-half',
  'uncovered-all',
  'tested-claims',
  'trust',
  'no-precedent',
  'no-delivery-load',
  'prep-strengthened',
  'threads',
  'prep-complete',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface CheckDef {
  id: CheckId;
  dimension: DimensionId;
  /** Share of the dimension this check is worth (the shares of a dimension add up to 1). */
  share: number;
  /** The yes/no question as the debrief shows it; some read differently with and without a deal. */
  label: (i: ScoringInput) => string;
  passed: (i: ScoringInput) => boolean;
  /**
   * For a check that pays in proportion (how far into the zone a deal sits): the share of its points
   * earned, 0..1. Without it a check earns all its points when it passes and none when it does not.
   */
  earned?: (i: ScoringInput) => number;
}

const always = (text: string) => () => text;
const uncovered = (i: ScoringInput) => i.signals.filter((s) => i.model.discovered.includes(s)).length;
/** Claims of the counterpart's that were bluffs and that the rep never tested. */
function untestedBluffs(i: ScoringInput): number {
  const persona = i.scenario.personas.find((p) => p.id === i.model.personaId);
  return i.model.claimsMade.filter((id) => persona?.claims.find((c) => c.id === id)?.true === false && !i.model.claimsTested.includes(id)).length;
}

/**
 * Walking away is right when the counterpart's final position was worse than the player's alternative:
 * no offer reached the walk-away, and the player heard the final offer before leaving. A walk-away is
 * worth the walk-away, never the target: it earns this check, never the zone's.
 */
export function walkedRightly(i: ScoringInput): boolean {
  const m = i.model;
  return i.outcome === 'walked-away' && m.bestOffer < m.walkAway && m.beat === i.scenario.flow.finalOffer;
}

/**
 * Deal quality is earned by a deal worth signing. Without one there is nothing to judge: a walk-away is
 * worth the alternative and no more, so it never collects deal-quality points a signed deal could lose,
 * and a deal below the walk-away collects none either (it is always worse than walking).
 */
/** Where a signed deal sits between the walk-away (0) and the target (1), capped at both; 0 without a deal. */
export function zonePosition(i: ScoringInput): number {
  if (i.outcome !== 'deal') return 0;
  const zone = i.scenario.target - i.model.walkAway;
  if (zone <= 0) return i.value >= i.scenario.target ? 1 : 0;
  return Math.min(1, Math.max(0, (i.value - i.model.walkAway) / zone));
}

const heldOrTraded = (t: Tally) => t.holds + t.trades + t.proposalsAccepted > 0;

const soundDeal = (i: ScoringInput) => i.outcome === 'deal' && i.value >= i.model.walkAway;

export const CHECKS: readonly CheckDef[] = [
  {
    id: 'no-loss',
    dimension: 'value',
    share: 0.4,
    label: (i) => (i.outcome === 'deal' ? 'Signed at or above your walk-away' : 'Walked at the final offer; no offer reached your walk-away'),
    passed: (i) => (i.outcome === 'deal' ? i.value >= i.model.walkAway : walkedRightly(i)),
  },
  {
    // Deal value pays continuously, so more value always scores more and any deal above the walk-away
    // beats walking (a walk sits at zone position 0): a step function let a deal just above the
    // walk-away score the same as walking, which taught that signing a good deal is not worth it.
    id: 'zone-share',
    dimension: 'value',
    share: 0.45,
    label: (i) =>
      i.outcome === 'deal' && i.value >= i.model.walkAway
        ? `Signed ${Math.round(zonePosition(i) * 100)}% of the way from your walk-away to your target`
        : 'Signed a deal above your walk-away (points in proportion to how close it came to your target)',
    passed: (i) => zonePosition(i) > 0,
    earned: zonePosition,
  },
  {
    id: 'target',
    dimension: 'value',
    share: 0.15,
    label: always('Signed a deal at or above your target'),
    passed: (i) => i.outcome === 'deal' && i.value >= i.scenario.target,
  },
  { id: 'gives-traded', dimension: 'concessions', share: 0.35, label: always('Every give was traded for a get'), passed: (i) => i.model.tally.freeGives === 0 },
  // A trade or a package of your own answers pressure without giving ground as surely as standing firm:
  // the rep who traded every time they were pushed held their position, and must not lose this check.
  {
    id: 'held',
    dimension: 'concessions',
    share: 0.15,
    label: always('Held your position under pressure at least once (stood firm, or gave only for a get)'),
    passed: (i) => heldOrTraded(i.model.tally),
  },
  // Discipline is about gives without a get, never about how many trades were made: counting every give
  // punished the rep who traded, the move the seeds teach. One free give loses the check above; a second
  // loses this one too, so each further give-away costs more.
  {
    id: 'few-free-gives',
    dimension: 'concessions',
    share: 0.15,
    label: always('Gave at most one thing without a get'),
    passed: (i) => i.model.tally.freeGives <= 1,
  },
  {
    id: 'never-trade-kept',
    dimension: 'concessions',
    share: 0.2,
    label: (i) => (i.outcome === 'deal' ? 'Signed no never-trade item, whoever proposed it' : 'Offered none of your never-trade items'),
    // The signed terms are what is judged, whoever proposed them; without a deal, what the player gave.
    passed: (i) => !i.signedFlags.has('never-trade') && i.model.tally.neverTradeGiven === 0,
  },
  // A customer who gets a discount by going over the rep's head learns that escalation pays, and will
  // escalate at every renewal. Trading or standing firm under escalation keeps that lesson unlearned.
  {
    id: 'escalation-held',
    dimension: 'concessions',
    share: 0.15,
    label: always('Gave nothing for nothing when they went over your head'),
    passed: (i) => i.model.tally.escalationGives === 0,
  },
  // A trade or an accepted package shows a rep negotiating from a plan, not from need: the model moves
  // the counterpart's belief for it as for calm strength, so the score counts it the same.
  {
    id: 'showed-strength',
    dimension: 'signalling',
    share: 0.25,
    label: always('Showed real strength calmly: your alternative, or a trade'),
    passed: (i) => i.model.tally.strongSignals + i.model.tally.trades + i.model.tally.proposalsAccepted > 0,
  },
  { id: 'no-bluff', dimension: 'signalling', share: 0.2, label: always('Claimed no alternative you did not have'), passed: (i) => i.model.tally.bluffs === 0 },
  // A claim that folds when it is tested costs leverage for the rest of the deal, bluff or not.
  {
    id: 'claims-held',
    dimension: 'signalling',
    share: 0.1,
    label: always('Stood by every claim they put to the test'),
    passed: (i) => i.model.tally.bluffsCalled === 0,
  },
  { id: 'no-threat', dimension: 'signalling', share: 0.15, label: always('Made no threats or ultimatums'), passed: (i) => i.model.tally.threats === 0 },
  {
    id: 'no-desperation',
    dimension: 'signalling',
    share: 0.15,
    label: always('Showed no sign of needing the deal'),
    passed: (i) => i.model.tally.weakSignals === 0,
  },
  { id: 'deadline-kept', dimension: 'signalling', share: 0.15, label: always('Kept your deadline to yourself'), passed: (i) => i.model.tally.panics === 0 },
  { id: 'asked', dimension: 'discovery', share: 0.3, label: always('Asked about their alternatives and timeline'), passed: (i) => i.model.tally.asks > 0 },
  {
    id: 'uncovered-half',
    dimension: 'discovery',
    share: 0.25,
    label: always('Uncovered at least half of their position'),
    passed: (i) => uncovered(i) / Math.max(1, i.signals.length) >= 0.5,
  },
  {
    id: 'uncovered-all',
    dimension: 'discovery',
    share: 0.25,
    label: always('Uncovered all of their position'),
    passed: (i) => uncovered(i) >= i.signals.length,
  },
  // Their claims (an inflated switching cost, a cheaper rival, a deadline) hold until tested, and a
  // believed bluff raises the least they accept. The rep cannot know which claims are bluffs, so the
  // habit is to test them; the check is lost only by a bluff that went unchallenged.
  {
    id: 'tested-claims',
    dimension: 'discovery',
    share: 0.2,
    label: always('Tested their claims: no bluff of theirs went unchallenged'),
    passed: (i) => untestedBluffs(i) === 0,
  },
  {
    id: 'trust',
    dimension: 'relationship',
    share: 0.4,
    label: always('Trust stayed intact and they stayed at the table'),
    passed: (i) => i.model.trust >= 0.5 && i.outcome !== 'counterpart-walked',
  },
  {
    id: 'no-precedent',
    dimension: 'relationship',
    share: 0.3,
    label: (i) => (i.outcome === 'deal' ? 'A deal above your walk-away that sets no precedent' : 'No deal signed, so no sound terms to earn'),
    passed: (i) => soundDeal(i) && !i.signedFlags.has('precedent'),
  },
  {
    id: 'no-delivery-load',
    dimension: 'relationship',
    share: 0.3,
    label: (i) => (i.outcome === 'deal' ? 'A deal above your walk-away your team can deliver' : 'No deal signed, so no deliverable terms to earn'),
    passed: (i) => soundDeal(i) && !i.signedFlags.has('delivery-load'),
  },
  {
    id: 'prep-strengthened',
    dimension: 'preparation',
    share: 0.4,
    label: always('Strengthened your alternative before the table'),
    passed: (i) => i.model.prepBatnaGain > 0,
  },
  {
    id: 'threads',
    dimension: 'preparation',
    share: 0.3,
    label: always('Kept more than one thread in play'),
    passed: (i) => !i.hasThreadsAction || i.model.threads,
  },
  {
    id: 'prep-complete',
    dimension: 'preparation',
    share: 0.3,
    label: always('Made every preparation step change something (no empty choice)'),
    passed: (i) => i.model.prepActions >= i.prepBeats,
  },
];

/**
 * The part of the tally the checks read, reduced to what decides them (whether a count is zero, how
 * many free gives up to the limit). Path exploration merges states whose keys are equal, so this must change
 * whenever a check above starts reading the tally differently; it lives here, next to the checks.
 */
export function tallyKey(t: Tally): (boolean | number)[] {
  return [
    Math.min(t.freeGives, 2),
    heldOrTraded(t),
    t.neverTradeGiven > 0,
    t.strongSignals > 0,
    t.bluffs > 0,
    t.bluffsCalled > 0,
    t.threats > 0,
    t.weakSignals > 0,
    t.panics > 0,
    t.asks > 0,
    t.escalationGives > 0,
  ];
}

/**
 * Limits on the total, whatever the dimensions add up to: an outcome a real negotiator would call a
 * failure never earns a top grade.
 */
export interface CapDef {
  id: 'signed-never-trade' | 'deal-below-walk-away' | 'anti-pattern';
  max: number;
  reason: string;
  applies: (i: ScoringInput) => boolean;
}

export const CAPS: readonly CapDef[] = [
  {
    id: 'anti-pattern',
    max: 89,
    reason: 'An A needs a negotiation with nothing to work on, and this one gave leverage away (see the turns below).',
    applies: (i) => i.model.antiPatterns.length > 0,
  },
  {
    id: 'signed-never-trade',
    max: 89,
    reason: 'You signed an item on your never-trade list, so the score cannot reach an A.',
    applies: (i) => i.outcome === 'deal' && i.signedFlags.has('never-trade'),
  },
  {
    id: 'deal-below-walk-away',
    max: 59,
    reason: 'You signed below your walk-away: no deal would have been better, whatever else went well.',
    applies: (i) => i.outcome === 'deal' && i.value < i.model.walkAway,
  },
];
