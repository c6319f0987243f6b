import type { ChoiceDef } from '../scenario/schema.ts';
import type { CompiledScenario } from '../persona/compile.ts';
import type { NegotiationModel } from '../persona/context.ts';
import { availableChoices } from '../persona/rules.ts';
import { presentationOrder } from '../choice-order.ts';

/**
 * Strategy archetypes: ways of negotiating a real negotiator would recognise, each a few lines of policy
 * over the choice tags and what the player can see. The teaching audit plays them against every
 * persona; the counterfactual debrief uses the disciplined one as "a good continuation".
 *
 * A policy sees only what the rep sees (the choices, what they are worth against the walk-away, the
 * player's own facts), never the counterpart's hidden state. Policies rank the choices; ties are broken
 * by the bot's own random numbers, so repeated plays sample different good (or bad) paths.
 */

/** One choice as a policy sees it. */
export interface PolicyChoice {
  id: string;
  tags: ReadonlySet<string>;
  /** A claim or signal the player's facts back (true when it needs no backing). */
  backed: boolean;
  /** It gives something away, asks for something in return, or puts a whole package on the table. */
  gives: boolean;
  gets: boolean;
  proposes: boolean;
  /** How much a preparation step builds the player's position (0 for a step that builds nothing). */
  prepGain: number;
}

/** What the player can see at one turn. */
export interface PolicyView {
  phase: 'prep' | 'negotiation';
  /** The counterpart has made its final offer: accept, walk, or push once more. */
  atFinalOffer: boolean;
  /** The counterpart is testing a claim the player made. */
  underTest: boolean;
  /** What the terms on the table are worth to the player, the walk-away and the target. */
  value: number;
  walkAway: number;
  target: number;
  turn: number;
  choices: PolicyChoice[];
}

/** A policy: picks one of the view's choices. `random()` is the bot's own generator, in [0, 1). */
export type Policy = (view: PolicyView, random: () => number) => string;

export interface Archetype {
  id: ArchetypeId;
  /** What a trainer reads in the audit table. */
  description: string;
  /** Strategies a real negotiator knows are bad; the audit requires each to score below `disciplined`. */
  bad: boolean;
  /** One-note strategies: none may reach an A against any persona. */
  oneNote: boolean;
  /**
   * The tag of a one-note strategy's note. A game in which that note was never on offer was not played
   * as that strategy (it was whatever the fallback picked), so the no-A check leaves it out.
   */
  note?: string;
  policy: Policy;
}

export const ARCHETYPE_IDS = [
  'disciplined',
  'strong-signal',
  'weak-signal',
  'desperate',
  'bluffer',
  'threatener',
  'walker',
  'holder',
  'asker',
  'random',
  'first-button',
  'trader',
  'never-trader',
  'never-asker',
  'claim-tester',
  'package-proposer',
] as const;
export type ArchetypeId = (typeof ARCHETYPE_IDS)[number];

function prepGainOf(ch: ChoiceDef): number {
  const e = ch.effect;
  if (!e) return 0;
  return (
    Math.max(0, e.batna ?? 0) * 10 + (e.threads ? 1 : 0) + (e.facts?.length ?? 0) * 0.5 + (e.reveals?.length ?? 0) * 0.2 + Math.max(0, e.walkAway ?? 0) * 0.001
  );
}

/**
 * The player's view of a negotiation state (from the persona model; a session snapshot carries the
 * same), with the choices in the order the session shows them for this seed.
 */
export function policyView(c: CompiledScenario, m: NegotiationModel, seed: number): PolicyView {
  const beat = c.beats.get(m.beat)!;
  const holds = (f: string) => m.facts.includes(f);
  return {
    phase: beat.phase === 'prep' ? 'prep' : 'negotiation',
    atFinalOffer: m.beat === c.scenario.flow.finalOffer,
    underTest: m.beat === c.scenario.flow.bluffTest,
    value: c.space.valueOf(m.terms),
    walkAway: m.walkAway,
    target: c.scenario.target,
    turn: m.turn,
    choices: presentationOrder(availableChoices(c, m), seed, m.turn).map((ch) => ({
      id: ch.id,
      tags: c.choiceTags.get(ch.id) ?? new Set(ch.tags),
      backed: ch.backedBy === undefined || ch.backedBy.some(holds),
      gives: ch.give !== undefined,
      gets: ch.get !== undefined,
      proposes: ch.propose !== undefined || ch.tags.includes('propose'),
      prepGain: prepGainOf(ch),
    })),
  };
}

/** Picks the choice with the highest rank; equal ranks are broken at random. */
function best(view: PolicyView, random: () => number, rank: (ch: PolicyChoice) => number): string {
  let top = -Infinity;
  let pool: PolicyChoice[] = [];
  for (const ch of view.choices) {
    const r = rank(ch);
    if (r > top + 1e-9) {
      top = r;
      pool = [ch];
    } else if (Math.abs(r - top) <= 1e-9) pool.push(ch);
  }
  return pool[Math.floor(random() * pool.length)]!.id;
}

const has = (ch: PolicyChoice, tag: string) => ch.tags.has(tag);
/** Moves that give leverage away: any real negotiator avoids them. */
const harmful = (ch: PolicyChoice) =>
  has(ch, 'batna:weak') || has(ch, 'pace:panic') || has(ch, 'threat') || has(ch, 'concede') || (ch.gives && !ch.gets && !ch.proposes) || !ch.backed;
const ends = (ch: PolicyChoice) => has(ch, 'accept') || has(ch, 'walk-away');

/** Preparation the way a prepared negotiator does it: the step that builds the most. */
const preparesWell = (ch: PolicyChoice) => ch.prepGain - (has(ch, 'walk-away') ? 100 : 0);
/** Preparation skipped: the step that builds the least. */
const preparesBadly = (ch: PolicyChoice) => -ch.prepGain - (has(ch, 'walk-away') ? 100 : 0);

/** At the final offer: sign at or above the walk-away, walk below it. */
function signOrWalk(view: PolicyView, random: () => number): string {
  const want = view.value >= view.walkAway ? 'accept' : 'walk-away';
  return best(view, random, (ch) => (has(ch, want) ? 2 : ends(ch) ? 0 : -1));
}

/**
 * The shape of every sensible strategy: prepare well, answer a test of a claim calmly on what is real,
 * sign at or above the walk-away and walk below it; in between, rank the moves with `atTable`.
 * Ending moves are never taken before the final offer.
 */
function sensible(atTable: (ch: PolicyChoice, view: PolicyView) => number, prep = preparesWell): Policy {
  return (view, random) => {
    if (view.phase === 'prep') return best(view, random, prep);
    if (view.atFinalOffer) return signOrWalk(view, random);
    if (view.underTest) return best(view, random, (ch) => (ends(ch) ? -5 : harmful(ch) ? -2 : (has(ch, 'hold') ? 1 : 0) + (has(ch, 'batna:strong') ? 1 : 0)));
    return best(view, random, (ch) => (ends(ch) ? -10 : atTable(ch, view)));
  };
}

/** How a disciplined negotiator ranks a move at the table: ask first, then trade, show real strength, hold. */
function disciplinedRank(ch: PolicyChoice): number {
  if (harmful(ch)) return -5;
  let r = 0;
  if (has(ch, 'ask:batna')) r += 4;
  if (has(ch, 'test:claim')) r += 4;
  if (has(ch, 'trade') || (ch.gives && ch.gets)) r += 3.5;
  if (has(ch, 'walk-to') || ch.proposes) r += 3;
  if (has(ch, 'batna:strong')) r += 3;
  if (has(ch, 'hold')) r += 1;
  if (has(ch, 'pace:pause')) r += 1;
  return r;
}

/** How the strong-signal player ranks a move at the table: its real alternative shown calmly, else a hold. */
function strongSignalRank(ch: PolicyChoice): number {
  return harmful(ch) ? -5 : has(ch, 'batna:strong') ? 3 : has(ch, 'hold') ? 1 : 0;
}

/**
 * One-note: play the one note whenever it is on offer, otherwise anything at random (not the first
 * button: scenario writers tend to list the good move first, which would smuggle good play in).
 * Never looks at the numbers.
 */
function oneNote(test: (ch: PolicyChoice) => boolean): Policy {
  return (view, random) => (view.choices.find(test) ?? view.choices[Math.floor(random() * view.choices.length)]!).id;
}

const POLICIES: Record<ArchetypeId, Omit<Archetype, 'id'>> = {
  disciplined: {
    description: 'prepares, asks, trades, shows real strength calmly; signs at or above the walk-away',
    bad: false,
    oneNote: false,
    policy: sensible(disciplinedRank),
  },
  'strong-signal': {
    description: 'prepares, then shows its real alternative calmly at every chance',
    bad: false,
    oneNote: false,
    policy: sensible(strongSignalRank),
  },
  'weak-signal': {
    description: 'plays as strong-signal does, but shows it needs the deal wherever it can',
    bad: true,
    oneNote: false,
    // The same path with weak signals in place of strong ones (and of neutral moves where a beat offers a
    // weak one): whatever else differs between the two games is the signals' doing.
    policy: sensible((ch) => (has(ch, 'batna:weak') || has(ch, 'pace:panic') ? 4 : strongSignalRank(ch))),
  },
  desperate: {
    description: 'skips preparation, pleads, panics and concedes; signs whatever is on the table',
    bad: true,
    oneNote: false,
    policy: (view, random) => {
      if (view.phase === 'prep') return best(view, random, preparesBadly);
      if (view.atFinalOffer) return best(view, random, (ch) => (has(ch, 'accept') ? 1 : 0));
      return best(view, random, (ch) => (ends(ch) ? -10 : (has(ch, 'batna:weak') ? 2 : 0) + (has(ch, 'pace:panic') ? 2 : 0) + (has(ch, 'concede') ? 2 : 0)));
    },
  },
  bluffer: {
    description: 'skips preparation and claims alternatives it does not have',
    bad: true,
    oneNote: false,
    policy: sensible(
      (ch) => ((has(ch, 'claim:alternative') || has(ch, 'batna:strong')) && !ch.backed ? 3 : has(ch, 'claim:alternative') ? 2 : has(ch, 'hold') ? 1 : 0),
      preparesBadly,
    ),
  },
  threatener: {
    description: 'prepares, then threatens to walk at every chance',
    bad: true,
    oneNote: true,
    note: 'threat',
    policy: sensible((ch) => (has(ch, 'threat') ? 3 : has(ch, 'hold') ? 1 : 0)),
  },
  walker: {
    description: 'walks out at the first chance; until then plays anything',
    bad: true,
    oneNote: true,
    note: 'walk-away',
    policy: oneNote((ch) => has(ch, 'walk-away')),
  },
  holder: {
    description: 'holds its position whenever it can, the final offer included; otherwise plays anything',
    bad: true,
    oneNote: true,
    note: 'hold',
    policy: oneNote((ch) => has(ch, 'hold')),
  },
  asker: {
    description: 'asks a discovery question whenever it can, otherwise plays anything',
    bad: true,
    oneNote: true,
    note: 'ask:batna',
    policy: oneNote((ch) => has(ch, 'ask:batna')),
  },
  random: {
    description: 'picks any available choice at random',
    bad: true,
    oneNote: true,
    policy: (view, random) => view.choices[Math.floor(random() * view.choices.length)]!.id,
  },
  'first-button': {
    description: 'always takes the first choice shown',
    bad: true,
    oneNote: true,
    policy: (view) => view.choices[0]!.id,
  },
  trader: {
    description: 'disciplined, and trades (every give tied to a get) or proposes a structure at every chance',
    bad: false,
    oneNote: false,
    policy: sensible((ch) => (harmful(ch) ? -5 : has(ch, 'trade') || (ch.gives && ch.gets) || has(ch, 'walk-to') || ch.proposes ? 6 : disciplinedRank(ch))),
  },
  'never-trader': {
    description: 'disciplined, but never trades or proposes a structure: holds instead',
    bad: false,
    oneNote: false,
    policy: sensible((ch) => (has(ch, 'trade') || ch.gives || ch.gets || has(ch, 'walk-to') || ch.proposes ? -4 : disciplinedRank(ch))),
  },
  'never-asker': {
    description: 'disciplined, but never asks a discovery question',
    bad: false,
    oneNote: false,
    policy: sensible((ch) => (has(ch, 'ask:batna') ? -4 : disciplinedRank(ch))),
  },
  'claim-tester': {
    description: "disciplined, and tests the counterpart's claims whenever it can",
    bad: false,
    oneNote: false,
    policy: sensible((ch) => (has(ch, 'test:claim') ? 8 : disciplinedRank(ch))),
  },
  'package-proposer': {
    description: 'disciplined, and puts its own package on the table whenever it can',
    bad: false,
    oneNote: false,
    policy: sensible((ch) => (!harmful(ch) && (ch.proposes || has(ch, 'walk-to')) ? 8 : disciplinedRank(ch))),
  },
};

export const ARCHETYPES: readonly Archetype[] = ARCHETYPE_IDS.map((id) => ({ id, ...POLICIES[id] }));

export function archetype(id: ArchetypeId): Archetype {
  return ARCHETYPES.find((a) => a.id === id)!;
}
