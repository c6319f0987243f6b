import type { Outcome } from '../vocabulary.ts';
import type { CompiledScenario } from './compile.ts';
import type { NegotiationModel } from './context.ts';
import { personaOf } from './rules/common.ts';

/** Unit of the value, walk-away and target figures: money only when every issue is money, else points. */
export function valueUnit(c: CompiledScenario): string {
  return scenarioValueUnit(c.scenario);
}

/** `valueUnit` of a scenario not yet compiled (the studio labels its tables as the game shows values). */
export function scenarioValueUnit(s: Pick<CompiledScenario['scenario'], 'issues' | 'unit'>): string {
  return s.issues.every((i) => i.money === true) ? s.unit : 'points';
}

/** What a package is worth to the rep, measured against the walk-away and the target. */
export interface PackageWorth {
  value: number;
  walkAwayValue: number;
  target: number;
  /** Where the value sits in the zone from walk-away (0) to target (1); below 0 is under the walk-away. */
  zone: number;
  /** Money figures of the package (issues marked as money), in the scenario's unit. */
  money: { issue: string; label: string; amount: number }[];
}

export function packageWorth(c: CompiledScenario, m: NegotiationModel, terms: Readonly<Record<string, string>>): PackageWorth {
  const value = c.space.valueOf(terms);
  const span = c.scenario.target - m.walkAway || 1;
  return { value, walkAwayValue: m.walkAway, target: c.scenario.target, zone: (value - m.walkAway) / span, money: moneyOf(c, terms) };
}

function moneyOf(c: CompiledScenario, terms: Readonly<Record<string, string>>): PackageWorth['money'] {
  const out: PackageWorth['money'] = [];
  for (const issue of c.scenario.issues) {
    if (issue.money !== true) continue;
    const o = issue.options.find((x) => x.id === terms[issue.id]);
    if (o) out.push({ issue: issue.id, label: `${issue.label}: ${o.label}`, amount: o.you });
  }
  return out;
}

/** What the debrief shows beside the score: how much value the deal created or left, and the information game. */
export interface DebriefFigures {
  /**
   * Value the rep gained over the package a counterpart that learned nothing of the rep's priorities
   * would have offered at the same cost to itself (what trades and proposals created). Null without a deal.
   */
  valueCreated: number | null;
  /** How much more the rep could have had at no cost to the counterpart (distance to the Pareto frontier). Null without a deal. */
  valueLeftOnTable: number | null;
  /** The counterpart's claims made during the talk: which were bluffs and whether the rep tested them. */
  theirClaims: { id: string; text: string; bluff: boolean; tested: boolean }[];
  /** Prepared facts that could have backed a claim or opened a move, never put to use. */
  unusedLeverage: string[];
  /** Money figures of the signed terms (issues marked as money), in the scenario's unit. */
  money: PackageWorth['money'];
}

export function debriefFigures(c: CompiledScenario, m: NegotiationModel, outcome: Outcome): DebriefFigures {
  const p = personaOf(c, m);
  const deal = outcome === 'deal';
  let valueCreated: number | null = null;
  let valueLeftOnTable: number | null = null;
  if (deal) {
    const value = c.space.valueOf(m.terms);
    // Their utility on the grid the offers use, so the comparison packages are the ones they could have offered.
    const theirs = Math.floor(c.space.utilityOf(m.terms) * 100 + 1e-6) / 100;
    const blind = c.space.blindAt(theirs);
    const best = c.space.paretoAt(theirs);
    valueCreated = blind ? value - blind.you : null;
    valueLeftOnTable = best ? Math.max(0, best.you - value) : null;
  }
  const leverage = new Set<string>();
  for (const ch of c.choices.values()) for (const f of [...(ch.backedBy ?? []), ...(ch.requires ?? [])]) leverage.add(f);
  const unusedLeverage = m.facts.filter((f) => leverage.has(f) && !m.factsUsed.includes(f)).map((f) => c.scenario.facts.find((x) => x.id === f)?.text ?? f);
  return {
    valueCreated,
    valueLeftOnTable,
    theirClaims: m.claimsMade.map((id) => {
      const claim = p.claims.find((x) => x.id === id)!;
      return { id, text: claim.text, bluff: !claim.true, tested: m.claimsTested.includes(id) };
    }),
    unusedLeverage,
    money: deal ? moneyOf(c, m.terms) : [],
  };
}
