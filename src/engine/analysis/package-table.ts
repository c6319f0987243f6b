import type { Scenario } from '../scenario/schema.ts';
import { compileScenario, type CompiledScenario } from '../persona/compile.ts';
import { counterpartFloor } from '../persona/rules/counterpart.ts';
import { PersonaStepper } from '../persona/stepper.ts';
import { nextRandom, seedState } from '../rng.ts';

/**
 * The package table: every combination of one option per issue, with what it is worth to the rep (the
 * sum of the options' `you` values, in the scenario's unit) and to the counterpart (the sum of their
 * `them` points, and the same on the counterpart's 0..1 scale, which its floor and offers use). A
 * trainer reads it to learn what a deal is worth without adding packages up by hand: which packages
 * clear the walk-away, which reach the target, which sign a never-trade option, and which are on the
 * frontier the counterpart offers from. Large spaces are sampled (the frontier is always kept whole).
 */

export interface PackageRow {
  /** Issue id to option id. */
  terms: Record<string, string>;
  /** Value to the rep, in the scenario's unit. */
  you: number;
  /** The counterpart's own points (the sum of `them`). */
  themPoints: number;
  /** The counterpart's utility, 0 (its worst package) .. 1 (its best). */
  them: number;
  /** Issues whose option here is on the rep's never-trade list. */
  neverTrade: string[];
  /** No other package is better for both sides at once. */
  onFrontier: boolean;
}

/** Where a persona's floor sits, and the best package for the rep it still accepts. */
export interface PersonaFloor {
  personaId: string;
  name: string;
  /** The counterpart's floor (0..1) with its starting belief in the rep's alternative. */
  floorAtStart: number;
  /** Its floor when it fully believes the rep has a good alternative (the least it ever accepts). */
  floorAtBest: number;
  /** The rep's value of the best package at or above each floor (undefined: no package meets it). */
  bestAtStart: number | undefined;
  bestAtBest: number | undefined;
}

export interface PackageTable {
  unit: string;
  walkAway: number;
  target: number;
  issues: { id: string; label: string; options: { id: string; label: string; neverTrade: boolean }[] }[];
  /** How many combinations the issues span. */
  combinations: number;
  /** True when `rows` holds a sample rather than every combination. */
  sampled: boolean;
  /** The listed packages, best for the rep first. */
  rows: PackageRow[];
  /** The Pareto frontier, best for the counterpart first. */
  frontier: PackageRow[];
  /** Over every combination, not only the listed ones. */
  counts: { belowWalkAway: number; atTarget: number; neverTrade: number };
  personas: PersonaFloor[];
}

export interface PackageTableOptions {
  /** List every combination up to this many; above it, a sample of this size (plus the frontier). */
  limit?: number;
  /** Seed of the sample, so the same file shows the same rows. */
  seed?: number;
}

export const DEFAULT_ROW_LIMIT = 5000;

export function packageTable(s: Scenario, options: PackageTableOptions = {}): PackageTable {
  const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_ROW_LIMIT));
  const c = compileScenario(s);
  const issues = s.issues;
  const n = issues.length;
  const sizes = issues.map((i) => i.options.length);
  const combinations = sizes.reduce((a, b) => a * b, 1);
  // Each option's part of the counterpart's 0..1 utility, exactly as the engine weighs it (issues weigh
  // as much as their options' spread of `them` points).
  const share = issues.map((i) => i.options.map((o) => c.space.utilityOf({ [i.id]: o.id })));
  const neverTrade = issues.map((i) => i.options.map((o) => o.flags?.includes('never-trade') ?? false));

  const rowAt = (idx: readonly number[]): PackageRow => {
    const terms: Record<string, string> = {};
    let you = 0;
    let points = 0;
    let them = 0;
    const nt: string[] = [];
    for (let i = 0; i < n; i++) {
      const o = issues[i]!.options[idx[i]!]!;
      terms[issues[i]!.id] = o.id;
      you += o.you;
      points += o.them;
      them += share[i]![idx[i]!]!;
      if (neverTrade[i]![idx[i]!]) nt.push(issues[i]!.id);
    }
    return { terms, you: round(you), themPoints: round(points), them: round(them, 4), neverTrade: nt, onFrontier: false };
  };

  // One pass over every combination: the counts, both sides' values (for the frontier), and the rows listed.
  const sampled = combinations > limit;
  const chosen = sampled ? sampleIndices(combinations, limit, options.seed ?? 1) : null;
  const yous = new Float64Array(combinations);
  const thems = new Float64Array(combinations);
  const listedAt: number[] = [];
  const counts = { belowWalkAway: 0, atTarget: 0, neverTrade: 0 };
  const idx = new Array<number>(n).fill(0);
  for (let k = 0; k < combinations; k++) {
    let you = 0;
    let them = 0;
    let nt = false;
    for (let i = 0; i < n; i++) {
      const j = idx[i]!;
      you += issues[i]!.options[j]!.you;
      them += share[i]![j]!;
      if (neverTrade[i]![j]) nt = true;
    }
    yous[k] = you;
    thems[k] = them;
    if (you < s.walkAway - 1e-9) counts.belowWalkAway++;
    if (you >= s.target - 1e-9) counts.atTarget++;
    if (nt) counts.neverTrade++;
    if (!chosen || chosen.has(k)) listedAt.push(k);
    for (let i = 0; i < n && ++idx[i]! >= sizes[i]!; i++) idx[i] = 0;
  }
  const frontierAt = paretoFrontier(yous, thems);
  const onFrontier = new Set(frontierAt);
  const decode = (k: number) => sizes.map((size) => {
    const j = k % size;
    k = Math.floor(k / size);
    return j;
  });
  const rowOf = (k: number) => ({ ...rowAt(decode(k)), onFrontier: onFrontier.has(k) });
  // The frontier is always listed in full, even in a sample.
  const listed = new Set(listedAt);
  const rows = [...listedAt, ...frontierAt.filter((k) => !listed.has(k))].map(rowOf);
  rows.sort((a, b) => b.you - a.you || b.them - a.them);

  return {
    unit: s.unit,
    walkAway: s.walkAway,
    target: s.target,
    issues: issues.map((i) => ({ id: i.id, label: i.label, options: i.options.map((o) => ({ id: o.id, label: o.label, neverTrade: o.flags?.includes('never-trade') ?? false })) })),
    combinations,
    sampled,
    rows,
    frontier: frontierAt.map(rowOf),
    counts,
    personas: personaFloors(c),
  };
}

/** Indices of the packages no other beats for both sides, best for the counterpart first. */
function paretoFrontier(yous: Float64Array, thems: Float64Array): number[] {
  const order = Array.from({ length: yous.length }, (_, k) => k);
  order.sort((a, b) => thems[b]! - thems[a]! || yous[b]! - yous[a]!);
  const out: number[] = [];
  let bestYou = -Infinity;
  for (const k of order) {
    if (yous[k]! > bestYou + 1e-9) {
      bestYou = yous[k]!;
      out.push(k);
    }
  }
  return out;
}

/**
 * Each persona's floor from the engine's own rule, on the model a negotiation starts with, and with
 * the same model fully believing the rep's alternative: the range a rep's signals move it through.
 */
function personaFloors(c: CompiledScenario): PersonaFloor[] {
  const stepper = new PersonaStepper(c, { record: false });
  return [...c.personas].map(([personaId, p]) => {
    const start = stepper.start({ personaId, seed: 1 }).context.model;
    const floorAtStart = counterpartFloor(c, p, start);
    const floorAtBest = counterpartFloor(c, p, { ...start, belief: 1 });
    const bestAt = (floor: number) => {
      const best = c.space.paretoAt(floor);
      return best ? round(best.you) : undefined;
    };
    return { personaId, name: p.name, floorAtStart: round(floorAtStart, 4), floorAtBest: round(floorAtBest, 4), bestAtStart: bestAt(floorAtStart), bestAtBest: bestAt(floorAtBest) };
  });
}

/** `count` distinct indices below `total`, drawn with the engine's seeded generator (Floyd's method). */
function sampleIndices(total: number, count: number, seed: number): Set<number> {
  const out = new Set<number>();
  let state = seedState(seed);
  for (let j = total - count; j < total; j++) {
    const r = nextRandom(state);
    state = r.state;
    const t = Math.floor(r.value * (j + 1));
    out.add(out.has(t) ? j : t);
  }
  return out;
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
