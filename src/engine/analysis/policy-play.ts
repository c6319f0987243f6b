import type { CompiledScenario } from '../persona/compile.ts';
import { OUTCOME_OF_STATE } from '../persona/machine.ts';
import type { PersonaStepper, StepState } from '../persona/stepper.ts';
import { nextRandom, seedState } from '../rng.ts';
import { scoreNegotiation, type Score } from '../scoring/score.ts';
import type { Outcome } from '../vocabulary.ts';
import { policyView, type Policy } from './archetypes.ts';

/** The end of a negotiation played by a policy. */
export interface PlayedGame {
  /** Every choice id, from the start of the negotiation. */
  moves: string[];
  outcome: Outcome;
  score: Score;
  /** What the outcome is worth to the player: the deal's value, or the walk-away value without a deal. */
  worth: number;
  /** The best offer the counterpart made (valued by the player). */
  bestOffer: number;
  /** The value of the terms on the table when it ended (the deal, or the last offer). */
  lastOffer: number;
  end: StepState;
}

/** The bot's own random numbers, seeded (independent of the session's seed). */
export function botRandom(seed: number): () => number {
  let state = seedState(seed * 7919 + 17);
  return () => {
    const r = nextRandom(state);
    state = r.state;
    return r.value;
  };
}

/** Scores a finished state the way the session does. */
export function finish(c: CompiledScenario, moves: string[], s: StepState): PlayedGame {
  const outcome = OUTCOME_OF_STATE[s.value]!;
  const m = s.context.model;
  const lastOffer = c.space.valueOf(m.terms);
  return {
    moves,
    outcome,
    score: scoreNegotiation(c, m, outcome),
    worth: outcome === 'deal' ? lastOffer : m.walkAway,
    bestOffer: Number.isFinite(m.bestOffer) ? m.bestOffer : 0,
    lastOffer,
    end: s,
  };
}

/** Longest negotiation a policy may play (a guard against a script that loops). */
const MAX_MOVES = 200;

export interface PlayOptions {
  /** The session's seed: it decides the order the choices are shown in, as the session shows them. */
  seed: number;
  /** The moves already made before `from`. */
  moves?: readonly string[];
  /** Sees every state before its decision (the audit uses it to branch at the final offer). */
  visit?: (s: StepState, moves: string[]) => void;
}

/** Plays `policy` from `from` to the end through the persona machine's table. */
export function playPolicy(stepper: PersonaStepper, c: CompiledScenario, from: StepState, policy: Policy, random: () => number, o: PlayOptions): PlayedGame {
  let s = from;
  const played = [...(o.moves ?? [])];
  while (!s.done) {
    if (played.length >= MAX_MOVES) throw new Error(`${c.scenario.id}: a negotiation ran past ${MAX_MOVES} moves`);
    o.visit?.(s, played);
    const id = policy(policyView(c, s.context.model, o.seed), random);
    const next = stepper.choose(s, id);
    if (!next) throw new Error(`${c.scenario.id}: the machine refused the available choice "${id}"`);
    played.push(id);
    s = next;
  }
  return finish(c, played, s);
}

/** Replays fixed moves from the start; null when one of them is not available at its turn. */
export function replayMoves(stepper: PersonaStepper, _c: CompiledScenario, personaId: string, seed: number, moves: readonly string[]): StepState | null {
  let s: StepState | null = stepper.start({ personaId, seed });
  for (const id of moves) {
    if (!s || s.done) return null;
    s = stepper.choose(s, id);
  }
  return s;
}
