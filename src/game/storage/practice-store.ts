import { chronological, type RecordEntry } from '../../engine/training/index.ts';
import { engine, loadEngine } from '../services/engine-loader.ts';
import type { StorageBackend } from './backend.ts';

/**
 * The rep's practice record on this device: every finished negotiation (attempt record, cached summary,
 * date, retry link). Held in memory once loaded, so the progress screen never waits on storage.
 */
export class PracticeStore {
  private readonly backend: StorageBackend;
  private list: RecordEntry[] = [];
  private loaded = false;

  constructor(backend: StorageBackend) {
    this.backend = backend;
  }

  /** Reads the whole record (again, after another tab changed it). */
  async load(): Promise<RecordEntry[]> {
    const all = await this.backend.getAll<RecordEntry>('record');
    this.list = chronological(all.filter((e) => e && typeof e.id === 'string' && e.attempt && e.summary));
    this.loaded = true;
    return this.list;
  }

  get entries(): readonly RecordEntry[] {
    return this.list;
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  find(id: string): RecordEntry | undefined {
    return this.list.find((e) => e.id === id);
  }

  /** Adds a finished game. Kept in memory even if the device refuses to store it (the caller says so). */
  async add(entry: RecordEntry): Promise<void> {
    if (!this.find(entry.id)) this.list = chronological([...this.list, entry]);
    await this.backend.putMany('record', [entry]);
  }

  /** Replaces an entry whose cached summary disagreed with its replay. */
  async replace(entry: RecordEntry): Promise<void> {
    this.list = this.list.map((e) => (e.id === entry.id ? entry : e));
    await this.backend.putMany('record', [entry]);
  }

  export(now = new Date().toISOString()): string {
    return engine().exportRecord(this.list, now);
  }

  /**
   * Imports an exported record: the whole file is validated before anything is written, then merged
   * without duplicates. Throws RecordFileError (nothing changed) for a broken or foreign file.
   */
  async import(text: string): Promise<{ added: number; duplicates: number }> {
    const { parseRecordFile, mergeEntries } = await loadEngine();
    const incoming = parseRecordFile(text);
    const merged = mergeEntries(this.list, incoming);
    if (merged.added.length) await this.backend.putMany('record', merged.added);
    this.list = chronological(merged.entries);
    return { added: merged.added.length, duplicates: merged.duplicates };
  }
}
