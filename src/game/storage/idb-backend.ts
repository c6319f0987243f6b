import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RecordEntry } from '../../engine/training/index.ts';
import type { StorageBackend, StoreName } from './backend.ts';
import type { SavedGame } from './game-slots.ts';
import type { StoredScenario } from './scenario-store.ts';

interface WalkawayDB extends DBSchema {
  record: { key: string; value: RecordEntry; indexes: { playedAt: string } };
  games: { key: string; value: SavedGame };
  scenarios: { key: string; value: StoredScenario };
}

export const DB_NAME = 'walkaway';
/** 1: record and games. 2: adds the uploaded scenario files. */
const DB_VERSION = 2;

/** IndexedDB through `idb`: the practice record, one slot per game in progress, and uploaded scenarios. */
export class IdbBackend implements StorageBackend {
  readonly kind = 'indexeddb' as const;
  private readonly db: IDBPDatabase<WalkawayDB>;

  private constructor(db: IDBPDatabase<WalkawayDB>) {
    this.db = db;
  }

  /** Opens (and on first use creates) the database; rejects when IndexedDB is unavailable or blocked. */
  static async open(factory?: IDBFactory): Promise<IdbBackend> {
    const open = () =>
      openDB<WalkawayDB>(DB_NAME, DB_VERSION, {
        // Each step runs only for a database older than it, so an upgrade keeps what version 1 stored.
        upgrade(db, oldVersion) {
          if (oldVersion < 1) {
            db.createObjectStore('record', { keyPath: 'id' }).createIndex('playedAt', 'playedAt');
            db.createObjectStore('games', { keyPath: 'id' });
          }
          if (oldVersion < 2) db.createObjectStore('scenarios', { keyPath: 'id' });
        },
        // A newer version of the game opened in another tab needs to upgrade: this connection steps
        // aside rather than leave that tab waiting (its writes then fail and are reported as such).
        blocking(_current, _blocked, event) {
          (event.target as IDBDatabase).close();
        },
      });
    if (!factory) return new IdbBackend(await open());
    // Tests pass an in-memory IndexedDB; idb reads the global one.
    const saved = globalThis.indexedDB;
    (globalThis as { indexedDB: IDBFactory }).indexedDB = factory;
    try {
      return new IdbBackend(await open());
    } finally {
      (globalThis as { indexedDB: IDBFactory }).indexedDB = saved;
    }
  }

  getAll<T>(store: StoreName): Promise<T[]> {
    return this.db.getAll(store) as Promise<T[]>;
  }
  count(store: StoreName): Promise<number> {
    return this.db.count(store);
  }
  get<T>(store: StoreName, id: string): Promise<T | undefined> {
    return this.db.get(store, id) as Promise<T | undefined>;
  }
  async putMany(store: StoreName, values: readonly { id: string }[]): Promise<void> {
    const tx = this.db.transaction(store, 'readwrite');
    await Promise.all([...values.map((v) => tx.store.put(v as never)), tx.done]);
  }
  async delete(store: StoreName, id: string): Promise<void> {
    await this.db.delete(store, id);
  }
  async update<T extends { id: string }>(store: StoreName, id: string, change: (current: T | undefined) => T | null): Promise<T | null> {
    const tx = this.db.transaction(store, 'readwrite');
    const current = (await tx.store.get(id)) as T | undefined;
    const next = change(current);
    if (next) await tx.store.put(next as never);
    await tx.done;
    return next;
  }
  close(): void {
    this.db.close();
  }
}
