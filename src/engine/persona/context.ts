import type { AntiPatternId, Outcome } from '../vocabulary.ts';
import type { ReactionKey } from '../scenario/schema.ts';
import type { Bounds, Estimate } from './packages.ts';

/**
 * Everything that changes during a negotiation. `model` is what the rules read and the score is computed
 * from; `log` is the record for the debrief (transcript, offers, anti-pattern turns) and never feeds back
 * into a decision, so path exploration can merge states whose models are equal.
 */
export interface NegotiationModel {
  personaId: string;
  rng: number;
  /** Decisions taken so far, prep included. */
  turn: number;
  /** Time on the counterpart's clock, in negotiation turns (a pause moves it on too). */
  clock: number;
  beat: string;
  /** Where the script continues after an interjection, or the beat a choice leads to. */
  nextBeat: string | null;
  resume: string | null;

  realBatna: number;
  walkAway: number;
  facts: string[];
  discovered: string[];
  threads: boolean;
  prepActions: number;
  prepBatnaGain: number;

  belief: number;
  credibility: number;
  trust: number;
  learnedPressure: number;
  hardened: number;
  tacticsUsed: number[];
  pendingClaim: { bluff: boolean; gain: number } | null;
  claimTested: boolean;
  closingRounds: number;
  /** The counterpart's claims: the last one made (what a test:claim choice tests), all made, and those tested. */
  lastClaim: string | null;
  claimsMade: string[];
  claimsTested: string[];
  /** The counterpart's bluffs the rep caught: each one exposes its posture and costs it the benefit of the doubt. */
  bluffsCaught: number;
  /** Facts the rep held and put to use at the table (cited by a choice that needs them). */
  factsUsed: string[];

  bounds: Bounds;
  /** What the counterpart has learned of the rep's issue weights (hundredths, in issue order). */
  estimate: Estimate;
  terms: Record<string, string>;
  bestOffer: number;
  tally: Tally;
  antiPatterns: AntiPatternId[];
  /** The counterpart's reaction to the last move, and (for consequences) what decided it. */
  reaction: { key: ReactionKey; text: string; why?: string } | null;
  outcome: Outcome | null;
}

export interface Tally {
  gives: number;
  freeGives: number;
  trades: number;
  holds: number;
  strongSignals: number;
  backedClaims: number;
  bluffs: number;
  bluffsCalled: number;
  /** Claimed alternatives of the rep's that survived a test. */
  claimsProven: number;
  threats: number;
  weakSignals: number;
  panics: number;
  asks: number;
  proposalsAccepted: number;
  neverTradeGiven: number;
  /** Gives made for nothing while the counterpart was escalating over the rep's head. */
  escalationGives: number;
}

export const EMPTY_TALLY: Tally = {
  gives: 0,
  freeGives: 0,
  trades: 0,
  holds: 0,
  strongSignals: 0,
  backedClaims: 0,
  bluffs: 0,
  bluffsCalled: 0,
  claimsProven: 0,
  threats: 0,
  weakSignals: 0,
  panics: 0,
  asks: 0,
  proposalsAccepted: 0,
  neverTradeGiven: 0,
  escalationGives: 0,
};

export interface TranscriptEntry {
  turn: number;
  phase: 'prep' | 'negotiation';
  beat: string;
  speaker: string;
  line: string;
  choice: { id: string; text: string; tags: string[] };
  /** Value of the counterpart's terms to the player after this turn. */
  value: number;
  /** What decided the counterpart's reaction to this move, when it was a consequence (a test, a push, a proposal). */
  decided?: string;
}

export interface OfferPoint {
  turn: number;
  /** The counterpart's offer, valued by the player. */
  theirs: number;
  /** The player's own position (the best the player still asks for). */
  yours: number;
}

export interface NegotiationLog {
  transcript: TranscriptEntry[];
  offers: OfferPoint[];
  antiPatterns: { id: AntiPatternId; turn: number; choiceId: string }[];
}

export interface NegotiationContext {
  model: NegotiationModel;
  log: NegotiationLog;
}

/**
 * A shallow copy of the model for the next state. Written out field by field rather than spread: the
 * rules copy the model on every choice, and one object literal of a fixed shape is several times faster
 * to build than a spread of this many fields (measured in `npm run bench`). The compiler checks that
 * no field is missing or extra.
 */
export function copyModel(m: NegotiationModel): NegotiationModel {
  return {
    personaId: m.personaId,
    rng: m.rng,
    turn: m.turn,
    clock: m.clock,
    beat: m.beat,
    nextBeat: m.nextBeat,
    resume: m.resume,
    realBatna: m.realBatna,
    walkAway: m.walkAway,
    facts: m.facts,
    discovered: m.discovered,
    threads: m.threads,
    prepActions: m.prepActions,
    prepBatnaGain: m.prepBatnaGain,
    belief: m.belief,
    credibility: m.credibility,
    trust: m.trust,
    learnedPressure: m.learnedPressure,
    hardened: m.hardened,
    tacticsUsed: m.tacticsUsed,
    pendingClaim: m.pendingClaim,
    claimTested: m.claimTested,
    closingRounds: m.closingRounds,
    lastClaim: m.lastClaim,
    claimsMade: m.claimsMade,
    claimsTested: m.claimsTested,
    bluffsCaught: m.bluffsCaught,
    factsUsed: m.factsUsed,
    bounds: m.bounds,
    estimate: m.estimate,
    terms: m.terms,
    bestOffer: m.bestOffer,
    tally: m.tally,
    antiPatterns: m.antiPatterns,
    reaction: m.reaction,
    outcome: m.outcome,
  };
}
