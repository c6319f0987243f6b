import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { isQuotaError, LocalStorageBackend, MemoryBackend } from '../../../src/game/storage/backend.ts';
import { DB_NAME, IdbBackend } from '../../../src/game/storage/idb-backend.ts';
import { ScenarioStore, type StoredScenario } from '../../../src/game/storage/scenario-store.ts';
import { MemoryStorage } from '../memory-storage.ts';

const file = (id: string, uploadedAt: string, yaml = `id: ${id}\n`): StoredScenario => ({ id, fileName: `${id}.yaml`, yaml, uploadedAt });

describe('uploaded scenarios on the device', () => {
  it('a database made by the first version keeps its record and games when it gains the scenario store', async () => {
    const factory = new IDBFactory();
    const saved = globalThis.indexedDB;
    (globalThis as { indexedDB: IDBFactory }).indexedDB = factory;
    try {
      const v1 = await openDB(DB_NAME, 1, {
        upgrade(db) {
          db.createObjectStore('record', { keyPath: 'id' }).createIndex('playedAt', 'playedAt');
          db.createObjectStore('games', { keyPath: 'id' });
        },
      });
      await v1.put('record', { id: 'r1', playedAt: '2026-11-01T10:00:00.000Z' });
      await v1.put('games', { id: 'g1', title: 'Tutorial' });
      v1.close();
    } finally {
      (globalThis as { indexedDB: IDBFactory }).indexedDB = saved;
    }

    const backend = await IdbBackend.open(factory);
    expect(await backend.get('record', 'r1')).toEqual({ id: 'r1', playedAt: '2026-11-01T10:00:00.000Z' });
    expect(await backend.get('games', 'g1')).toEqual({ id: 'g1', title: 'Tutorial' });
    const store = new ScenarioStore(backend);
    await store.put(file('mine', '2026-11-30T09:00:00.000Z'));
    backend.close();
    // Opened again (the next page load): the upload is still there.
    const again = await IdbBackend.open(factory);
    expect((await new ScenarioStore(again).list()).map((f) => f.id)).toEqual(['mine']);
    again.close();
  });

  it('lists uploads oldest first, replaces one uploaded again under the same id, removes one', async () => {
    const store = new ScenarioStore(await IdbBackend.open(new IDBFactory()));
    await store.put(file('b', '2026-11-30T09:05:00.000Z'));
    await store.put(file('a', '2026-11-30T09:00:00.000Z'));
    await store.put(file('b', '2026-11-30T09:10:00.000Z', 'id: b\ntitle: second\n'));
    const listed = await store.list();
    expect(listed.map((f) => f.id)).toEqual(['a', 'b']);
    expect(listed[1]!.yaml).toContain('second');
    await store.remove('a');
    expect((await store.list()).map((f) => f.id)).toEqual(['b']);
  });

  it('skips a stored value of the wrong shape instead of showing it half-read', async () => {
    const backend = new MemoryBackend();
    await backend.putMany('scenarios', [{ id: 'broken' }, file('fine', '2026-11-30T09:00:00.000Z')]);
    expect((await new ScenarioStore(backend).list()).map((f) => f.id)).toEqual(['fine']);
  });

  it('where IndexedDB is missing, localStorage keeps them across page loads', async () => {
    const storage = new MemoryStorage();
    await new ScenarioStore(new LocalStorageBackend(storage)).put(file('kept', '2026-11-30T09:00:00.000Z'));
    expect((await new ScenarioStore(new LocalStorageBackend(storage)).list()).map((f) => f.id)).toEqual(['kept']);
  });

  it('a full device refuses the upload with an error the game reports as out of storage', async () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const attempt = new ScenarioStore(new LocalStorageBackend(storage)).put(file('big', '2026-11-30T09:00:00.000Z'));
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isQuotaError(error)).toBe(true);
  });
});
