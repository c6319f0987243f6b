import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../../../src/engine/index.ts';
import {
  RESULT_VERSION,
  trustedEntry,
  bucketed,
  checkEntry,
  exportRecord,
  mergeEntries,
  parseRecordFile,
  progressSummary,
  suggestNext,
  type RecordEntry,
  type TrainingOption,
} from '../../../src/engine/training/index.ts';
import { compiledShipped } from '../../helpers.ts';
import { weekOfPractice } from '../../practice-week.ts';

const week = weekOfPractice(30);

/** A made-up entry for the arithmetic of summaries (never replayed). */
function entry(
  n: number,
  scenarioId: string,
  personaId: string,
  total: number,
  patterns: string[] = [],
  dims: Partial<Record<string, number>> = {},
): RecordEntry {
  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, dims[d] ?? total])) as RecordEntry['summary']['dimensions'];
  return {
    id: n.toString(16).padStart(24, '0'),
    attempt: { format: 1, scenarioId, fingerprint: '0'.repeat(64), personaId, seed: 1, mode: 'practice', moves: [] },
    summary: { outcome: 'deal', total, grade: 'C', dimensions, antiPatterns: patterns.map((id) => ({ id: id as never, turn: 3 })) },
    summaryVersion: RESULT_VERSION,
    playedAt: new Date(Date.UTC(2026, 10, 1, 9) + n * 3600_000).toISOString(),
  };
}

describe('a week of practice (30 real games)', () => {
  it('replays: every cached summary is what the engine says today', () => {
    const compiled = new Map(['tutorial', 'enterprise-deal', 'renewal', 'dominant-vendor'].map((id) => [id, compiledShipped(id)]));
    for (const e of week) expect(checkEntry(compiled.get(e.attempt.scenarioId)!, e).kind).toBe('ok');
  });

  it('reads at a glance: games, first/best/last per scenario and persona, six dimensions, habits with trends', () => {
    const p = progressSummary(week);
    expect(p.games).toBe(30);
    expect(p.perGame.length).toBeGreaterThan(5);
    for (const g of p.perGame) {
      expect(g.best.total).toBeGreaterThanOrEqual(Math.max(g.first.total, g.last.total));
      expect(g.first.playedAt <= g.last.playedAt).toBe(true);
    }
    expect(p.dimensions.map((d) => d.dimension)).toEqual([...DIMENSIONS]);
    expect(p.dimensions.every((d) => d.values.length === 30)).toBe(true);
    expect(p.antiPatterns.length).toBeGreaterThan(0);
    // The rep in this week improves: the habits they had early fade.
    expect(p.antiPatterns.some((a) => a.trend === 'improving')).toBe(true);
  });
});

describe('progress summaries', () => {
  it('first, best and last follow the order played, whatever order the record is stored in', () => {
    const games = [entry(3, 'renewal', 'savings-buyer', 70), entry(1, 'renewal', 'savings-buyer', 40), entry(2, 'renewal', 'savings-buyer', 85)];
    const [g] = progressSummary(games).perGame;
    expect([g!.first.total, g!.best.total, g!.last.total, g!.games]).toEqual([40, 85, 70, 3]);
  });

  it('a dimension that rises over the recent games is improving; a habit that stopped is improving too', () => {
    const games = Array.from({ length: 20 }, (_, i) =>
      entry(i, 'renewal', 'savings-buyer', 50, i < 10 ? ['concession-without-trade'] : [], { discovery: i < 10 ? 20 : 80 }),
    );
    const p = progressSummary(games);
    const discovery = p.dimensions.find((d) => d.dimension === 'discovery')!;
    expect(discovery).toMatchObject({ recent: 80, change: 60, trend: 'improving' });
    expect(p.dimensions.find((d) => d.dimension === 'value')!.trend).toBe('steady');
    expect(p.antiPatterns[0]).toMatchObject({ id: 'concession-without-trade', games: 10, recentRate: 0, earlierRate: 1, trend: 'improving' });
  });

  it('orders habits by how often they happen, and averages long series into chart buckets', () => {
    const games = [entry(1, 'a', 'p', 50, ['bluffing', 'threatening']), entry(2, 'a', 'p', 50, ['bluffing']), entry(3, 'a', 'p', 50, ['bluffing', 'bluffing'])];
    expect(progressSummary(games).antiPatterns.map((a) => [a.id, a.games])).toEqual([
      ['bluffing', 3],
      ['threatening', 1],
    ]);
    expect(bucketed([0, 10, 20, 30], 2)).toEqual([5, 25]);
    expect(
      bucketed(
        Array.from({ length: 1000 }, (_, i) => i),
        40,
      ),
    ).toHaveLength(40);
  });
});

describe('practise this next', () => {
  const options: TrainingOption[] = [
    { scenarioId: 'easy', scenarioTitle: 'Easy', personaId: 'e', personaName: 'Eve', difficulty: 1 },
    { scenarioId: 'mid', scenarioTitle: 'Middle', personaId: 'm', personaName: 'Max', difficulty: 2, weights: { discovery: 30 } },
    { scenarioId: 'mid2', scenarioTitle: 'Middle too', personaId: 'n', personaName: 'Nia', difficulty: 2 },
    { scenarioId: 'hard', scenarioTitle: 'Hard', personaId: 'h', personaName: 'Hal', difficulty: 5, weights: { discovery: 30 } },
  ];

  it('names the weakest dimension and a scenario whose scoring weighs it, one level above what the rep handles', () => {
    const games = [1, 2, 3].map((n) => entry(n, 'easy', 'e', 80, [], { discovery: 10 }));
    const s = suggestNext(games, options)!;
    expect(s).toMatchObject({ scenarioId: 'mid', personaId: 'm', dimension: 'discovery' });
    expect(s.reason).toMatch(/Discovery is your weakest part lately \(10% over your last 3 games\)/);
  });

  it('says nothing with an empty record (the path says where to start)', () => {
    expect(suggestNext([], options)).toBeNull();
  });
});

describe('export and import', () => {
  it('round-trips the whole record and merges without duplicates', () => {
    const file = exportRecord(week, '2026-11-30T08:00:00.000Z');
    const back = parseRecordFile(file);
    expect(back).toEqual(week);
    const merged = mergeEntries(week.slice(0, 10), back);
    expect(merged.entries).toHaveLength(30);
    expect(merged.added).toHaveLength(20);
    expect(merged.duplicates).toBe(10);
    expect(progressSummary(merged.entries.map((e) => trustedEntry(e)!))).toEqual(progressSummary(week));
  });

  it('refuses a broken, foreign or tampered file with a plain reason', () => {
    expect(() => parseRecordFile('{"kind":"walkaway-practice-record","format":1,"entries":[')).toThrow(/not valid JSON/);
    expect(() => parseRecordFile('{"name":"my-app","version":"1.0.0"}')).toThrow(/not a Walkaway practice record/);
    expect(() => parseRecordFile(JSON.stringify({ kind: 'walkaway-practice-record', format: 7, exportedAt: '2026-11-30T08:00:00.000Z', entries: [] }))).toThrow(
      /format 7/,
    );
    const file = JSON.parse(exportRecord(week, '2026-11-30T08:00:00.000Z'));
    file.entries[4].summary.total = 400;
    expect(() => parseRecordFile(JSON.stringify(file))).toThrow(/entries\.\[5\]\.summary\.total.*nothing was imported/);
  });
});
