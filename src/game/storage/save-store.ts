import type { AttemptRecord } from '../../engine/index.ts';

/**
 * Where a saved negotiation lives: the engine's save plus which scenario it belongs to. A built-in
 * scenario is named by id; an uploaded one carries its whole YAML text so a reload can rebuild it.
 */
export type ScenarioSource = { kind: 'builtin'; id: string } | { kind: 'custom'; fileName: string; yaml: string };

/** A game in progress: which scenario, and its attempt record (restored only by replaying it). */
export interface StoredGame {
  source: ScenarioSource;
  attempt: AttemptRecord;
  savedAt: string;
}

export const SAVE_KEY = 'walkaway.save';
/** Where a record that would not replay is kept, so nothing a rep played is silently destroyed. */
export const SET_ASIDE_KEY = 'walkaway.save.set-aside';

/** The raw outcome of reading the slot; the caller validates the content with the engine. */
export type SlotRead = { kind: 'empty' } | { kind: 'found'; game: StoredGame } | { kind: 'unreadable'; reason: string };

export function readSaveSlot(storage: Storage = localStorage): SlotRead {
  let text: string | null;
  try {
    text = storage.getItem(SAVE_KEY);
  } catch {
    return { kind: 'empty' };
  }
  if (text === null) return { kind: 'empty' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: 'the saved game is not valid JSON' };
  }
  if (!raw || typeof raw !== 'object') return { kind: 'unreadable', reason: 'the saved game is empty' };
  const r = raw as Partial<Record<keyof StoredGame, unknown>>;
  const source = r.source as Partial<ScenarioSource> | undefined;
  const sourceOk =
    !!source &&
    ((source.kind === 'builtin' && typeof source.id === 'string') ||
      (source.kind === 'custom' && typeof source.fileName === 'string' && typeof source.yaml === 'string'));
  if (!sourceOk) return { kind: 'unreadable', reason: 'the saved game does not say which scenario it belongs to' };
  if (!r.attempt || typeof r.attempt !== 'object') return { kind: 'unreadable', reason: 'the saved game has no negotiation in it' };
  // The record's content is checked by the engine when it is replayed, not here.
  return { kind: 'found', game: { source: source as ScenarioSource, attempt: r.attempt as AttemptRecord, savedAt: String(r.savedAt ?? '') } };
}

export function writeSaveSlot(game: StoredGame, storage: Storage = localStorage): void {
  try {
    storage.setItem(SAVE_KEY, JSON.stringify(game));
  } catch {
    // A full quota must not stop the negotiation; the game simply cannot be resumed after a reload.
  }
}

/** Moves whatever is in the slot aside (kept for inspection, never offered again) and empties the slot. */
export function setSaveAside(storage: Storage = localStorage): void {
  try {
    const text = storage.getItem(SAVE_KEY);
    if (text !== null) storage.setItem(SET_ASIDE_KEY, text);
  } catch {
    // Storage full or unavailable: the bad record is dropped below rather than offered again.
  }
  clearSaveSlot(storage);
}

export function clearSaveSlot(storage: Storage = localStorage): void {
  try {
    storage.removeItem(SAVE_KEY);
  } catch {
    // Nothing to clear if storage is unavailable.
  }
}
