import { describe, expect, it } from 'vitest';
import { RoomRosters, type RosterRow } from '../../src/server/room-roster.ts';
import type { VerifiedSummary } from '../../src/server/verified.ts';

/**
 * The projector's view of a room on the embedded database comes from memory after its first read: what
 * it shows must be what the database holds, whatever order the first read and the moves stored around
 * it finish in.
 */
const rep = (id: string, position: number, moveCount = 0): RosterRow => ({
  id,
  position,
  name: `Rep ${id}`,
  persona_id: 'p',
  seed: position,
  move_count: moveCount,
  over: false,
  summary: null,
});
const summary = { outcome: 'deal', value: 10, score: 70 } as unknown as VerifiedSummary;

describe('room rosters', () => {
  it('applies the moves stored while the first read was under way, whether or not the read saw them', async () => {
    const rosters = new RoomRosters();
    let finishRead: (rows: RosterRow[]) => void = () => undefined;
    const first = rosters.rows('ROOM', () => new Promise((resolve) => (finishRead = resolve)));
    // Stored while the read was in flight: a move the read will have seen, one it will not, and a join.
    rosters.changed('ROOM', { kind: 'moved', id: 'a', moveCount: 2, over: false, summary: null });
    rosters.changed('ROOM', { kind: 'moved', id: 'b', moveCount: 1, over: false, summary: null });
    rosters.changed('ROOM', { kind: 'joined', row: rep('c', 3) });
    finishRead([rep('a', 1, 2), rep('b', 2, 0)]);
    expect((await first).map((r) => [r.id, r.move_count])).toEqual([
      ['a', 2],
      ['b', 1],
      ['c', 0],
    ]);

    // Later changes are applied at once; an older move than the one held never takes a rep back.
    rosters.changed('ROOM', { kind: 'moved', id: 'c', moveCount: 5, over: true, summary });
    rosters.changed('ROOM', { kind: 'moved', id: 'a', moveCount: 1, over: false, summary: null });
    const later = await rosters.rows('ROOM', () => Promise.reject(new Error('read again')));
    expect(later.map((r) => [r.id, r.move_count, r.over])).toEqual([
      ['a', 2, false],
      ['b', 1, false],
      ['c', 5, true],
    ]);
    expect(later[2]!.summary).toBe(summary);
  });

  it('keeps only rooms someone watches, forgets the stalest past its limit, and reads again after a failed read', async () => {
    const rosters = new RoomRosters(2);
    // A move in a room nobody has viewed is not kept: its first view reads the database.
    rosters.changed('A', { kind: 'joined', row: rep('x', 1) });
    expect(await rosters.rows('A', async () => [])).toEqual([]);

    await rosters.rows('B', async () => [rep('y', 1)]);
    await rosters.rows('A', async () => [rep('never', 1)]);
    await rosters.rows('C', async () => []); // over the limit: B, viewed longest ago, is forgotten
    expect(await rosters.rows('B', async () => [rep('y', 1, 4)])).toMatchObject([{ id: 'y', move_count: 4 }]);

    await expect(rosters.rows('D', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await rosters.rows('D', async () => [rep('z', 1)])).toMatchObject([{ id: 'z' }]);
  });
});
