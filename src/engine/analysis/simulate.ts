import type { CompiledScenario } from '../persona/compile.ts';
import { OUTCOME_OF_STATE } from '../persona/machine.ts';
import { availableChoices } from '../persona/rules.ts';
import type { PersonaStepper } from '../persona/stepper.ts';
import { scoreNegotiation, type Score } from '../scoring/score.ts';
import { nextRandom, seedState } from '../rng.ts';
import type { Outcome } from '../vocabulary.ts';

/** The end of one simulated negotiation. */
export interface SimulatedGame {
  outcome: Outcome;
  score: Score;
  decisions: number;
}

/**
 * Plays one complete negotiation with a bot that picks uniformly among the available choices, using
 * the persona machine's table (with the full record kept). Seeded: the same seeds replay the same game.
 */
export function simulateRandomGame(stepper: PersonaStepper, c: CompiledScenario, personaId: string, seed: number, botSeed: number): SimulatedGame {
  let s = stepper.start({ personaId, seed });
  let bot = seedState(botSeed);
  let decisions = 0;
  while (!s.done) {
    const choices = availableChoices(c, s.context.model);
    const r = nextRandom(bot);
    bot = r.state;
    s = stepper.choose(s, choices[Math.floor(r.value * choices.length)]!.id)!;
    decisions++;
  }
  const outcome = OUTCOME_OF_STATE[s.value]!;
  return { outcome, score: scoreNegotiation(c, s.context.model, outcome), decisions };
}
