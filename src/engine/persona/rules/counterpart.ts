import type { Persona } from '../../scenario/schema.ts';
import type { CompiledScenario } from '../compile.ts';
import type { NegotiationModel } from '../context.ts';
import { aspiration } from '../curve.ts';
import { TUNING } from '../tuning.ts';
import { personaOf } from './common.ts';

/** Share of the discovery items true of the persona that the rep has uncovered (asked about or researched). */
export function uncoveredShare(p: Persona, m: NegotiationModel): number {
  if (p.signals.length === 0) return 0;
  let n = 0;
  for (const id of p.signals) if (m.discovered.includes(id)) n++;
  return n / p.signals.length;
}

/**
 * The alternative the counterpart can lean on, as far as the rep lets it: its real alternative, less what
 * the rep has uncovered of its weaknesses (a deadline, money already sunk, a weak fallback: it cannot lean
 * on an alternative the rep knows it lacks), plus what its claims the rep still believes add to it.
 */
export function effectiveBatna(c: CompiledScenario, p: Persona, m: NegotiationModel): number {
  return Math.min(0.98, exposedBatna(c, p, m) + TUNING.claimFloorStep * standingClaims(p, m));
}

/** Its real alternative, less the weaknesses the rep has uncovered. */
function exposedBatna(c: CompiledScenario, p: Persona, m: NegotiationModel): number {
  return batnaLessWeaknesses(c, p, (id) => m.discovered.includes(id));
}

/** Its real alternative, less the weaknesses among its discovery items that `uncovered` says are known. */
function batnaLessWeaknesses(c: CompiledScenario, p: Persona, uncovered: (id: string) => boolean): number {
  if (p.signals.length === 0) return p.batna;
  let weak = 0;
  for (const id of p.signals) if (uncovered(id) && c.weakSignals.has(id)) weak++;
  return p.batna * (1 - (TUNING.exposedWeakness * weak) / p.signals.length);
}

/** The least it can ever be brought to accept: its reservation with every weakness the rep could uncover exposed. */
export function lowestReservation(c: CompiledScenario, p: Persona): number {
  return batnaLessWeaknesses(c, p, () => true);
}

/** The least it will ever accept: its real alternative less its uncovered weaknesses, whatever else happens. */
export function counterpartReservation(c: CompiledScenario, p: Persona, m: NegotiationModel): number {
  return exposedBatna(c, p, m);
}

/** The counterpart's claims the rep still believes: all it made, less the bluffs caught; after one is caught, none of its untested claims count. */
export function standingClaims(p: Persona, m: NegotiationModel): number {
  let n = 0;
  for (const id of m.claimsMade) {
    const tested = m.claimsTested.includes(id);
    const claim = p.claims.find((c) => c.id === id);
    if (tested ? claim?.true === true : m.bluffsCaught === 0) n++;
  }
  return n;
}

/**
 * The counterpart's floor: the least it accepts, on its 0..1 scale. Above its real alternative it holds
 * back a posture, as much as it believes the rep has no alternative and as little as the rep has
 * uncovered of its real position (information is leverage). Claims the rep believes raise the alternative
 * it leans on; each bluff the rep caught takes ground from it (never below its real reservation); lessons
 * that pushing pays and threats raise it.
 */
export function counterpartFloor(c: CompiledScenario, p: Persona, m: NegotiationModel): number {
  const leaning = effectiveBatna(c, p, m);
  const posture = (1 - leaning) * TUNING.holdBack * (1 - m.belief) * (1 - TUNING.discoveryShare * uncoveredShare(p, m));
  const caught = TUNING.bluffCaughtStep * m.bluffsCaught;
  const hardening = TUNING.learnedPressureStep * m.learnedPressure + TUNING.threatFloorStep * m.hardened;
  return Math.min(0.98, Math.max(counterpartReservation(c, p, m), leaning + posture + hardening - caught));
}

/** The counterpart's concession exponent now: belief in the player's alternative speeds it, threats harden it. */
export function concessionExponent(p: Persona, m: NegotiationModel): number {
  return p.concession.exponent * Math.pow(2, (m.belief - 0.5) * 2 * p.sensitivity) * Math.pow(TUNING.hardenFactor, m.hardened);
}

export function counterpartAspiration(c: CompiledScenario, p: Persona, m: NegotiationModel): number {
  return aspiration(m.clock / p.patience, counterpartFloor(c, p, m), p.concession.start, concessionExponent(p, m));
}

/**
 * What the counterpart puts on the table at `level`: among the packages that give it at least that much,
 * the one it believes is best for the rep, by what it has learned of the rep's values (following its
 * concession plan, so it takes nothing back while it learns nothing new).
 */
export function withOffer(c: CompiledScenario, m: NegotiationModel, level: number): Pick<NegotiationModel, 'terms' | 'bestOffer'> {
  const offer = c.space.offer(m.bounds, m.estimate, level);
  if (!offer) return { terms: m.terms, bestOffer: m.bestOffer };
  return { terms: offer.terms, bestOffer: Math.max(m.bestOffer, offer.you) };
}

export function openingOffer(c: CompiledScenario, m: NegotiationModel) {
  return withOffer(c, m, counterpartAspiration(c, personaOf(c, m), m));
}
