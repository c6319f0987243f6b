import { DIMENSIONS, DIMENSION_LABELS, type DimensionId } from '../scoring/dimensions.ts';
import { ANTI_PATTERNS, type AntiPatternId } from '../vocabulary.ts';
import type { RecordEntry } from './record-entry.ts';

/**
 * What a rep's practice record says at a glance: first, best and last score per scenario and persona,
 * each dimension over time, the anti-patterns committed most and whether they are fading. Pure and
 * linear in the number of games (the progress screen computes it on open, 1,000 games included).
 */

export interface ScorePoint {
  entryId: string;
  total: number;
  grade: string;
  playedAt: string;
}

export interface GameProgress {
  scenarioId: string;
  personaId: string;
  games: number;
  first: ScorePoint;
  best: ScorePoint;
  last: ScorePoint;
}

export type Trend = 'improving' | 'steady' | 'slipping' | 'new';

export interface DimensionProgress {
  dimension: DimensionId;
  label: string;
  /** Share of the dimension's maximum, game by game in the order played (0..100). */
  values: number[];
  dates: string[];
  /** Mean over the recent games, and the change against the games before them. */
  recent: number;
  change: number;
  trend: Trend;
}

export interface AntiPatternProgress {
  id: AntiPatternId;
  label: string;
  principle: string;
  /** Games in which it happened, of all games. */
  games: number;
  /** Share of recent games in which it happened, and of the games before them. */
  recentRate: number;
  earlierRate: number;
  trend: Trend;
}

export interface ProgressSummary {
  games: number;
  firstPlayed: string | null;
  lastPlayed: string | null;
  perGame: GameProgress[];
  dimensions: DimensionProgress[];
  antiPatterns: AntiPatternProgress[];
}

/** How many of the latest games count as "recent" for trends. */
export const RECENT_GAMES = 10;

/** Games in the order they were played (ties: by id, so every device orders them alike). */
export function chronological(entries: readonly RecordEntry[]): RecordEntry[] {
  return [...entries].sort((a, b) => (a.playedAt === b.playedAt ? a.id.localeCompare(b.id) : a.playedAt < b.playedAt ? -1 : 1));
}

/** Splits the games into the recent ones and those before (half and half while there are few). */
function split(n: number): number {
  return n - Math.min(RECENT_GAMES, Math.ceil(n / 2));
}

export function progressSummary(entries: readonly RecordEntry[]): ProgressSummary {
  const games = chronological(entries);
  const n = games.length;
  const cut = split(n);

  const perGame = new Map<string, GameProgress>();
  for (const e of games) {
    const key = `${e.attempt.scenarioId}\u0000${e.attempt.personaId}`;
    const point: ScorePoint = { entryId: e.id, total: e.summary.total, grade: e.summary.grade, playedAt: e.playedAt };
    const g = perGame.get(key);
    if (!g) perGame.set(key, { scenarioId: e.attempt.scenarioId, personaId: e.attempt.personaId, games: 1, first: point, best: point, last: point });
    else {
      g.games++;
      if (point.total > g.best.total) g.best = point;
      g.last = point;
    }
  }

  const dimensions = DIMENSIONS.map((d): DimensionProgress => {
    const values = games.map((e) => e.summary.dimensions[d]);
    const recent = mean(values.slice(cut));
    const earlier = mean(values.slice(0, cut));
    const change = cut > 0 ? round1(recent - earlier) : 0;
    return {
      dimension: d,
      label: DIMENSION_LABELS[d],
      values,
      dates: games.map((e) => e.playedAt),
      recent: round1(recent),
      change,
      trend: cut === 0 ? 'new' : change >= 5 ? 'improving' : change <= -5 ? 'slipping' : 'steady',
    };
  });

  const hits = new Map<AntiPatternId, { total: number; recent: number; earlier: number }>();
  games.forEach((e, i) => {
    for (const id of new Set(e.summary.antiPatterns.map((a) => a.id))) {
      const h = hits.get(id) ?? { total: 0, recent: 0, earlier: 0 };
      h.total++;
      if (i >= cut) h.recent++;
      else h.earlier++;
      hits.set(id, h);
    }
  });
  const antiPatterns = [...hits.entries()]
    .map(([id, h]): AntiPatternProgress => {
      const recentRate = h.recent / Math.max(1, n - cut);
      const earlierRate = cut > 0 ? h.earlier / cut : 0;
      // For a habit, fewer is better: a falling rate is improvement.
      const delta = recentRate - earlierRate;
      return {
        id,
        label: ANTI_PATTERNS[id].label,
        principle: ANTI_PATTERNS[id].principle,
        games: h.total,
        recentRate: round2(recentRate),
        earlierRate: round2(earlierRate),
        trend: cut === 0 ? 'new' : delta <= -0.1 ? 'improving' : delta >= 0.1 ? 'slipping' : 'steady',
      };
    })
    .sort((a, b) => b.games - a.games || a.id.localeCompare(b.id));

  return {
    games: n,
    firstPlayed: games[0]?.playedAt ?? null,
    lastPlayed: games[n - 1]?.playedAt ?? null,
    perGame: [...perGame.values()].sort((a, b) => (a.last.playedAt < b.last.playedAt ? 1 : -1)),
    dimensions,
    antiPatterns,
  };
}

/**
 * A long series averaged into at most `buckets` consecutive groups, so a chart of 1,000 games draws 40
 * points that still show the shape.
 */
export function bucketed(values: readonly number[], buckets: number): number[] {
  if (values.length <= buckets) return [...values];
  const out: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * values.length) / buckets);
    const to = Math.floor(((b + 1) * values.length) / buckets);
    out.push(round1(mean(values.slice(from, to))));
  }
  return out;
}

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
