import type { NoticeBoard } from '../a11y/notice-board.ts';
import { isQuotaError, type StorageBackend } from '../storage/backend.ts';
import { GameSlots, SAVED_GAME_FORMAT, type SavedGame } from '../storage/game-slots.ts';
import type { TabSync } from '../storage/tab-sync.ts';
import { loadEngine } from './engine-loader.ts';
import type { ScenarioCatalog } from './scenario-catalog.ts';
import type { GameOrigin, SessionRunner } from './session-runner.ts';

/** Which game this tab was playing: a reload resumes it, and another tab's games stay theirs. */
const TAB_GAME_KEY = 'walkaway.tab-game';

export type ResumeOutcome = { kind: 'resumed' } | { kind: 'over' } | { kind: 'recovered'; reason: string };

/**
 * Games in progress: one slot per game, written after every move, listed for the menu's Continue,
 * refreshed when another tab changes them. Restoring a game is replaying its record; one that does not
 * replay is set aside with a plain reason and the rep starts fresh.
 */
export class GameSaves {
  private slots: GameSlots | null = null;
  private cached: SavedGame[] = [];
  private writes: Promise<unknown> = Promise.resolve();
  /** The latest state of each game whose save is waiting its turn, by the game's origin. */
  private readonly unsaved = new Map<GameOrigin, SavedGame>();
  private fullReported = false;
  private readonly listeners = new Set<() => void>();
  private readonly notices: NoticeBoard;
  private readonly catalog: ScenarioCatalog;
  private readonly sync: TabSync;

  constructor(notices: NoticeBoard, catalog: ScenarioCatalog, sync: TabSync) {
    this.notices = notices;
    this.catalog = catalog;
    this.sync = sync;
    sync.onChange((topic) => {
      if (topic === 'games') void this.refresh();
    });
  }

  /** Opens the slots, carries over an older version's single save, and reads the list. */
  async attach(backend: StorageBackend): Promise<void> {
    this.slots = new GameSlots(backend);
    try {
      const legacy = await this.slots.migrateLegacySave();
      if (legacy.refused) this.notices.show(`Your saved negotiation from an earlier version could not be carried over: ${legacy.refused}. Starting fresh.`);
    } catch {
      // Nothing to carry over.
    }
    await this.refresh(false);
  }

  /** Games to continue, most recent first (from the last read; another tab's changes arrive by themselves). */
  get games(): readonly SavedGame[] {
    return this.cached;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async refresh(tell = true): Promise<void> {
    if (!this.slots) return;
    try {
      this.cached = await this.slots.list();
    } catch {
      this.cached = [];
    }
    if (tell) for (const l of this.listeners) l();
  }

  /** The slot this tab was playing before a reload, if any. */
  tabGame(): string | null {
    try {
      return sessionStorage.getItem(TAB_GAME_KEY);
    } catch {
      return null;
    }
  }

  private setTabGame(id: string | null): void {
    try {
      if (id) sessionStorage.setItem(TAB_GAME_KEY, id);
      else sessionStorage.removeItem(TAB_GAME_KEY);
    } catch {
      // Without session storage a reload lands on the menu, which still offers Continue.
    }
  }

  /**
   * Saves the running game into its slot. Writes go one at a time, in order; a move made while an
   * earlier save of the same game still waits replaces it (only the latest state of a game is worth
   * writing), so quick play never builds a queue of stale saves. Never throws; a full device is
   * reported once.
   */
  persist(runner: SessionRunner): Promise<void> {
    const session = runner.session;
    const entry = runner.entry;
    const origin = runner.origin;
    if (!session || !entry || !origin || runner.watching || !this.slots) return Promise.resolve();
    const slots = this.slots;
    const persona = entry.scenario.personas.find((p) => p.id === session.personaId);
    const game: SavedGame = {
      id: origin.slotId,
      format: SAVED_GAME_FORMAT,
      source: entry.source,
      attempt: session.attempt(),
      title: entry.scenario.title,
      personaName: persona?.name ?? session.personaId,
      turn: session.moves.length,
      startedAt: origin.startedAt,
      savedAt: new Date().toISOString(),
      ...(origin.retry ? { retryOf: origin.retry.of, retryFromTurn: origin.retry.fromTurn } : {}),
      ...(origin.pathStep ? { pathStep: origin.pathStep.id } : {}),
    };
    this.setTabGame(origin.slotId);
    const waiting = this.unsaved.has(origin);
    this.unsaved.set(origin, game);
    if (waiting) return this.writes as Promise<void>;
    return this.enqueue(async () => {
      const latest = this.unsaved.get(origin);
      this.unsaved.delete(origin);
      if (!latest) return;
      const outcome = await slots.save({ ...latest, id: origin.slotId });
      if (outcome.kind === 'forked') {
        origin.slotId = outcome.id;
        this.setTabGame(outcome.id);
        this.notices.show('This game was also continued in another tab. Your moves here are kept as a separate saved game, so neither overwrites the other.');
      } else if (outcome.kind === 'failed') {
        this.reportFailure(outcome.error);
        return;
      }
      this.sync.announce('games');
      await this.refresh();
    });
  }

  /** A finished game leaves the Continue list (it is in the practice record now). */
  finish(runner: SessionRunner): Promise<void> {
    const origin = runner.origin;
    this.setTabGame(null);
    if (!origin?.slotId || !this.slots) return Promise.resolve();
    // A save still waiting for this game is moot: the slot goes.
    this.unsaved.delete(origin);
    const slots = this.slots;
    return this.enqueue(async () => {
      await slots.remove(origin.slotId);
      this.sync.announce('games');
      await this.refresh();
    });
  }

  /** Resolves once every save and removal asked for so far is written. */
  settled(): Promise<void> {
    return this.writes as Promise<void>;
  }

  private enqueue(write: () => Promise<void>): Promise<void> {
    this.writes = this.writes.then(write).catch(() => undefined);
    return this.writes as Promise<void>;
  }

  async discard(id: string): Promise<void> {
    await this.slots?.remove(id);
    this.sync.announce('games');
    await this.refresh();
  }

  /**
   * Continues a saved game by replaying its record. Anything wrong (a scenario that changed or is gone,
   * an outdated format, a move that is not a choice) sets the slot aside, says why and offers a fresh start.
   */
  async resume(id: string, runner: SessionRunner): Promise<ResumeOutcome> {
    const game = await this.slots?.get(id);
    if (!game) return { kind: 'recovered', reason: 'that saved game is no longer there (finished or discarded in another tab?)' };
    const fail = async (reason: string): Promise<ResumeOutcome> => {
      await this.slots?.setAside(game);
      this.setTabGame(null);
      await this.refresh();
      this.notices.show(`Your saved negotiation could not be resumed: ${reason}. Starting fresh.`);
      return { kind: 'recovered', reason };
    };
    let engine: Awaited<ReturnType<typeof loadEngine>>;
    try {
      await this.catalog.whenPlayable();
      engine = await loadEngine();
    } catch {
      this.notices.show('Your saved negotiation could not be resumed now: the game did not finish loading. Reload the page to try again.');
      return { kind: 'recovered', reason: 'the game did not finish loading' };
    }
    try {
      let entry = engine.resolveSource(game.source, this.catalog.builtIns);
      const session = engine.replayAttempt(entry.compiled, game.attempt);
      if (session.isOver()) {
        await this.slots?.remove(id);
        await this.refresh();
        return { kind: 'over' };
      }
      if (entry.source.kind === 'custom') entry = this.catalog.adopt(entry);
      const pathStep = this.catalog.path?.steps.find((s) => s.id === game.pathStep) ?? null;
      const retry = game.retryOf ? { of: game.retryOf, fromTurn: game.retryFromTurn ?? 0 } : null;
      runner.resume(entry, session, { slotId: game.id, startedAt: game.startedAt, pathStep, retry });
      this.catalog.select(entry, session.personaId, session.mode);
      this.setTabGame(game.id);
      return { kind: 'resumed' };
    } catch (e) {
      if (e instanceof engine.AttemptError) return fail(e.message);
      if (e instanceof engine.ScenarioError) return fail('its scenario file no longer loads');
      return fail((e as Error).message || 'unknown problem');
    }
  }

  private reportFailure(error: unknown): void {
    if (this.fullReported) return;
    this.fullReported = true;
    this.notices.show(
      isQuotaError(error)
        ? 'This device is out of storage: your game is not being saved, but you can play on. Free some space or export your record.'
        : 'Your game could not be saved on this device; you can play on, but it will not survive a reload.',
    );
  }
}
