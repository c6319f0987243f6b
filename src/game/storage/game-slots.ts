import type { AttemptRecord } from '../../engine/index.ts';
import type { StorageBackend } from './backend.ts';
import { readSaveSlot, setSaveAside, clearSaveSlot, type ScenarioSource } from './save-store.ts';

/**
 * Games in progress, each in its own slot: a rep can leave several and continue any from the menu,
 * and two tabs never write over each other's game. A slot holds the attempt record (restored only by
 * replaying it) and what the list shows without replaying.
 */
export const SAVED_GAME_FORMAT = 2;

export interface SavedGame {
  id: string;
  format: typeof SAVED_GAME_FORMAT;
  source: ScenarioSource;
  attempt: AttemptRecord;
  /** For the continue list: names at the time of saving, and how far the game got. */
  title: string;
  personaName: string;
  turn: number;
  startedAt: string;
  savedAt: string;
  retryOf?: string;
  retryFromTurn?: number;
  /** The learning path step this game plays, if it was started from the path. */
  pathStep?: string;
}

export type SaveOutcome = { kind: 'saved'; id: string } | { kind: 'forked'; id: string } | { kind: 'failed'; error: unknown };

export function newSlotId(): string {
  return `g${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export class GameSlots {
  private readonly backend: StorageBackend;
  /** The `savedAt` this tab last wrote or read per slot: a different one means another tab wrote since. */
  private readonly seen = new Map<string, string>();

  constructor(backend: StorageBackend) {
    this.backend = backend;
  }

  /** Every game in progress, most recently played first; slots that are not games are skipped. */
  async list(): Promise<SavedGame[]> {
    const all = await this.backend.getAll<SavedGame>('games');
    return all.filter(isSavedGame).sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1));
  }

  async get(id: string): Promise<SavedGame | undefined> {
    const g = await this.backend.get<SavedGame>('games', id);
    if (g && isSavedGame(g)) {
      this.seen.set(id, g.savedAt);
      return g;
    }
    return undefined;
  }

  /**
   * Saves a game into its slot, unless another tab has written that slot since this tab last saw it:
   * then this tab's game goes into a new slot of its own (`forked`), and neither overwrites the other.
   */
  async save(game: SavedGame): Promise<SaveOutcome> {
    try {
      let forked = false;
      const written = await this.backend.update<SavedGame>('games', game.id, (current) => {
        if (current && this.seen.get(game.id) !== current.savedAt) {
          forked = true;
          return null;
        }
        return game;
      });
      if (forked || !written) {
        const copy = { ...game, id: newSlotId() };
        await this.backend.putMany('games', [copy]);
        this.seen.set(copy.id, copy.savedAt);
        return { kind: 'forked', id: copy.id };
      }
      this.seen.set(game.id, game.savedAt);
      return { kind: 'saved', id: game.id };
    } catch (error) {
      return { kind: 'failed', error };
    }
  }

  async remove(id: string): Promise<void> {
    this.seen.delete(id);
    try {
      await this.backend.delete('games', id);
    } catch {
      // A slot that cannot be removed is harmless: a finished game replays as over and is dropped then.
    }
  }

  /** Keeps a slot that would not replay out of the list, without destroying what the rep played. */
  async setAside(game: SavedGame): Promise<void> {
    try {
      await this.backend.putMany('games', [{ ...game, id: `aside-${game.id}`, format: 0 } as unknown as SavedGame]);
    } catch {
      // Full storage: the bad slot is still removed below so it is never offered again.
    }
    await this.remove(game.id);
  }

  /**
   * Moves the single save slot of earlier versions (localStorage) into a slot of its own. A save from
   * before attempt records cannot be carried over; the reason is returned for the notice and the old
   * save is set aside, not destroyed.
   */
  async migrateLegacySave(storage: Storage = localStorage): Promise<{ migrated: boolean; refused: string | null }> {
    const slot = readSaveSlot(storage);
    if (slot.kind === 'empty') return { migrated: false, refused: null };
    if (slot.kind === 'unreadable') {
      setSaveAside(storage);
      return { migrated: false, refused: slot.reason };
    }
    const now = slot.game.savedAt || new Date().toISOString();
    const game: SavedGame = {
      id: newSlotId(),
      format: SAVED_GAME_FORMAT,
      source: slot.game.source,
      attempt: slot.game.attempt,
      title: slot.game.source.kind === 'builtin' ? slot.game.source.id : slot.game.source.fileName,
      personaName: String((slot.game.attempt as { personaId?: unknown }).personaId ?? ''),
      turn: Array.isArray((slot.game.attempt as { moves?: unknown }).moves) ? slot.game.attempt.moves.length : 0,
      startedAt: now,
      savedAt: now,
    };
    const saved = await this.save(game);
    if (saved.kind === 'failed') return { migrated: false, refused: null };
    clearSaveSlot(storage);
    return { migrated: true, refused: null };
  }
}

function isSavedGame(g: unknown): g is SavedGame {
  const s = g as Partial<SavedGame> | null;
  return !!s && s.format === SAVED_GAME_FORMAT && typeof s.id === 'string' && !!s.source && !!s.attempt && typeof s.savedAt === 'string';
}
