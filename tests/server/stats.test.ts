import { describe, expect, it } from 'vitest';
import { median, roomStats, scoreBins, topAntiPatterns, valueBins, type RepProgress } from '../../src/server/stats.ts';
import type { VerifiedSummary } from '../../src/server/verified.ts';

const summary = (o: Partial<VerifiedSummary>): VerifiedSummary => ({
  outcome: 'deal',
  value: 180,
  walkAwayValue: 150,
  target: 200,
  score: 70,
  grade: 'C',
  antiPatterns: [],
  turns: 10,
  ...o,
});
const rep = (id: string, s: VerifiedSummary | null, turn = 5): RepProgress => ({ id, name: id, turn, over: s !== null, summary: s });

describe('room statistics', () => {
  it('counts joined, playing and finished reps and their outcomes', () => {
    const stats = roomStats([
      rep('a', summary({})),
      rep('b', summary({ outcome: 'walked-away', value: 0 })),
      rep('c', summary({ outcome: 'counterpart-walked', value: 0 })),
      rep('d', null),
    ]);
    expect([stats.joined, stats.playing, stats.finished]).toEqual([4, 1, 3]);
    expect(stats.outcomes).toEqual({ deal: 1, 'walked-away': 1, 'counterpart-walked': 1 });
  });

  it('bins deal values and places each bin (by its middle) against the walk-away and the target, walks excluded', () => {
    const bins = valueBins([120, 150, 199, 200, 240], 150, 200, 4);
    expect(bins.map((b) => [b.from, b.to, b.count, b.zone])).toEqual([
      [120, 150, 1, 'below-walk-away'],
      [150, 180, 1, 'between'],
      [180, 210, 2, 'between'],
      [210, 240, 1, 'at-or-above-target'],
    ]);
    const stats = roomStats([rep('a', summary({ value: 160 })), rep('b', summary({ outcome: 'walked-away', value: 0 }))]);
    expect(stats.dealValues.reduce((n, b) => n + b.count, 0)).toBe(1);
    expect([stats.walkAwayValue, stats.target]).toEqual([150, 200]);
  });

  it('puts scores in ten bins, 100 in the last', () => {
    const bins = scoreBins([0, 9, 10, 55, 99, 100]);
    expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(bins[9]).toMatchObject({ from: 90, to: 100 });
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('ranks the five most common anti-patterns by reps, with the typical turn they happen at', () => {
    const s = (ids: [string, number][]) => summary({ antiPatterns: ids.map(([id, turn]) => ({ id: id as never, turn })) });
    const top = topAntiPatterns([
      s([
        ['bluffing', 4],
        ['bluffing', 9],
        ['threatening', 7],
      ]),
      s([
        ['bluffing', 6],
        ['concession-without-trade', 3],
      ]),
      s([
        ['bluffing', 8],
        ['threatening', 5],
        ['revealing-desperation', 2],
      ]),
      s([
        ['ignoring-batna', 1],
        ['end-of-quarter-panic', 2],
        ['single-threaded', 3],
      ]),
    ]);
    expect(top.length).toBe(5);
    // A rep who bluffed twice counts once, at their first bluff: turns 4, 6, 8 -> 6.
    expect(top[0]).toEqual({ id: 'bluffing', label: 'Bluffed an alternative', reps: 3, typicalTurn: 6 });
    expect(top[1]).toMatchObject({ id: 'threatening', reps: 2, typicalTurn: 6 });
    expect(top.slice(2).map((t) => t.reps)).toEqual([1, 1, 1]);
  });

  it('picks the best and the worst finished rep, the earlier joiner on a tie', () => {
    const stats = roomStats([
      rep('a', summary({ score: 60 })),
      rep('b', summary({ score: 91 })),
      rep('c', summary({ score: 91 })),
      rep('d', summary({ score: 12 })),
      rep('e', null),
    ]);
    expect([stats.bestRepId, stats.worstRepId, stats.medianScore]).toEqual(['b', 'd', 75.5]);
    expect(roomStats([rep('x', null)])).toMatchObject({ bestRepId: null, worstRepId: null, dealValues: [], medianScore: null });
  });
});
