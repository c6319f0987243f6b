import { assign, setup } from 'xstate';
import type { CompiledScenario } from './compile.ts';
import type { NegotiationContext } from './context.ts';
import type { Outcome } from '../vocabulary.ts';
import { applyChoice, availableChoices, dueTactic, enterBeat, enterTactic, finalOfferDue, initialContext, isPrepBeat, personaOf } from './rules.ts';
import { canPropose, isWholePackage, proposalChoice } from './rules/proposal.ts';

/** The rep's moves: a scripted choice, or a whole package of their own (one option id per issue). */
export type PersonaEvent = { type: 'CHOOSE'; choiceId: string } | { type: 'PROPOSE'; terms: Readonly<Record<string, string>> };
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

/** The outcome each final state stands for. */
export const OUTCOME_OF_STATE: Partial<Record<PhaseState, Outcome>> = {
  agreed: 'deal',
  walkedAway: 'walked-away',
  counterpartWalked: 'counterpart-walked',
};
type StateName = PhaseState | 'deciding';

type Guard = (context: NegotiationContext, event: PersonaEvent | null) => boolean;
type Action = (context: NegotiationContext, event: PersonaEvent | null) => NegotiationContext;

export interface TransitionDef<G extends string, A extends string> {
  guard?: G;
  target: StateName;
  actions?: A;
}
export interface StateDef<G extends string, A extends string> {
  tags: string[];
  final?: true;
  choose?: TransitionDef<G, A>;
  propose?: TransitionDef<G, A>;
  always?: TransitionDef<G, A>[];
}

/**
 * The persona machine as data: its states (the counterpart's phases, with mood tags for the view), its
 * named guards and its named actions. XState's `setup()` builds the real machine from it (sessions,
 * saves, the browser, the CLI); `PersonaStepper` walks the same table without XState's bookkeeping for
 * bulk exploration. Every change of phase is a named, guarded transition out of the transient
 * `deciding` state, taken after the choice's rules have been applied.
 */
export function personaDefinition(c: CompiledScenario, options: { record?: boolean } = {}) {
  const record = options.record ?? true;
  const phaseOfNext = (ctx: NegotiationContext) => c.beats.get(ctx.model.nextBeat ?? '')?.phase;
  const guards = {
    isAvailableChoice: (ctx, e) => e !== null && e.type === 'CHOOSE' && availableChoices(c, ctx.model).some((ch) => ch.id === e.choiceId),
    isAllowedProposal: (ctx, e) => e !== null && e.type === 'PROPOSE' && canPropose(c, ctx.model) && isWholePackage(c, e.terms),
    playerWalked: (ctx) => ctx.model.outcome === 'walked-away',
    dealAgreed: (ctx) => ctx.model.outcome === 'deal',
    counterpartLeft: (ctx) => ctx.model.outcome === 'counterpart-walked',
    stillPreparing: (ctx) => ctx.model.nextBeat !== null && isPrepBeat(c, ctx.model.nextBeat),
    claimUnderTest: (ctx) => ctx.model.pendingClaim !== null && ctx.model.beat !== c.scenario.flow.bluffTest,
    finalOfferDue: (ctx) => finalOfferDue(c, ctx.model),
    escalationDue: (ctx) => {
      const i = dueTactic(c, ctx.model);
      return i >= 0 && personaOf(c, ctx.model).tactics[i]!.kind === 'escalate';
    },
    tacticDue: (ctx) => dueTactic(c, ctx.model) >= 0,
    nextIsOpening: (ctx) => phaseOfNext(ctx) === 'opening',
    nextIsDiscovery: (ctx) => phaseOfNext(ctx) === 'discovery',
    nextIsClosing: (ctx) => phaseOfNext(ctx) === 'closing',
  } satisfies Record<string, Guard>;
  const actions = {
    applyChoice: (ctx, e) => (e?.type === 'CHOOSE' ? applyChoice(c, ctx, c.choices.get(e.choiceId)!, record) : ctx),
    applyProposal: (ctx, e) => (e?.type === 'PROPOSE' ? applyChoice(c, ctx, proposalChoice(c, e.terms), record) : ctx),
    goToNextBeat: (ctx) => ({ ...ctx, model: enterBeat(ctx.model, ctx.model.nextBeat!) }),
    openClaimTest: (ctx) => ({ ...ctx, model: enterBeat(ctx.model, c.scenario.flow.bluffTest!, ctx.model.nextBeat) }),
    openFinalOffer: (ctx) => ({ ...ctx, model: enterBeat(ctx.model, c.scenario.flow.finalOffer, null) }),
    openTactic: (ctx) => ({ ...ctx, model: enterTactic(c, ctx.model) }),
  } satisfies Record<string, Action>;
  type G = keyof typeof guards;
  type A = keyof typeof actions;

  const choose: TransitionDef<G, A> = { guard: 'isAvailableChoice', target: 'deciding', actions: 'applyChoice' };
  const propose: TransitionDef<G, A> = { guard: 'isAllowedProposal', target: 'deciding', actions: 'applyProposal' };
  const states: Record<StateName, StateDef<G, A>> = {
    prep: { tags: ['mood:neutral'], choose },
    opening: { tags: ['mood:neutral'], choose, propose },
    discovery: { tags: ['mood:neutral'], choose, propose },
    bargaining: { tags: ['mood:neutral'], choose, propose },
    pressing: { tags: ['mood:pressing'], choose, propose },
    escalating: { tags: ['mood:pressing'], choose, propose },
    testing: { tags: ['mood:skeptical'], choose, propose },
    closing: { tags: ['mood:pressing'], choose, propose },
    deciding: {
      tags: [],
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
    agreed: { tags: ['mood:pleased'], final: true },
    walkedAway: { tags: ['mood:neutral'], final: true },
    counterpartWalked: { tags: ['mood:annoyed'], final: true },
  };
  const initial: StateName = c.beats.get(c.firstBeat)!.phase === 'prep' ? 'prep' : 'opening';
  return { guards, actions, states, initial, initialContext: (input: PersonaInput) => initialContext(c, input.personaId, input.seed) };
}

export type PersonaDefinition = ReturnType<typeof personaDefinition>;

/** Compiles a scenario into its XState persona machine. */
export function createPersonaMachine(c: CompiledScenario) {
  const def = personaDefinition(c);
  const transitionConfig = (t: TransitionDef<string, string>) => ({
    target: t.target,
    ...(t.guard ? { guard: t.guard } : {}),
    ...(t.actions ? { actions: t.actions } : {}),
  });
  const states = Object.fromEntries(
    Object.entries(def.states).map(([name, s]) => [
      name,
      {
        tags: s.tags,
        ...(s.final ? { type: 'final' as const } : {}),
        ...(s.choose || s.propose
          ? {
              on: {
                ...(s.choose ? { CHOOSE: transitionConfig(s.choose) } : {}),
                ...(s.propose ? { PROPOSE: transitionConfig(s.propose) } : {}),
              },
            }
          : {}),
        ...(s.always ? { always: s.always.map(transitionConfig) } : {}),
      },
    ]),
  );
  const guards = Object.fromEntries(
    Object.entries(def.guards).map(([name, g]) => [
      name,
      ({ context, event }: { context: NegotiationContext; event: PersonaEvent }) => (g as Guard)(context, event),
    ]),
  );
  const actions = Object.fromEntries(
    Object.entries(def.actions).map(([name, a]) => [
      name,
      assign(({ context, event }: { context: NegotiationContext; event: PersonaEvent }) => (a as Action)(context, event)),
    ]),
  );
  return setup({
    types: {
      context: {} as NegotiationContext,
      events: {} as PersonaEvent,
      input: {} as PersonaInput,
    },
    guards,
    // Built from the typed table above; XState cannot infer event types through Object.fromEntries.
    actions: actions as never,
  }).createMachine({
    id: `persona:${c.scenario.id}`,
    context: ({ input }) => def.initialContext(input),
    initial: def.initial,
    // The table above is typed more strictly than XState's config; its shape is XState's own.
    states: states as never,
  });
}

export type PersonaMachine = ReturnType<typeof createPersonaMachine>;
