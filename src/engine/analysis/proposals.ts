import type { CompiledScenario } from '../persona/compile.ts';
import { OUTCOME_OF_STATE } from '../persona/machine.ts';
import { availableChoices } from '../persona/rules.ts';
import { canPropose } from '../persona/rules/proposal.ts';
import { PersonaStepper } from '../persona/stepper.ts';
import { nextRandom, seedState } from '../rng.ts';
import { scoreNegotiation } from '../scoring/score.ts';
import type { Outcome } from '../vocabulary.ts';

/** What sampling games with free proposals found for one persona. */
export interface ProposalSample {
  personaId: string;
  games: number;
  proposals: number;
  accepted: number;
  outcomes: Record<Outcome, number>;
  /** States where neither a choice nor a proposal could be made (must stay 0). */
  deadEnds: number;
  scores: { min: number; max: number };
}

/**
 * Free proposals cannot be explored exhaustively (a scenario may allow millions of packages), so they are
 * sampled: seeded random games in which, wherever a proposal is allowed, the rep proposes a random whole
 * package one move in three and otherwise picks a random scripted choice.
 */
export function sampleProposals(c: CompiledScenario, personaId: string, games = 200, seed = 1): ProposalSample {
  const stepper = new PersonaStepper(c, { record: false });
  let bot = seedState(seed);
  const draw = () => {
    const r = nextRandom(bot);
    bot = r.state;
    return r.value;
  };
  const out: ProposalSample = {
    personaId,
    games,
    proposals: 0,
    accepted: 0,
    outcomes: { deal: 0, 'walked-away': 0, 'counterpart-walked': 0 },
    deadEnds: 0,
    scores: { min: 100, max: 0 },
  };
  for (let g = 0; g < games; g++) {
    let s = stepper.start({ personaId, seed });
    while (!s.done) {
      const m = s.context.model;
      const choices = availableChoices(c, m);
      const proposing = canPropose(c, m) && (choices.length === 0 || draw() < 1 / 3);
      if (proposing) {
        const terms: Record<string, string> = {};
        for (const issue of c.scenario.issues) terms[issue.id] = issue.options[Math.floor(draw() * issue.options.length)]!.id;
        s = stepper.propose(s, terms)!;
        out.proposals++;
        if (s.context.model.reaction?.key === 'proposalAccepted') out.accepted++;
      } else if (choices.length > 0) {
        s = stepper.choose(s, choices[Math.floor(draw() * choices.length)]!.id)!;
      } else {
        out.deadEnds++;
        break;
      }
    }
    const outcome = OUTCOME_OF_STATE[s.value];
    if (!outcome) continue;
    out.outcomes[outcome]++;
    const score = scoreNegotiation(c, s.context.model, outcome).total;
    out.scores.min = Math.min(out.scores.min, score);
    out.scores.max = Math.max(out.scores.max, score);
  }
  return out;
}
