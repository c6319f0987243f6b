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
 * The packages no other package beats for both sides at once (the Pareto frontier), sorted from best for
 * the counterpart to best for the player. Making an offer is a binary search on it: the counterpart
 * offers the package best for the player among those that still meet its aspiration, which is how trades
 * across issues create value instead of splitting one number.
 */
export class Frontier {
  readonly packages: Package[];
  constructor(packages: Package[]) {
    this.packages = packages;
  }
  get empty(): boolean {
    return this.packages.length === 0;
  }
  /** The best package for the counterpart that still exists under these bounds. */
  get theirBest(): Package | undefined {
    return this.packages[0];
  }
  /** The best package for the player under these bounds: the player's own position. */
  get yourBest(): Package | undefined {
    return this.packages[this.packages.length - 1];
  }
  /** Best package for the player whose utility to the counterpart is at least `level`. */
  offerAt(level: number): Package | undefined {
    const ps = this.packages;
    if (ps.length === 0) return undefined;
    if (ps[0]!.them < level) return undefined;
    let lo = 0;
    let hi = ps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ps[mid]!.them >= level - 1e-9) lo = mid;
      else hi = mid - 1;
    }
    return ps[lo];
  }
}

/** Builds and caches frontiers for every combination of bounds a negotiation reaches. */
export class PackageSpace {
  private readonly issues: IssueDef[];
  private readonly themMin: number;
  private readonly themSpan: number;
  /** Per issue, each option's value to the player (looked up on every offer). */
  private readonly values: { id: string; you: Map<string, number> }[];
  private readonly cache = new Map<string, Frontier>();
  /** Bounds objects are shared between states until a give or get changes them: look those up by identity first. */
  private readonly byIdentity = new WeakMap<Bounds, Frontier>();

  constructor(issues: IssueDef[]) {
    this.issues = issues;
    let min = 0;
    let max = 0;
    for (const issue of issues) {
      min += Math.min(...issue.options.map((o) => o.them));
      max += Math.max(...issue.options.map((o) => o.them));
    }
    this.themMin = min;
    this.themSpan = max - min || 1;
    this.values = issues.map((i) => ({
      id: i.id,
      you: new Map(i.options.map((o) => [o.id, o.you])),
    }));
  }

  unbounded(): Bounds {
    const b: Record<string, readonly [number, number]> = {};
    for (const issue of this.issues) b[issue.id] = [-Infinity, Infinity];
    return b;
  }

  valueOf(terms: Record<string, string>): number {
    let v = 0;
    for (const issue of this.values) v += issue.you.get(terms[issue.id]!) ?? 0;
    return v;
  }


  frontier(bounds: Bounds): Frontier {
    const known = this.byIdentity.get(bounds);
    if (known) return known;
    const key = this.issues.map((i) => `${bounds[i.id]?.[0] ?? ''}:${bounds[i.id]?.[1] ?? ''}`).join('|');
    let f = this.cache.get(key);
    if (!f) {
      f = this.build(bounds);
      this.cache.set(key, f);
    }
    this.byIdentity.set(bounds, f);
    return f;
  }

  private build(bounds: Bounds): Frontier {
    const allowed = this.issues.map((issue) => {
      const [lo, hi] = bounds[issue.id] ?? [-Infinity, Infinity];
      return issue.options.filter((o) => o.you >= lo && o.you <= hi);
    });
    if (allowed.some((a) => a.length === 0)) return new Frontier([]);
    const all: { idx: number[]; you: number; them: number }[] = [];
    const idx = new Array<number>(allowed.length).fill(0);
    for (;;) {
      let you = 0;
      let them = 0;
      for (let i = 0; i < allowed.length; i++) {
        const o = allowed[i]![idx[i]!]!;
        you += o.you;
        them += o.them;
      }
      all.push({ idx: idx.slice(), you, them: (them - this.themMin) / this.themSpan });
      let i = 0;
      while (i < idx.length && ++idx[i]! >= allowed[i]!.length) idx[i++] = 0;
      if (i === idx.length) break;
    }
    all.sort((a, b) => b.them - a.them || b.you - a.you);
    const frontier: Package[] = [];
    let bestYou = -Infinity;
    for (const p of all) {
      if (p.you > bestYou + 1e-9) {
        bestYou = p.you;
        const terms: Record<string, string> = {};
        p.idx.forEach((j, i) => (terms[this.issues[i]!.id] = allowed[i]![j]!.id));
        frontier.push({ terms, you: p.you, them: p.them });
      }
    }
    return new Frontier(frontier);
  }
}
