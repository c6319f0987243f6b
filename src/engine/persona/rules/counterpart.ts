import type { Persona } from '../../scenario/schema.ts';
import type { CompiledScenario } from '../compile.ts';
import type { NegotiationModel } from '../context.ts';
import { aspiration } from '../curve.ts';
import type { Bounds, Package } from '../packages.ts';
import { TUNING } from '../tuning.ts';
import { personaOf } from './common.ts';

/** The counterpart's floor: the least it accepts, on its 0..1 scale. */
export function counterpartFloor(p: Persona, m: NegotiationModel): number {
  const base = p.batna + (1 - p.batna) * TUNING.holdBack * (1 - m.belief);
  const hardening = TUNING.learnedPressureStep * m.learnedPressure + TUNING.threatFloorStep * m.hardened;
  return Math.min(0.98, Math.max(p.batna, base + hardening));
}

/** The counterpart's concession exponent now: belief in the player's alternative speeds it, threats harden it. */
export function concessionExponent(p: Persona, m: NegotiationModel): number {
  return p.concession.exponent * Math.pow(2, (m.belief - 0.5) * 2 * p.sensitivity) * Math.pow(TUNING.hardenFactor, m.hardened);
}

export function counterpartAspiration(p: Persona, m: NegotiationModel): number {
  return aspiration(m.clock / p.patience, counterpartFloor(p, m), p.concession.start, concessionExponent(p, m));
}

/** What the counterpart puts on the table at `level`: the best for the player that meets it. */
function offerAtLevel(c: CompiledScenario, bounds: Bounds, level: number): Package | undefined {
  const f = c.space.frontier(bounds);
  return f.offerAt(level) ?? f.theirBest;
}

export function withOffer(c: CompiledScenario, m: NegotiationModel, level: number): Pick<NegotiationModel, 'terms' | 'bestOffer'> {
  const offer = offerAtLevel(c, m.bounds, level);
  if (!offer) return { terms: m.terms, bestOffer: m.bestOffer };
  return { terms: offer.terms, bestOffer: Math.max(m.bestOffer, offer.you) };
}

export function openingOffer(c: CompiledScenario, m: NegotiationModel) {
  return withOffer(c, m, counterpartAspiration(personaOf(c, m), m));
}
