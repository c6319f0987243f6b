import type { ChoiceDef, Persona } from '../../scenario/schema.ts';
import type { AntiPatternId } from '../../vocabulary.ts';
import type { CompiledScenario } from '../compile.ts';
import type { NegotiationContext, NegotiationModel } from '../context.ts';

/**
 * Beliefs and goodwill are kept in hundredths. Finer grades change nothing a rep could notice, and
 * coarse grades let paths that reach the same position meet again, which keeps `analyze` exhaustive.
 */
export const clamp01 = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;

export const sortedUnion = (a: string[], b: string[] | undefined) => (b && b.length ? [...new Set([...a, ...b])].sort() : a);

export function personaOf(c: CompiledScenario, m: NegotiationModel): Persona {
  return c.personas.get(m.personaId)!;
}

/** A working copy of the context for one choice: copied once on entry, mutated, returned. */
export interface Draft {
  m: NegotiationModel;
  log: NegotiationContext['log'];
}

export function flagAntiPattern(d: Draft, id: AntiPatternId, choiceId: string): void {
  if (!d.m.antiPatterns.includes(id)) d.m.antiPatterns = [...d.m.antiPatterns, id].sort();
  d.log.antiPatterns = [...d.log.antiPatterns, { id, turn: d.m.turn, choiceId }];
}

/** The beat the script reaches after `choice` if nothing interjects. */
export function scriptedNext(c: CompiledScenario, m: NegotiationModel, choice: ChoiceDef): string {
  if (choice.next) return choice.next;
  if (c.interjections.has(m.beat)) return m.resume ?? c.scenario.flow.finalOffer;
  const i = c.order.get(m.beat)!;
  return c.scenario.beats[i + 1]?.id ?? c.scenario.flow.finalOffer;
}

/** Whether `beatId` is where this persona escalates over the rep's head (its `escalate` tactic's beat). */
export function isEscalationBeat(p: Persona, beatId: string): boolean {
  return p.tactics.some((t) => t.kind === 'escalate' && t.beat === beatId);
}
