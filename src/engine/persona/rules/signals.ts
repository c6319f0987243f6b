import { TUNING } from '../tuning.ts';
import { clamp01, flagAntiPattern } from './common.ts';
import { react, type TableTurn } from './turn.ts';

/** Signs of dependence: a plea or timeline panic lowers what they believe of the rep's alternative. */
export function weakSignals(turn: TableTurn): void {
  const { m, tags, p, choice } = turn;
  if (tags.has('batna:weak')) {
    m.belief = clamp01(m.belief - TUNING.weakSignal * p.sensitivity);
    m.tally.weakSignals += 1;
    flagAntiPattern(turn, 'revealing-desperation', choice.id);
    react(turn, 'signalWeak');
  }
  if (tags.has('pace:panic')) {
    m.belief = clamp01(m.belief - TUNING.panicSignal * p.sensitivity);
    m.tally.panics += 1;
    flagAntiPattern(turn, 'end-of-quarter-panic', choice.id);
    react(turn, 'signalWeak');
  }
}

/** Calm strength moves them as far as the preparation behind it is real. */
export function calmStrength(turn: TableTurn): void {
  const { m, tags, p, choice } = turn;
  if (turn.answeringTest || !tags.has('batna:strong') || tags.has('claim:alternative') || tags.has('threat')) return;
  if (!turn.backed && choice.backedBy !== undefined) return;
  m.belief = clamp01(m.belief + TUNING.strongSignal * p.sensitivity * m.credibility * (0.3 + 0.7 * m.realBatna) * (1 - m.belief));
  m.tally.strongSignals += 1;
  if (m.tally.asks === 0) m.tally.revealedBeforeAsking += 1;
  react(turn, 'signalStrong');
}

/** A claimed alternative (or a threat, which claims one loudly): belief moves, and they may test it. */
export function claimAlternative(turn: TableTurn): void {
  const { m, tags, p, choice, c } = turn;
  const claims = tags.has('claim:alternative') || tags.has('threat') || (tags.has('batna:strong') && choice.backedBy !== undefined);
  if (turn.answeringTest || !claims) return;
  const bluff = !turn.backed;
  // A threat says nothing new about the alternative (loud is not credible), so it moves no belief;
  // an unbacked one is still a bluff that can be called.
  const gain = tags.has('threat') && !tags.has('claim:alternative') ? 0 : clamp01(TUNING.claimSignal * p.sensitivity * m.credibility * (1 - m.belief));
  m.belief = clamp01(m.belief + gain);
  if (bluff) {
    m.tally.bluffs += 1;
    flagAntiPattern(turn, 'bluffing', choice.id);
  } else {
    m.tally.backedClaims += 1;
    if (!tags.has('threat')) m.tally.strongSignals += 1;
  }
  if (m.tally.asks === 0 && !tags.has('threat')) m.tally.revealedBeforeAsking += 1;
  react(turn, 'signalStrong');
  if (c.scenario.flow.bluffTest && testsClaims(p, m, m.tally)) {
    m.pendingClaim = { bluff, gain };
    m.claimTested = true;
  }
}

/**
 * Whether the counterpart tests a claimed alternative. A rep caught bluffing is tested every time after.
 * Until a claim of the rep's has survived a test, it tests whenever its skepticism (shown in the
 * briefing) outweighs the credibility the rep has earned, counted as far as the rep's preparation shows;
 * once one has, it has seen the evidence. Every claim is judged on its own: no dice.
 */
export function testsClaims(
  p: { skepticism: number },
  m: { credibility: number; realBatna: number },
  t: { bluffsCalled: number; claimsProven: number },
): boolean {
  if (t.bluffsCalled > 0) return true;
  return t.claimsProven === 0 && p.skepticism > m.credibility * (0.5 + 0.5 * m.realBatna) + 1e-9;
}

/** A threat hardens them and costs goodwill. */
export function threat(turn: TableTurn): void {
  const { m, tags, choice } = turn;
  if (!tags.has('threat')) return;
  m.trust = clamp01(m.trust - TUNING.threatTrustCost);
  m.hardened += 1;
  m.tally.threats += 1;
  flagAntiPattern(turn, 'threatening', choice.id);
  react(turn, 'threatened');
}

/** Controlling the pace: their clock moves on and they read it as composure. */
export function pause(turn: TableTurn): void {
  const { m, tags, p } = turn;
  if (!tags.has('pace:pause')) return;
  m.clock += 1;
  m.belief = clamp01(m.belief + TUNING.pauseSignal * p.sensitivity * m.credibility);
  react(turn, 'paused');
}
