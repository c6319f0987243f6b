import { chronological } from '../../engine/training/progress.ts';
import { trustedEntry } from '../../engine/training/record-trust.ts';
import type { RecordEntry, StoredEntry } from '../../engine/training/record-types.ts';
import { engine, loadEngine } from '../services/engine-loader.ts';
import type { StorageBackend } from './backend.ts';

/** Scores an entry by replay (null when it does not replay on this device). */
export type EntryScorer = (stored: StoredEntry) => RecordEntry | null;

/**
 * The rep's practice record on this device: every finished negotiation (attempt record, cached summary,
 * date, retry link). Held in memory once loaded, so the progress screen never waits on storage.
 *
 * Only entries whose summary this version of the engine made (and that is whole) count on the screens.
 * The others (an older version's, a damaged one, a file's) wait, set apart, to be scored by replay.
 */
export class PracticeStore {
  private readonly backend: StorageBackend;
  private list: RecordEntry[] = [];
  private waiting: StoredEntry[] = [];
  private loaded = false;

  constructor(backend: StorageBackend) {
    this.backend = backend;
  }

  /** Reads the whole record (again, after another tab changed it). */
  async load(): Promise<RecordEntry[]> {
    const all = await this.backend.getAll<StoredEntry>('record');
    const trusted: RecordEntry[] = [];
    const waiting: StoredEntry[] = [];
    for (const e of all) {
      if (!e || typeof e.id !== 'string' || !e.attempt || typeof e.playedAt !== 'string') continue;
      const entry = trustedEntry(e);
      if (entry) trusted.push(entry);
      else waiting.push(e);
    }
    this.list = chronological(trusted);
    this.waiting = waiting;
    this.loaded = true;
    return this.list;
  }

  /** The scored games, in the order played. */
  get entries(): readonly RecordEntry[] {
    return this.list;
  }

  /** Games waiting to be scored by replay (their summary is missing, older or damaged). */
  get unscored(): readonly StoredEntry[] {
    return this.waiting;
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

  /** Replaces an entry whose cached summary disagreed with its replay, or was missing. */
  async replace(entry: RecordEntry): Promise<void> {
    await this.replaceMany([entry]);
  }

  /** Puts scored entries in place of what was there (in memory first, then on the device). */
  async replaceMany(entries: readonly RecordEntry[]): Promise<void> {
    if (!entries.length) return;
    const ids = new Set(entries.map((e) => e.id));
    this.waiting = this.waiting.filter((e) => !ids.has(e.id));
    this.list = chronological([...this.list.filter((e) => !ids.has(e.id)), ...entries]);
    await this.backend.putMany('record', entries);
  }

  /**
   * Scores the games waiting for it with `score` (replay), at most `limit` of them: those that replay
   * count from now on; the others keep waiting (their scenario is not here, or changed since).
   * Returns how many were scored.
   */
  async scoreWaiting(score: EntryScorer, limit = Number.POSITIVE_INFINITY): Promise<{ scored: number; tried: StoredEntry[] }> {
    const tried = this.waiting.slice(0, limit);
    const scored = tried.map(score).filter((e): e is RecordEntry => e !== null);
    await this.replaceMany(scored);
    return { scored: scored.length, tried };
  }

  export(now = new Date().toISOString()): string {
    return engine().exportRecord([...this.list, ...this.waiting.map(withoutSummary)], now);
  }

  /**
   * Imports an exported record: the whole file is validated before anything is written, then merged
   * without duplicates. Every new game is scored here by `score` (a file's summaries are another
   * device's cache, never trusted); one that does not replay here is kept unscored. Throws
   * RecordFileError (nothing changed) for a broken or foreign file.
   */
  async import(text: string, score: EntryScorer): Promise<{ added: number; duplicates: number; unscored: number }> {
    const { parseRecordFile, mergeEntries } = await loadEngine();
    const incoming = parseRecordFile(text);
    const merged = mergeEntries<StoredEntry>([...this.list, ...this.waiting], incoming);
    const scored: RecordEntry[] = [];
    const unscored: StoredEntry[] = [];
    for (const e of merged.added) {
      const entry = score(e);
      if (entry) scored.push(entry);
      else unscored.push(withoutSummary(e));
    }
    if (merged.added.length) await this.backend.putMany('record', [...scored, ...unscored]);
    this.list = chronological([...this.list, ...scored]);
    this.waiting = [...this.waiting, ...unscored];
    return { added: merged.added.length, duplicates: merged.duplicates, unscored: unscored.length };
  }
}

/** An entry without its summary: what is kept of a game not scored on this device. */
function withoutSummary(e: StoredEntry): StoredEntry {
  const { summary: _summary, summaryVersion: _version, ...rest } = e;
  return rest;
}
