import { z } from 'zod';
import { StoredEntrySchema, type RecordEntry, type StoredEntry } from './record-entry.ts';

/**
 * The practice record as one file a rep can carry to another device: every finished negotiation with
 * its attempt record. Importing validates the whole file first and merges without duplicates; a broken
 * or foreign file changes nothing and says why.
 */

export const RECORD_FILE_KIND = 'walkaway-practice-record';
export const RECORD_FILE_FORMAT = 1;
/** A year of daily practice is a few thousand games; this bound keeps a hostile file from costing more. */
const MAX_ENTRIES = 20_000;
const MAX_FILE_CHARS = 30_000_000;

export const RecordFileSchema = z
  .object({
    kind: z.literal(RECORD_FILE_KIND),
    format: z.literal(RECORD_FILE_FORMAT),
    exportedAt: z.iso.datetime(),
    entries: z.array(StoredEntrySchema).max(MAX_ENTRIES, `more than ${MAX_ENTRIES} games`),
  })
  .strict();
export type RecordFile = z.infer<typeof RecordFileSchema>;

export class RecordFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordFileError';
  }
}

/** The record as a file: every game, scored or not (an unscored one travels without a summary). */
export function exportRecord(entries: readonly (RecordEntry | StoredEntry)[], exportedAt: string): string {
  const file = { kind: RECORD_FILE_KIND, format: RECORD_FILE_FORMAT, exportedAt, entries: [...entries] };
  return JSON.stringify(file);
}

/**
 * Reads an exported record. Throws RecordFileError with a plain reason; never returns part of a file.
 * The summaries in it are a cache of another device: the entries are scored again here (scoreEntry).
 */
export function parseRecordFile(text: string): StoredEntry[] {
  if (text.length > MAX_FILE_CHARS) throw new RecordFileError('the file is too large to be a Walkaway practice record');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new RecordFileError('the file is not a Walkaway practice record (it is not valid JSON)');
  }
  if (!raw || typeof raw !== 'object' || (raw as { kind?: unknown }).kind !== RECORD_FILE_KIND) {
    throw new RecordFileError('the file is not a Walkaway practice record (it does not say it is one)');
  }
  const format = (raw as { format?: unknown }).format;
  if (format !== RECORD_FILE_FORMAT) {
    throw new RecordFileError(`the record uses format ${JSON.stringify(format)}; this version reads format ${RECORD_FILE_FORMAT}`);
  }
  const parsed = RecordFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = path.length ? path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : p)).join('.') : 'the file';
    throw new RecordFileError(`the record is damaged (${where}: ${issue.message}); nothing was imported`);
  }
  return parsed.data.entries;
}

export interface MergeResult<T extends { id: string }> {
  entries: T[];
  added: T[];
  /** Games already in the record. */
  duplicates: number;
}

/** Merges imported games into a record: same id means the same game, kept once. */
export function mergeEntries<T extends { id: string }>(existing: readonly T[], incoming: readonly T[]): MergeResult<T> {
  const ids = new Set(existing.map((e) => e.id));
  const added: T[] = [];
  let duplicates = 0;
  for (const e of incoming) {
    if (ids.has(e.id)) duplicates++;
    else {
      ids.add(e.id);
      added.push(e);
    }
  }
  return { entries: [...existing, ...added], added, duplicates };
}
