import type { CompiledScenario } from './compile.ts';
import type { NegotiationContext } from './context.ts';
import { personaDefinition, type PersonaDefinition, type PersonaEvent, type PersonaInput, type PhaseState } from './machine.ts';

/** A position in the persona machine: its state and context, as XState's snapshot holds them. */
export interface StepState {
  value: PhaseState;
  context: NegotiationContext;
  done: boolean;
}

/**
 * Walks the persona machine's own transition table (same states, guards and actions as the XState
 * machine) without an actor: no snapshots, no inspection, no microstep bookkeeping. It exists for bulk
 * work (`analyze` explores hundreds of thousands of states; `bench` simulates whole negotiations) and a
 * test holds it to the XState machine on thousands of random games.
 */
export class PersonaStepper {
  private readonly def: PersonaDefinition;
  /** `record: false` skips the transcript and offer log (exploration reads only the model). */
  constructor(c: CompiledScenario, options: { record?: boolean } = {}) {
    this.def = personaDefinition(c, options);
  }

  start(input: PersonaInput): StepState {
    return { value: this.def.initial as PhaseState, context: this.def.initialContext(input), done: false };
  }

  /** The state after choosing `choiceId`, or null if the machine does not take the event. */
  choose(s: StepState, choiceId: string): StepState | null {
    return this.send(s, { type: 'CHOOSE', choiceId });
  }

  /** The state after the rep proposes a whole package, or null if the machine does not take the event. */
  propose(s: StepState, terms: Readonly<Record<string, string>>): StepState | null {
    return this.send(s, { type: 'PROPOSE', terms });
  }

  private send(s: StepState, event: PersonaEvent): StepState | null {
    const { guards, actions, states } = this.def;
    const t = event.type === 'CHOOSE' ? states[s.value].choose : states[s.value].propose;
    if (!t || (t.guard && !guards[t.guard](s.context, event))) return null;
    let context = t.actions ? actions[t.actions](s.context, event) : s.context;
    let value: string = t.target;
    for (;;) {
      const always = states[value as keyof typeof states].always;
      if (!always) break;
      const next = always.find((a) => !a.guard || guards[a.guard](context, event));
      if (!next) break;
      if (next.actions) context = actions[next.actions](context, event);
      value = next.target;
    }
    return { value: value as PhaseState, context, done: states[value as keyof typeof states].final === true };
  }
}
