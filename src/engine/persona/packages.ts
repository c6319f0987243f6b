import type { IssueDef } from '../scenario/schema.ts';

/** Per issue, the range of player values the options may take: gives cap it, gets raise its floor. */
export type Bounds = Record<string, readonly [number, number]>;

export interface Package {
  terms: Record<string, string>;
  /** Value to the player, in the scenario's unit. */
  you: number;
  /** Utility to the counterpart, 0 (its worst package) .. 1 (its best). */
  them: number;
}

/**
 * What the counterpart thinks the rep values: one weight per issue (in the scenario's issue order), in
 * hundredths. Whole numbers so that negotiations that taught it the same thing meet again in `analyze`.
 */
export type Estimate = readonly number[];

interface OptionPoint {
  id: string;
  you: number;
  /** This option's share of the counterpart's utility (the issue's options span its weight). */
  them: number;
  /** The same in hundredths: the grid the offer search runs on. */
  cents: number;
  /** How good the counterpart supposes this option is for the rep, 0..1: the mirror of its own ranking. */
  mirror: number;
}

interface IssuePoint {
  id: string;
  options: OptionPoint[];
  /** The counterpart's own weight of this issue, 0..1 (all issues add up to 1). */
  weight: number;
}

/** The counterpart's concession order under some bounds and estimate (see `concessionPlan`). */
interface ConcessionPlan {
  /** Per issue, the allowed options from the counterpart's best to its worst. */
  ladders: OptionPoint[][];
  /** Steps in the order given: which issue moves one rung, and what that costs the counterpart. */
  steps: { issue: number; cost: number }[];
  /** The counterpart's utility before any step. */
  top: number;
}

/** The best package for every total of counterpart utility (in hundredths) under one objective. */
interface LevelTable {
  /** exact[sum]: index into `packages` of the best package whose utility is exactly `sum`, or -1. */
  exact: Int32Array;
  /** The objective's value at each sum (-Infinity where no package has that sum). */
  value: Float64Array;
  packages: Package[];
}

/**
 * The deals the issues allow. Utilities are additive over issues, so the best package for one side at a
 * given utility for the other is a small knapsack: dynamic programming over the issues with the
 * counterpart's utility on a grid of hundredths. Nothing enumerates the packages (8 issues of 6 options
 * are 1.7 million of them); each table costs issues x options x 100 steps and is cached.
 */
export class PackageSpace {
  private readonly issues: IssuePoint[];
  /** Grid size: the counterpart's utility in hundredths never exceeds this. */
  private readonly top: number;
  private readonly tables = new Map<string, LevelTable>();
  private readonly plans = new Map<string, ConcessionPlan>();
  private readonly boundKeys = new WeakMap<Bounds, string>();

  constructor(issues: IssueDef[]) {
    let total = 0;
    const spans = issues.map((issue) => {
      const ts = issue.options.map((o) => o.them);
      const span = Math.max(...ts) - Math.min(...ts);
      total += span;
      return { min: Math.min(...ts), span };
    });
    total ||= 1;
    this.issues = issues.map((issue, i) => {
      const { min, span } = spans[i]!;
      return {
        id: issue.id,
        weight: span / total,
        options: issue.options.map((o) => {
          const them = (o.them - min) / total;
          return { id: o.id, you: o.you, them, cents: Math.round(them * 100), mirror: span > 0 ? 1 - (o.them - min) / span : 0.5 };
        }),
      };
    });
    this.top = this.issues.reduce((a, i) => a + Math.max(...i.options.map((o) => o.cents)), 0);
  }

  unbounded(): Bounds {
    const b: Record<string, readonly [number, number]> = {};
    for (const issue of this.issues) b[issue.id] = [-Infinity, Infinity];
    return b;
  }

  valueOf(terms: Readonly<Record<string, string>>): number {
    let v = 0;
    for (const issue of this.issues) v += issue.options.find((o) => o.id === terms[issue.id])?.you ?? 0;
    return v;
  }

  /** The counterpart's utility of a package, 0..1. */
  utilityOf(terms: Readonly<Record<string, string>>): number {
    let t = 0;
    for (const issue of this.issues) t += issue.options.find((o) => o.id === terms[issue.id])?.them ?? 0;
    return t;
  }

  /**
   * What a counterpart that has learned nothing supposes: the rep ranks the issues as it does, and the
   * more it cares about an issue the surer it is the rep fights hardest there (the fixed-pie bias).
   */
  priorEstimate(): Estimate {
    const sq = this.issues.map((i) => i.weight * i.weight);
    const sum = sq.reduce((a, b) => a + b, 0) || 1;
    return sq.map((w) => Math.round((w / sum) * 100));
  }

  /** How good the counterpart supposes an option is for the rep (the mirror of its own ranking), 0..1. */
  mirrorOf(issueId: string, optionId: string): number {
    return this.issues.find((i) => i.id === issueId)?.options.find((o) => o.id === optionId)?.mirror ?? 0.5;
  }

  /** Issue ids in the order the estimate is kept. */
  get issueIds(): string[] {
    return this.issues.map((i) => i.id);
  }

  private allowed(bounds: Bounds): OptionPoint[][] {
    return this.issues.map((issue) => {
      const [lo, hi] = bounds[issue.id] ?? [-Infinity, Infinity];
      return issue.options.filter((o) => o.you >= lo && o.you <= hi);
    });
  }

  /** Whether the bounds leave at least one option on every issue. */
  feasible(bounds: Bounds): boolean {
    return this.allowed(bounds).every((a) => a.length > 0);
  }

  /** The best package for the counterpart under these bounds (each issue at its best allowed option). */
  theirBest(bounds: Bounds): Package | undefined {
    return this.pickEach(bounds, (o) => o.them * 1e6 + o.you);
  }

  /** The best package for the rep under these bounds: the rep's own position. */
  yourBest(bounds: Bounds): Package | undefined {
    return this.pickEach(bounds, (o) => o.you * 1e6 + o.them);
  }

  private pickEach(bounds: Bounds, score: (o: OptionPoint) => number): Package | undefined {
    const allowed = this.allowed(bounds);
    if (allowed.some((a) => a.length === 0)) return undefined;
    return this.packageOf(allowed.map((opts) => opts.reduce((a, o) => (score(o) > score(a) ? o : a))));
  }

  private packageOf(chosen: OptionPoint[]): Package {
    const terms: Record<string, string> = {};
    let you = 0;
    let them = 0;
    chosen.forEach((o, i) => {
      terms[this.issues[i]!.id] = o.id;
      you += o.you;
      them += o.them;
    });
    return { terms, you, them };
  }

  /**
   * The counterpart's offer: among the packages under `bounds` whose utility to it reaches `level`, the
   * one best for the rep as `estimate` says the rep values things. Falls back to its own best package
   * when none reaches the level.
   */
  offer(bounds: Bounds, estimate: Estimate, level: number): Package | undefined {
    const plan = this.concessionPlan(bounds, estimate);
    if (!plan) return undefined;
    return this.follow(plan, level);
  }

  /**
   * The order in which the counterpart gives ground under `bounds`: starting from its best package, each
   * step moves one issue one option the rep's way, the step with the most estimated value to the rep per
   * point of its own utility first (a greedy exchange; each issue's steps in order). Offers follow this
   * plan as far as the counterpart's level allows, so a lower level never takes back a concession, and
   * two negotiations that taught it the same thing are offered the same packages.
   */
  private concessionPlan(bounds: Bounds, estimate: Estimate): ConcessionPlan | undefined {
    const key = this.boundsKey(bounds) + '#' + estimate.join(',');
    const known = this.plans.get(key);
    if (known) return known;
    const allowed = this.allowed(bounds);
    if (allowed.some((a) => a.length === 0)) return undefined;
    // Per issue, the allowed options from the counterpart's best to its worst.
    const ladders = allowed.map((opts) => [...opts].sort((a, b) => b.them - a.them || a.you - b.you));
    const at = ladders.map(() => 0);
    const steps: { issue: number; cost: number }[] = [];
    for (;;) {
      let pick = -1;
      let bestRatio = -Infinity;
      for (let i = 0; i < ladders.length; i++) {
        const ladder = ladders[i]!;
        if (at[i]! + 1 >= ladder.length) continue;
        const from = ladder[at[i]!]!;
        const to = ladder[at[i]! + 1]!;
        const cost = Math.max(1e-9, from.them - to.them);
        const ratio = (estimate[i]! * (to.mirror - from.mirror)) / cost;
        if (ratio > bestRatio + 1e-12) {
          bestRatio = ratio;
          pick = i;
        }
      }
      if (pick < 0) break;
      const from = ladders[pick]![at[pick]!]!;
      at[pick]! += 1;
      steps.push({ issue: pick, cost: from.them - ladders[pick]![at[pick]!]!.them });
    }
    const plan = { ladders, steps, top: ladders.reduce((a, l) => a + l[0]!.them, 0) };
    this.plans.set(key, plan);
    return plan;
  }

  /**
   * Walks the plan in order while the next step keeps the counterpart at or above `level`. It stops at the
   * first step too big to take, so a lower level only ever adds steps: never worse for the rep.
   */
  private follow(plan: ConcessionPlan, level: number): Package {
    const at = plan.ladders.map(() => 0);
    let them = plan.top;
    for (const step of plan.steps) {
      if (them - step.cost < level - 1e-9) break;
      them -= step.cost;
      at[step.issue]! += 1;
    }
    return this.packageOf(plan.ladders.map((l, i) => l[at[i]!]!));
  }

  /** Whether some package under `bounds` reaches `level` for the counterpart. */
  reaches(bounds: Bounds, level: number): boolean {
    const best = this.theirBest(bounds);
    return best !== undefined && best.them >= level - 1e-9;
  }

  /**
   * The Pareto frontier under `bounds` (no package is better for both sides), from best for the
   * counterpart to best for the rep: for every utility of the counterpart's (in hundredths), the rep's
   * best package, keeping only those that beat every package better for the counterpart.
   */
  frontier(bounds: Bounds): { packages: Package[] } {
    const table = this.table(bounds, 'you', (_, o) => o.you);
    const all = table.packages.slice().sort((a, b) => b.them - a.them || b.you - a.you);
    const packages: Package[] = [];
    let bestYou = -Infinity;
    for (const p of all) {
      if (p.you > bestYou + 1e-9) {
        bestYou = p.you;
        packages.push(p);
      }
    }
    return { packages };
  }

  /**
   * The rep's best package whose utility to the counterpart reaches `level`: the Pareto frontier (under
   * `bounds`: the terms already agreed).
   */
  paretoAt(level: number, bounds: Bounds = this.unbounded()): Package | undefined {
    return this.near(
      this.table(bounds, 'you', (_, o) => o.you),
      level,
      Infinity,
    );
  }

  /** What a counterpart that learned nothing would offer at `level`, with nothing agreed. */
  blindAt(level: number): Package | undefined {
    return this.offer(this.unbounded(), this.priorEstimate(), level);
  }

  /**
   * The best package (by the table's objective) whose utility lies between `level` and `level + window`;
   * if none does, the best of those closest above the level. Offers sit near the target, not far above it.
   */
  private near(table: LevelTable, level: number, window: number): Package | undefined {
    const from = Math.max(0, Math.ceil(level * 100 - 1e-6));
    const to = Math.min(this.top, from + (Number.isFinite(window) ? Math.round(window * 100) : this.top));
    let best = -1;
    for (let s = from; s <= to; s++) if (table.exact[s]! >= 0 && (best < 0 || table.value[s]! > table.value[best]! + 1e-9)) best = s;
    for (let s = to + 1; best < 0 && s <= this.top; s++) if (table.exact[s]! >= 0) best = s;
    return best < 0 ? undefined : table.packages[table.exact[best]!];
  }

  private boundsKey(bounds: Bounds): string {
    let k = this.boundKeys.get(bounds);
    if (k === undefined) {
      k = this.issues.map((i) => `${bounds[i.id]?.[0] ?? ''}:${bounds[i.id]?.[1] ?? ''}`).join('|');
      this.boundKeys.set(bounds, k);
    }
    return k;
  }

  /**
   * Dynamic programming over the issues: for every total utility to the counterpart (hundredths), the
   * package that maximises `objective` (ties go to the package better for the counterpart).
   */
  private table(bounds: Bounds, objectiveKey: string, objective: (issue: number, o: OptionPoint) => number): LevelTable {
    const key = this.boundsKey(bounds) + '#' + objectiveKey;
    const known = this.tables.get(key);
    if (known) return known;
    const allowed = this.allowed(bounds);
    const size = this.top + 1;
    const packages: Package[] = [];
    const exact = new Int32Array(size).fill(-1);
    const values = new Float64Array(size).fill(-Infinity);
    if (allowed.every((a) => a.length > 0)) {
      let value = new Float64Array(size).fill(-Infinity);
      let theirs = new Float64Array(size).fill(-Infinity);
      value[0] = 0;
      theirs[0] = 0;
      const choice: Int8Array[] = [];
      for (let i = 0; i < allowed.length; i++) {
        const nextValue = new Float64Array(size).fill(-Infinity);
        const nextTheirs = new Float64Array(size).fill(-Infinity);
        const pick = new Int8Array(size).fill(-1);
        const opts = allowed[i]!;
        for (let s = 0; s < size; s++) {
          if (value[s] === -Infinity) continue;
          for (let j = 0; j < opts.length; j++) {
            const o = opts[j]!;
            const t = s + o.cents;
            if (t >= size) continue;
            const v = value[s]! + objective(i, o);
            const e = theirs[s]! + o.them;
            if (v > nextValue[t]! + 1e-9 || (Math.abs(v - nextValue[t]!) <= 1e-9 && e > nextTheirs[t]!)) {
              nextValue[t] = v;
              nextTheirs[t] = e;
              pick[t] = j;
            }
          }
        }
        // Remember where each sum came from: the previous sum is t - cents of the picked option.
        choice.push(pick);
        value = nextValue;
        theirs = nextTheirs;
      }
      for (let sum = 0; sum < size; sum++) {
        if (value[sum] === -Infinity) continue;
        const chosen: OptionPoint[] = new Array(allowed.length);
        let rest = sum;
        for (let i = allowed.length - 1; i >= 0; i--) {
          const o = allowed[i]![choice[i]![rest]!]!;
          chosen[i] = o;
          rest -= o.cents;
        }
        exact[sum] = packages.push(this.packageOf(chosen)) - 1;
        values[sum] = value[sum]!;
      }
    }
    const table = { exact, value: values, packages };
    this.tables.set(key, table);
    return table;
  }
}
