import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { progressSummary, RESULT_VERSION, scoreEntry, type StoredEntry } from '../../../src/engine/training/index.ts';
import { LocalStorageBackend } from '../../../src/game/storage/backend.ts';
import { IdbBackend } from '../../../src/game/storage/idb-backend.ts';
import { PracticeStore } from '../../../src/game/storage/practice-store.ts';
import { compiledShipped } from '../../helpers.ts';
import { weekOfPractice } from '../../practice-week.ts';
import { MemoryStorage } from '../memory-storage.ts';

/** The practice record on the device: what counts on the screens, and what waits to be scored by replay. */
const week = weekOfPractice(12);
const score = (e: StoredEntry) => scoreEntry(compiledShipped(e.attempt.scenarioId), e);
const fileOf = (entries: readonly object[]) => JSON.stringify({ kind: 'walkaway-practice-record', format: 1, exportedAt: '2026-11-30T08:00:00.000Z', entries });

describe('the practice record store', () => {
  it('never shows a damaged or outdated score: those games wait, are scored by replay, and count from then on, also after a reload', async () => {
    const factory = new IDBFactory();
    const backend = await IdbBackend.open(factory);
    const stored: StoredEntry[] = week.map((e, i) =>
      i === 2
        ? { ...e, summary: { ...e.summary, dimensions: { value: 'lots' } } }
        : i === 5
          ? { ...e, summary: { ...e.summary, total: 100 }, summaryVersion: RESULT_VERSION - 1 }
          : e,
    );
    await backend.putMany('record', stored);

    const store = new PracticeStore(backend);
    await store.load();
    expect(store.entries.map((e) => e.id)).toEqual(week.filter((_e, i) => i !== 2 && i !== 5).map((e) => e.id));
    expect(store.unscored.map((e) => e.id).sort()).toEqual([week[2]!.id, week[5]!.id].sort());

    expect(await store.scoreWaiting(score)).toMatchObject({ scored: 2 });
    expect(store.unscored).toEqual([]);
    expect(store.entries).toEqual(week);
    const reloaded = new PracticeStore(await IdbBackend.open(factory));
    expect(await reloaded.load()).toEqual(week);
  });

  it('scores an imported file here: without summaries it gives the same progress, a flattering one is corrected, and a game it cannot score is kept, not counted', async () => {
    const store = new PracticeStore(await IdbBackend.open(new IDBFactory()));
    await store.load();
    const bare = week.map(({ summary: _s, summaryVersion: _v, ...rest }) => rest);
    const flattering = { ...week[0]!, summary: { ...week[0]!.summary, total: 100, grade: 'A' } };
    const elsewhere = { ...bare[1]!, id: 'ab'.repeat(12), attempt: { ...bare[1]!.attempt, scenarioId: 'not-on-this-device' } };
    const result = await store.import(fileOf([flattering, ...bare.slice(1), elsewhere]), (e) =>
      e.attempt.scenarioId === 'not-on-this-device' ? null : score(e),
    );
    expect(result).toEqual({ added: 13, duplicates: 0, unscored: 1 });
    expect(store.entries).toEqual(week);
    expect(progressSummary(store.entries)).toEqual(progressSummary(week));
    expect(store.unscored.map((e) => e.id)).toEqual([elsewhere.id]);
    // Exported again, nothing is lost: the unscored game travels without a summary.
    const again = JSON.parse(store.export('2026-11-30T09:00:00.000Z')) as { entries: StoredEntry[] };
    expect(again.entries).toHaveLength(13);
    expect(again.entries.find((e) => e.id === elsewhere.id)).toEqual(elsewhere);
  });

  it('says how many games it holds without reading them (what start-up asks, to choose the first screen)', async () => {
    for (const backend of [await IdbBackend.open(new IDBFactory()), new LocalStorageBackend(new MemoryStorage())]) {
      expect(await backend.count('record')).toBe(0);
      await backend.putMany('record', week);
      expect(await backend.count('record')).toBe(week.length);
    }
  });
});
