import type { Persona, Scenario } from '../scenario/schema.ts';
import { compileScenario, type CompiledScenario } from '../persona/compile.ts';
import { counterpartFloor, initialContext } from '../persona/rules.ts';
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
  const issues = s.issues;
  const n = issues.length;
  const sizes = issues.map((i) => i.options.length);
  const combinations = sizes.reduce((a, b) => a * b, 1);
  const neverTrade = issues.map((i) => i.options.map((o) => o.flags?.includes('never-trade') ?? false));

  // The frontier as the engine computes it: the rep's best package at each level of the counterpart's
  // utility, on the same grid of hundredths its offers use.
  const c = compileScenario(s);
  const space = c.space;
  const frontierByKey = new Map<string, { terms: Record<string, string>; you: number; them: number }>();
  for (let level = 100; level >= 0; level--) {
    const p = space.paretoAt(level / 100);
    if (p) frontierByKey.set(keyOf(s, p.terms), p);
  }
  const frontierPackages = [...frontierByKey.values()].sort((a, b) => b.them - a.them || b.you - a.you);
  const frontierKeys = new Set(frontierPackages.map((p) => keyOf(s, p.terms)));

  const rowAt = (idx: readonly number[]): PackageRow => {
    const terms: Record<string, string> = {};
    let you = 0;
    let points = 0;
    const nt: string[] = [];
    for (let i = 0; i < n; i++) {
      const issue = issues[i]!;
      const o = issue.options[idx[i]!]!;
      terms[issue.id] = o.id;
      you += o.you;
      points += o.them;
      if (neverTrade[i]![idx[i]!]) nt.push(issue.id);
    }
    return { terms, you: round(you), themPoints: round(points), them: round(space.utilityOf(terms), 4), neverTrade: nt, onFrontier: false };
  };

  // One pass over every combination for the counts (cheap: sums only), building rows only for the listed.
  const sampled = combinations > limit;
  const chosen = sampled ? sampleIndices(combinations, limit, options.seed ?? 1) : null;
  const rows: PackageRow[] = [];
  const counts = { belowWalkAway: 0, atTarget: 0, neverTrade: 0 };
  const idx = new Array<number>(n).fill(0);
  for (let k = 0; k < combinations; k++) {
    let you = 0;
    let nt = false;
    for (let i = 0; i < n; i++) {
      you += issues[i]!.options[idx[i]!]!.you;
      if (neverTrade[i]![idx[i]!]) nt = true;
    }
    if (you < s.walkAway - 1e-9) counts.belowWalkAway++;
    if (you >= s.target - 1e-9) counts.atTarget++;
    if (nt) counts.neverTrade++;
    if (!chosen || chosen.has(k)) rows.push(rowAt(idx));
    for (let i = 0; i < n && ++idx[i]! >= sizes[i]!; i++) idx[i] = 0;
  }
  const listed = new Set(rows.map((r) => keyOf(s, r.terms)));
  const frontier = frontierPackages.map((p) => {
    const row = rowAt(issues.map((issue) => issue.options.findIndex((o) => o.id === p.terms[issue.id])));
    row.onFrontier = true;
    return row;
  });
  for (const r of rows) r.onFrontier = frontierKeys.has(keyOf(s, r.terms));
  // The frontier is always listed in full, even in a sample.
  for (const f of frontier) if (!listed.has(keyOf(s, f.terms))) rows.push(f);
  rows.sort((a, b) => b.you - a.you || b.them - a.them);

  return {
    unit: s.unit,
    walkAway: s.walkAway,
    target: s.target,
    issues: issues.map((i) => ({
      id: i.id,
      label: i.label,
      options: i.options.map((o) => ({ id: o.id, label: o.label, neverTrade: o.flags?.includes('never-trade') ?? false })),
    })),
    combinations,
    sampled,
    rows,
    frontier,
    counts,
    personas: s.personas.map((p) => personaFloor(c, p, frontierPackages)),
  };
}

function personaFloor(c: CompiledScenario, p: Persona, frontier: { you: number; them: number }[]): PersonaFloor {
  // The engine's own floor rule, at the start (its starting belief, no lessons or threats yet) and
  // at full belief in the rep's alternative: the range a rep's signals can move it through.
  const start = initialContext(c, p.id, 1).model;
  const floorWith = (belief: number) => counterpartFloor(c, p, { ...start, belief });
  const floorAtStart = floorWith(p.belief);
  const floorAtBest = floorWith(1);
  const bestAt = (floor: number) => {
    const meets = frontier.filter((f) => f.them >= floor - 1e-9);
    return meets.length ? round(Math.max(...meets.map((f) => f.you))) : undefined;
  };
  return {
    personaId: p.id,
    name: p.name,
    floorAtStart: round(floorAtStart, 4),
    floorAtBest: round(floorAtBest, 4),
    bestAtStart: bestAt(floorAtStart),
    bestAtBest: bestAt(floorAtBest),
  };
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

function keyOf(s: Scenario, terms: Record<string, string>): string {
  return s.issues.map((i) => terms[i.id]).join('|');
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
