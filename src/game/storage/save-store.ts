import type { SavedSession } from '../../engine/index.ts';

/**
 * Where a saved negotiation lives: the engine's save plus which scenario it belongs to. A built-in
 * scenario is named by id; an uploaded one carries its whole YAML text so a reload can rebuild it.
 */
export type ScenarioSource = { kind: 'builtin'; id: string } | { kind: 'custom'; fileName: string; yaml: string };

export interface StoredGame {
  source: ScenarioSource;
  save: SavedSession;
  savedAt: string;
}

export const SAVE_KEY = 'walkaway.save';

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
  if (!r.save || typeof r.save !== 'object') return { kind: 'unreadable', reason: 'the saved game has no negotiation in it' };
  return { kind: 'found', game: { source: source as ScenarioSource, save: r.save as SavedSession, savedAt: String(r.savedAt ?? '') } };
}

export function writeSaveSlot(game: StoredGame, storage: Storage = localStorage): void {
  try {
    storage.setItem(SAVE_KEY, JSON.stringify(game));
  } catch {
    // A full quota must not stop the negotiation; the game simply cannot be resumed after a reload.
  }
}

export function clearSaveSlot(storage: Storage = localStorage): void {
  try {
    storage.removeItem(SAVE_KEY);
  } catch {
    // Nothing to clear if storage is unavailable.
  }
}
