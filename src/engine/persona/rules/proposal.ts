import type { ChoiceDef } from '../../scenario/schema.ts';
import type { CompiledScenario } from '../compile.ts';
import type { NegotiationModel } from '../context.ts';

/** The id a package the rep composes carries in the transcript (scripted choices have their own ids). */
export const PROPOSAL_ID = 'propose';

/**
 * Whether the rep may put a package of their own on the table now: at any negotiation beat before the
 * final offer, except while answering the counterpart's test of a claim.
 */
export function canPropose(c: CompiledScenario, m: NegotiationModel): boolean {
  if (m.outcome) return false;
  const beat = c.beats.get(m.beat)!;
  if (beat.phase === 'prep' || beat.id === c.scenario.flow.finalOffer) return false;
  return !(m.pendingClaim !== null && beat.id === c.scenario.flow.bluffTest);
}

/** Whether `terms` names one existing option for every issue (and nothing else). */
export function isWholePackage(c: CompiledScenario, terms: Readonly<Record<string, string>>): boolean {
  const issues = c.scenario.issues;
  if (Object.keys(terms).length !== issues.length) return false;
  return issues.every((i) => Object.hasOwn(terms, i.id) && i.options.some((o) => o.id === terms[i.id]));
}

/**
 * A package the rep composed, as the choice it stands for: tagged `propose`, proposing every issue. It
 * goes through the same rules as a scripted structured alternative.
 */
export function proposalChoice(c: CompiledScenario, terms: Readonly<Record<string, string>>): ChoiceDef {
  const parts = c.scenario.issues.map((i) => `${i.label}: ${i.options.find((o) => o.id === terms[i.id])!.label}`);
  return { id: PROPOSAL_ID, text: `Proposed a package - ${parts.join('; ')}.`, tags: ['propose'], propose: { ...terms } };
}
