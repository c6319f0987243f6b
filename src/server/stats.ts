import { ANTI_PATTERNS, OUTCOMES, type AntiPatternId, type Outcome } from '../engine/index.ts';
import type { VerifiedSummary } from './verified.ts';

/**
 * The room's statistics for the projector: pure functions of the reps' verified summaries (no Node, no
 * database), so they are tested on their own and could run anywhere.
 */

export interface RepProgress {
  id: string;
  /** Display name, or "Rep N" when the facilitator hides names. */
  name: string;
  turn: number;
  over: boolean;
  summary: VerifiedSummary | null;
}

export interface Bin {
  from: number;
  to: number;
  count: number;
}

export interface ValueBin extends Bin {
  /** Where the bin sits against the walk-away and the target. */
  zone: 'below-walk-away' | 'between' | 'at-or-above-target';
}

export interface AntiPatternStat {
  id: AntiPatternId;
  label: string;
  /** Reps who fell into it at least once. */
  reps: number;
  /** The turn it most typically happened at (median of each rep's first time). */
  typicalTurn: number;
}

export interface RoomStats {
  joined: number;
  playing: number;
  finished: number;
  outcomes: Record<Outcome, number>;
  /** Deal values (deals only), binned, with the walk-away and target they are read against. */
  dealValues: ValueBin[];
  walkAwayValue: number | null;
  target: number | null;
  /** Scores in ten bins: 0-9, 10-19, ..., 90-100. */
  scores: Bin[];
  medianScore: number | null;
  antiPatterns: AntiPatternStat[];
  /** Ids of the finished reps with the highest and the lowest score (earliest joiner wins a tie). */
  bestRepId: string | null;
  worstRepId: string | null;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function scoreBins(scores: readonly number[]): Bin[] {
  const bins: Bin[] = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i === 9 ? 100 : i * 10 + 9, count: 0 }));
  for (const s of scores) bins[Math.min(9, Math.max(0, Math.floor(s / 10)))]!.count++;
  return bins;
}

/** Deal values in `n` equal bins spanning the deals, the walk-away and the target. */
export function valueBins(values: readonly number[], walkAway: number, target: number, n = 8): ValueBin[] {
  if (!values.length) return [];
  const lo = Math.min(...values, walkAway);
  const hi = Math.max(...values, target);
  const width = hi > lo ? (hi - lo) / n : 1;
  const bins: ValueBin[] = Array.from({ length: n }, (_, i) => {
    const from = lo + i * width;
    const to = from + width;
    const mid = (from + to) / 2;
    return { from, to, count: 0, zone: mid < walkAway ? 'below-walk-away' : mid >= target ? 'at-or-above-target' : 'between' };
  });
  for (const v of values) bins[Math.min(n - 1, Math.floor((v - lo) / width))]!.count++;
  return bins;
}

export function topAntiPatterns(summaries: readonly VerifiedSummary[], limit = 5): AntiPatternStat[] {
  const firstTurns = new Map<AntiPatternId, number[]>();
  for (const s of summaries) {
    const seen = new Map<AntiPatternId, number>();
    for (const a of s.antiPatterns) if (!seen.has(a.id) || a.turn < seen.get(a.id)!) seen.set(a.id, a.turn);
    for (const [id, turn] of seen) firstTurns.set(id, [...(firstTurns.get(id) ?? []), turn]);
  }
  return [...firstTurns]
    .map(([id, turns]) => ({ id, label: ANTI_PATTERNS[id]?.label ?? id, reps: turns.length, typicalTurn: Math.round(median(turns)!) }))
    .sort((a, b) => b.reps - a.reps || a.typicalTurn - b.typicalTurn || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** Everything the projector charts, from the reps in join order. */
export function roomStats(reps: readonly RepProgress[]): RoomStats {
  const finished = reps.filter((r): r is RepProgress & { summary: VerifiedSummary } => r.over && r.summary !== null);
  const summaries = finished.map((r) => r.summary);
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const s of summaries) outcomes[s.outcome]++;
  const deals = summaries.filter((s) => s.outcome === 'deal');
  const walkAway = median(summaries.map((s) => s.walkAwayValue));
  const target = median(summaries.map((s) => s.target));
  let best: (typeof finished)[number] | null = null;
  let worst: (typeof finished)[number] | null = null;
  for (const r of finished) {
    if (!best || r.summary.score > best.summary.score) best = r;
    if (!worst || r.summary.score < worst.summary.score) worst = r;
  }
  return {
    joined: reps.length,
    playing: reps.length - finished.length,
    finished: finished.length,
    outcomes,
    dealValues:
      walkAway === null || target === null
        ? []
        : valueBins(
            deals.map((d) => d.value),
            walkAway,
            target,
          ),
    walkAwayValue: walkAway,
    target,
    scores: scoreBins(summaries.map((s) => s.score)),
    medianScore: median(summaries.map((s) => s.score)),
    antiPatterns: topAntiPatterns(summaries),
    bestRepId: best?.id ?? null,
    worstRepId: worst?.id ?? null,
  };
}
