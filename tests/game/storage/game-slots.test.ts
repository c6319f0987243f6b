import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { Session } from '../../../src/engine/index.ts';
import { IdbBackend } from '../../../src/game/storage/idb-backend.ts';
import { LocalStorageBackend } from '../../../src/game/storage/backend.ts';
import { GameSlots, SAVED_GAME_FORMAT, type SavedGame } from '../../../src/game/storage/game-slots.ts';
import { scoreEntry } from '../../../src/engine/training/index.ts';
import { PracticeStore } from '../../../src/game/storage/practice-store.ts';
import { compiledShipped } from '../../helpers.ts';
import { weekOfPractice } from '../../practice-week.ts';
import { MemoryStorage } from '../memory-storage.ts';

const tutorial = compiledShipped('tutorial');

function game(id: string, moves: number, savedAt: string): SavedGame {
  const s = Session.create(tutorial, 'friendly-manager', 3, 'practice');
  for (let i = 0; i < moves; i++) s.choose(s.snapshot().choices[i % 2]!.id);
  return {
    id,
    format: SAVED_GAME_FORMAT,
    source: { kind: 'builtin', id: 'tutorial' },
    attempt: s.attempt(),
    title: 'Tutorial',
    personaName: 'Sam',
    turn: moves,
    startedAt: savedAt,
    savedAt,
  };
}

describe('game slots in IndexedDB', () => {
  it('two tabs (two connections) continuing the same game never overwrite each other: the later writer gets its own slot', async () => {
    const factory = new IDBFactory();
    const tabA = new GameSlots(await IdbBackend.open(factory));
    const tabB = new GameSlots(await IdbBackend.open(factory));
    expect(await tabA.save(game('g1', 1, '2026-11-30T08:00:00.000Z'))).toEqual({ kind: 'saved', id: 'g1' });
    // Both tabs open the game.
    await tabA.get('g1');
    await tabB.get('g1');
    // A moves on; then B, which has not seen A's write, moves on differently.
    expect(await tabA.save(game('g1', 2, '2026-11-30T08:01:00.000Z'))).toEqual({ kind: 'saved', id: 'g1' });
    const b = await tabB.save(game('g1', 3, '2026-11-30T08:02:00.000Z'));
    if (b.kind !== 'forked') throw new Error(`expected a separate slot, got ${b.kind}`);
    const list = await tabA.list();
    expect(list.map((g) => g.attempt.moves.length).sort()).toEqual([2, 3]);
    expect((await tabA.get('g1'))!.attempt.moves).toHaveLength(2);
    // B goes on in its own slot without trouble.
    expect(await tabB.save({ ...game(b.id, 4, '2026-11-30T08:03:00.000Z') })).toEqual({ kind: 'saved', id: b.id });
  });

  it('keeps several games, most recent first, and removes a finished one', async () => {
    const slots = new GameSlots(await IdbBackend.open(new IDBFactory()));
    await slots.save(game('old', 1, '2026-11-29T08:00:00.000Z'));
    await slots.save(game('new', 2, '2026-11-30T08:00:00.000Z'));
    expect((await slots.list()).map((g) => g.id)).toEqual(['new', 'old']);
    await slots.remove('new');
    expect((await slots.list()).map((g) => g.id)).toEqual(['old']);
  });

  it('reports a full device instead of throwing, and play goes on', async () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    };
    const slots = new GameSlots(new LocalStorageBackend(storage));
    const outcome = await slots.save(game('g', 1, '2026-11-30T08:00:00.000Z'));
    expect(outcome.kind).toBe('failed');
  });

  it('migrates the previous single save and refuses a save from before attempt records', async () => {
    const storage = new MemoryStorage();
    const slots = new GameSlots(new LocalStorageBackend(new MemoryStorage()));
    const g = game('x', 2, '2026-11-30T08:00:00.000Z');
    storage.setItem('walkaway.save', JSON.stringify({ source: g.source, attempt: g.attempt, savedAt: g.savedAt }));
    expect(await slots.migrateLegacySave(storage)).toEqual({ migrated: true, refused: null });
    expect((await slots.list())[0]!.attempt).toEqual(g.attempt);
    expect(storage.getItem('walkaway.save')).toBeNull();
    storage.setItem('walkaway.save', JSON.stringify({ source: { kind: 'builtin', id: 'tutorial' }, save: { format: 0 } }));
    expect(await slots.migrateLegacySave(storage)).toEqual({ migrated: false, refused: 'the saved game has no negotiation in it' });
    expect(storage.getItem('walkaway.save.set-aside')).toMatch(/"format":0/);
  });
});

describe('the practice record store', () => {
  it('keeps games and reads them back in the order played; an import merges without duplicates and a broken one changes nothing', async () => {
    const week = weekOfPractice(30);
    const factory = new IDBFactory();
    const store = new PracticeStore(await IdbBackend.open(factory));
    await store.load();
    for (const e of week.slice(0, 10)) await store.add(e);
    // Another tab (or a reload) reads what was stored.
    expect((await new PracticeStore(await IdbBackend.open(factory)).load()).map((e) => e.id)).toEqual(week.slice(0, 10).map((e) => e.id));
    const score = (e: Parameters<typeof scoreEntry>[1]) => scoreEntry(compiledShipped(e.attempt.scenarioId), e);
    expect(
      await store.import(JSON.stringify({ kind: 'walkaway-practice-record', format: 1, exportedAt: '2026-11-30T08:00:00.000Z', entries: week }), score),
    ).toEqual({ added: 20, duplicates: 10, unscored: 0 });
    expect(store.entries.map((e) => e.id)).toEqual(week.map((e) => e.id));
    await expect(store.import('{"kind":"walkaway-practice-record","format":1,"entries":[{}]}', score)).rejects.toThrow(/damaged/);
    expect(store.entries).toHaveLength(30);
  });
});
