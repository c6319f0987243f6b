import type { CompiledScenario } from '../compile.ts';
import type { Bounds } from '../packages.ts';
import { TUNING } from '../tuning.ts';
import { clamp01, flagAntiPattern, isEscalationBeat } from './common.ts';
import { counterpartAspiration, counterpartFloor } from './counterpart.ts';
import { react, type TableTurn } from './turn.ts';

function optionValue(c: CompiledScenario, issueId: string, optionId: string): number {
  return c.scenario.issues.find((i) => i.id === issueId)!.options.find((o) => o.id === optionId)!.you;
}

/**
 * Narrows the terms the counterpart may offer. `get`: the rep's side of the issue is at least the option
 * got. `give` (in a trade) and `fix` (a package): agreed at the option named, so a trade signs what its
 * words say. `concede` (a give with nothing asked back): the rep's side is at most the option given; the
 * counterpart pockets it and may still push past it, as it would at a real table.
 */
export function tighten(bounds: Bounds, c: CompiledScenario, terms: Record<string, string> | undefined, side: 'give' | 'get' | 'fix' | 'concede'): Bounds {
  if (!terms) return bounds;
  const next: Record<string, readonly [number, number]> = { ...bounds };
  for (const [issueId, optionId] of Object.entries(terms)) {
    const you = optionValue(c, issueId, optionId);
    const [lo, hi] = next[issueId]!;
    next[issueId] = side === 'get' ? [Math.max(lo, you), hi] : side === 'concede' ? [Math.min(lo, you), Math.min(hi, you)] : [you, you];
  }
  return next;
}

/** Whether these terms hold an option on the rep's never-trade list. */
export function givesNeverTrade(c: CompiledScenario, give: Record<string, string> | undefined): boolean {
  return Object.entries(give ?? {}).some(([issueId, optionId]) =>
    c.scenario.issues
      .find((i) => i.id === issueId)
      ?.options.find((o) => o.id === optionId)
      ?.flags?.includes('never-trade'),
  );
}

/**
 * A give tied to a get, or a structured alternative, shows a rep negotiating from a plan rather than
 * from need: it moves the counterpart's belief in the rep's alternative as calm strength does, as far as
 * the preparation behind it is real. (A give alone does the opposite.)
 */
function showsDesign(turn: TableTurn): void {
  const { m, p } = turn;
  m.belief = clamp01(m.belief + TUNING.strongSignal * p.sensitivity * m.credibility * (0.3 + 0.7 * m.realBatna) * (1 - m.belief));
}

/** Gives and gets: a trade they can live with narrows the terms both ways; a give alone teaches them to push. */
export function giveAndGet(turn: TableTurn): void {
  const { m, c, p, choice } = turn;
  if (!choice.give && !choice.get) return;
  const proposed = tighten(tighten(m.bounds, c, choice.give, choice.get ? 'give' : 'concede'), c, choice.get, 'get');
  const acceptable = c.space.reaches(proposed, counterpartFloor(c, p, m));
  if (choice.get && !acceptable) {
    react(turn, 'tradeRefused');
    return;
  }
  m.bounds = proposed;
  m.tally.gives += 1;
  if (givesNeverTrade(c, choice.give)) m.tally.neverTradeGiven += 1;
  if (choice.get) {
    m.trust = clamp01(m.trust + TUNING.tradeTrustGain);
    m.tally.trades += 1;
    showsDesign(turn);
    react(turn, 'traded');
  } else {
    m.learnedPressure += 1;
    m.belief = clamp01(m.belief - TUNING.concessionSignal * p.sensitivity);
    m.tally.freeGives += 1;
    // A give for nothing under escalation teaches the customer that going over the rep's head pays.
    if (isEscalationBeat(turn.p, turn.beat.id)) m.tally.escalationGives += 1;
    flagAntiPattern(turn, 'concession-without-trade', choice.id);
    react(turn, 'conceded');
  }
}

/**
 * A package or structured alternative put on the table (scripted, or composed by the rep): the
 * counterpart judges it from its hidden valuation. It takes it if it is close enough to where it is
 * heading; otherwise it says why and answers with a package of its own, which now reflects what the
 * proposal taught it of the rep's priorities.
 */
export function proposal(turn: TableTurn): void {
  const { m, c, p, choice } = turn;
  if (!choice.propose) return;
  const proposed = tighten(m.bounds, c, choice.propose, 'fix');
  const level = counterpartAspiration(c, p, { ...m, clock: m.clock + 1 }) - TUNING.proposalSlack;
  if (c.space.reaches(proposed, level)) {
    m.bounds = proposed;
    m.tally.proposalsAccepted += 1;
    showsDesign(turn);
    react(turn, 'proposalAccepted');
    return;
  }
  react(turn, 'proposalRejected');
  turn.why.proposalRejected = c.space.reaches(proposed, counterpartFloor(c, p, m))
    ? 'It is short of what they still expect to get at this point; they answer with a package of their own.'
    : 'It is worth less to them than the least they will accept now; they answer with a package of their own.';
}

export function hold(turn: TableTurn): void {
  if (!turn.tags.has('hold')) return;
  turn.m.tally.holds += 1;
  react(turn, 'held');
}
