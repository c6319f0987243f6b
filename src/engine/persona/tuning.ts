/**
 * The model's constants in one place. Every number here is a teaching choice: how much a signal moves
 * the counterpart's belief, how far a free concession raises its asks. Personas scale them with their
 * own sensitivity, skepticism and exponent from the scenario file.
 */
export const TUNING = {
  /** Share of the counterpart's range it holds back when it believes the player has no alternative. */
  holdBack: 0.55,
  /** How much each lesson that "pushing pays" raises its floor. */
  learnedPressureStep: 0.08,
  /** Each threat multiplies the concession exponent by this (harder, more Boulware). */
  hardenFactor: 0.55,
  /** How much each threat raises the counterpart's floor: a hardened side asks for more, even at the end. */
  threatFloorStep: 0.06,
  /** Goodwill lost to a threat. */
  threatTrustCost: 0.3,
  /** Goodwill gained by a fair trade. */
  tradeTrustGain: 0.05,
  /** Belief moved by a calm, credible show of strength (scaled by sensitivity, credibility, real strength). */
  strongSignal: 0.45,
  /** Belief moved by claiming an alternative (scaled by sensitivity and credibility). */
  claimSignal: 0.55,
  /** Belief lost to a sign of dependence (scaled by sensitivity). */
  weakSignal: 0.22,
  /** Belief lost to timeline panic (scaled by sensitivity). */
  panicSignal: 0.28,
  /** Belief lost by a free concession (scaled by sensitivity). */
  concessionSignal: 0.06,
  /** Credibility left after a called bluff, as a share of what it was. */
  bluffCalledCredibility: 0.25,
  /** Credibility gained when a real claim survives a test. */
  claimProvenCredibility: 0.25,
  /** How far below its aspiration the counterpart will meet a structured alternative. */
  proposalSlack: 0.04,
  /** The step the counterpart takes below its floor when a credible player holds at the final offer. */
  lastPushStep: 0.08,
  /** Belief moved by controlling the pace. */
  pauseSignal: 0.06,
  /** Hundredths of issue weight the counterpart's picture of the rep moves when the rep asks for or gives up an issue. */
  learnStep: 15,
  /** Share of its posture the counterpart loses when the rep has uncovered all of its real position. */
  discoveryShare: 0.75,
  /** How much each claim of the counterpart's that the rep believes raises its floor. */
  claimFloorStep: 0.06,
  /** How much each bluff of the counterpart's that the rep catches lowers its floor. */
  bluffCaughtStep: 0.08,
  /** Share of its alternative the counterpart can no longer lean on once the rep has uncovered all of its weaknesses. */
  exposedWeakness: 0.5,
} as const;
