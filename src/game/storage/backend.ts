/**
 * Where the game keeps what outlives a page: the practice record, the games in progress and the
 * scenario files a trainer or rep uploaded. The game
 * talks to this small interface; IndexedDB (through `idb`) is the real one, localStorage the fallback
 * when IndexedDB is unavailable (some private modes), memory the last resort (nothing survives a reload,
 * and the rep is told so).
 */
export type StoreName = 'record' | 'games' | 'scenarios';

export interface StorageBackend {
  readonly kind: 'indexeddb' | 'local' | 'memory';
  getAll<T>(store: StoreName): Promise<T[]>;
  /** How many values a store holds (without reading them). */
  count(store: StoreName): Promise<number>;
  get<T>(store: StoreName, id: string): Promise<T | undefined>;
  /** Writes values keyed by their `id`. Rejects (e.g. QuotaExceededError) when storage is full. */
  putMany(store: StoreName, values: readonly { id: string }[]): Promise<void>;
  delete(store: StoreName, id: string): Promise<void>;
  /**
   * Reads one value and writes what `change` makes of it, with no other write in between (one
   * IndexedDB transaction): what keeps two tabs from overwriting each other's game.
   */
  update<T extends { id: string }>(store: StoreName, id: string, change: (current: T | undefined) => T | null): Promise<T | null>;
}

/** Whether an error means the device is out of room (the rep is told; play goes on). */
export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name ?? '';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(String((e as Error)?.message ?? ''));
}

/** Values held in memory: the last resort, and the model the other backends follow. */
export class MemoryBackend implements StorageBackend {
  readonly kind: StorageBackend['kind'] = 'memory';
  protected readonly stores: Record<StoreName, Map<string, unknown>> = { record: new Map(), games: new Map(), scenarios: new Map() };

  async getAll<T>(store: StoreName): Promise<T[]> {
    return [...this.stores[store].values()].map((v) => structuredClone(v) as T);
  }
  async count(store: StoreName): Promise<number> {
    this.reload(store);
    return this.stores[store].size;
  }
  async get<T>(store: StoreName, id: string): Promise<T | undefined> {
    const v = this.stores[store].get(id);
    return v === undefined ? undefined : (structuredClone(v) as T);
  }
  async putMany(store: StoreName, values: readonly { id: string }[]): Promise<void> {
    for (const v of values) this.stores[store].set(v.id, structuredClone(v));
    this.persist(store);
  }
  async delete(store: StoreName, id: string): Promise<void> {
    this.stores[store].delete(id);
    this.persist(store);
  }
  async update<T extends { id: string }>(store: StoreName, id: string, change: (current: T | undefined) => T | null): Promise<T | null> {
    this.reload(store);
    const next = change(this.stores[store].get(id) as T | undefined);
    if (next) {
      this.stores[store].set(next.id, structuredClone(next));
      this.persist(store);
    }
    return next;
  }
  /** Hooks for a backend that mirrors the maps somewhere (localStorage). */
  protected persist(_store: StoreName): void {}
  protected reload(_store: StoreName): void {}
}

/** localStorage, one key per store: the fallback where IndexedDB cannot be opened. */
export class LocalStorageBackend extends MemoryBackend {
  override readonly kind = 'local' as const;
  private readonly storage: Storage;

  constructor(storage: Storage) {
    super();
    this.storage = storage;
    this.reload('record');
    this.reload('games');
    this.reload('scenarios');
  }
  private key(store: StoreName): string {
    return `walkaway.db.${store}`;
  }
  override async getAll<T>(store: StoreName): Promise<T[]> {
    this.reload(store);
    return super.getAll<T>(store);
  }
  protected override reload(store: StoreName): void {
    try {
      const raw: unknown = JSON.parse(this.storage.getItem(this.key(store)) ?? '[]');
      const map = new Map<string, unknown>();
      if (Array.isArray(raw))
        for (const v of raw) if (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string') map.set((v as { id: string }).id, v);
      this.stores[store] = map;
    } catch {
      // An unreadable store starts empty; the next write replaces it.
    }
  }
  protected override persist(store: StoreName): void {
    // Throws QuotaExceededError when full: the caller reports it.
    this.storage.setItem(this.key(store), JSON.stringify([...this.stores[store].values()]));
  }
}
