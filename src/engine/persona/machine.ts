import { assign, setup } from 'xstate';
import type { CompiledScenario } from './compile.ts';
import type { NegotiationContext } from './context.ts';
import {
  applyChoice,
  availableChoices,
  dueTactic,
  enterBeat,
  enterTactic,
  finalOfferDue,
  initialContext,
  isPrepBeat,
  personaOf,
} from './rules.ts';

export type PersonaEvent = { type: 'CHOOSE'; choiceId: string };
export interface PersonaInput {
  personaId: string;
  seed: number;
}

/** The persona's phases. Final states end the negotiation with the matching outcome. */
export const PHASES = [
  'prep',
  'opening',
  'discovery',
  'bargaining',
  'pressing',
  'escalating',
  'testing',
  'closing',
  'agreed',
  'walkedAway',
  'counterpartWalked',
] as const;
export type PhaseState = (typeof PHASES)[number];

/**
 * Compiles a scenario into its persona machine. States are the counterpart's phases and carry mood tags
 * for the view; numbers live in context; every change of phase is a named, guarded transition out of
 * the transient `deciding` state, taken after the choice's rules have been applied.
 */
export function createPersonaMachine(c: CompiledScenario) {
  const phaseOfNext = (ctx: NegotiationContext) => c.beats.get(ctx.model.nextBeat ?? '')?.phase;
  const choose = { CHOOSE: { guard: 'isAvailableChoice', target: 'deciding', actions: 'applyChoice' } } as const;

  return setup({
    types: {
      context: {} as NegotiationContext,
      events: {} as PersonaEvent,
      input: {} as PersonaInput,
    },
    guards: {
      isAvailableChoice: ({ context, event }) => availableChoices(c, context.model).some((ch) => ch.id === event.choiceId),
      playerWalked: ({ context }) => context.model.outcome === 'walked-away',
      dealAgreed: ({ context }) => context.model.outcome === 'deal',
      counterpartLeft: ({ context }) => context.model.outcome === 'counterpart-walked',
      stillPreparing: ({ context }) => context.model.nextBeat !== null && isPrepBeat(c, context.model.nextBeat),
      claimUnderTest: ({ context }) => context.model.pendingClaim !== null && context.model.beat !== c.scenario.flow.bluffTest,
      finalOfferDue: ({ context }) => finalOfferDue(c, context.model),
      escalationDue: ({ context }) => {
        const i = dueTactic(c, context.model);
        return i >= 0 && personaOf(c, context.model).tactics[i]!.kind === 'escalate';
      },
      tacticDue: ({ context }) => dueTactic(c, context.model) >= 0,
      nextIsOpening: ({ context }) => phaseOfNext(context) === 'opening',
      nextIsDiscovery: ({ context }) => phaseOfNext(context) === 'discovery',
      nextIsClosing: ({ context }) => phaseOfNext(context) === 'closing',
    },
    actions: {
      applyChoice: assign(({ context, event }) => applyChoice(c, context, c.choices.get(event.choiceId)!)),
      goToNextBeat: assign(({ context }) => ({ model: enterBeat(context.model, context.model.nextBeat!) })),
      openClaimTest: assign(({ context }) => ({
        model: enterBeat(context.model, c.scenario.flow.bluffTest!, context.model.nextBeat),
      })),
      openFinalOffer: assign(({ context }) => ({ model: enterBeat(context.model, c.scenario.flow.finalOffer, null) })),
      openTactic: assign(({ context }) => ({ model: enterTactic(c, context.model) })),
    },
  }).createMachine({
    id: `persona:${c.scenario.id}`,
    context: ({ input }) => initialContext(c, input.personaId, input.seed),
    initial: c.beats.get(c.firstBeat)!.phase === 'prep' ? 'prep' : 'opening',
    states: {
      prep: { tags: ['mood:neutral'], on: choose },
      opening: { tags: ['mood:neutral'], on: choose },
      discovery: { tags: ['mood:neutral'], on: choose },
      bargaining: { tags: ['mood:neutral'], on: choose },
      pressing: { tags: ['mood:pressing'], on: choose },
      escalating: { tags: ['mood:pressing'], on: choose },
      testing: { tags: ['mood:skeptical'], on: choose },
      closing: { tags: ['mood:pressing'], on: choose },
      deciding: {
        always: [
          { guard: 'playerWalked', target: 'walkedAway' },
          { guard: 'dealAgreed', target: 'agreed' },
          { guard: 'counterpartLeft', target: 'counterpartWalked' },
          { guard: 'stillPreparing', target: 'prep', actions: 'goToNextBeat' },
          { guard: 'claimUnderTest', target: 'testing', actions: 'openClaimTest' },
          { guard: 'finalOfferDue', target: 'closing', actions: 'openFinalOffer' },
          { guard: 'escalationDue', target: 'escalating', actions: 'openTactic' },
          { guard: 'tacticDue', target: 'pressing', actions: 'openTactic' },
          { guard: 'nextIsOpening', target: 'opening', actions: 'goToNextBeat' },
          { guard: 'nextIsDiscovery', target: 'discovery', actions: 'goToNextBeat' },
          { guard: 'nextIsClosing', target: 'closing', actions: 'goToNextBeat' },
          { target: 'bargaining', actions: 'goToNextBeat' },
        ],
      },
      agreed: { type: 'final', tags: ['mood:pleased'] },
      walkedAway: { type: 'final', tags: ['mood:neutral'] },
      counterpartWalked: { type: 'final', tags: ['mood:annoyed'] },
    },
  });
}

export type PersonaMachine = ReturnType<typeof createPersonaMachine>;
