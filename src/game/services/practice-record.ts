import type { Session } from '../../engine/index.ts';
import {
  passMarkFor,
  pathProgress,
  progressSummary,
  suggestNext,
  verdictOf,
  countedAssessment,
  type PathStep,
  type ProgressSummary,
  type RecordEntry,
  type StepProgress,
  type Suggestion,
  type Verdict,
} from '../../engine/training/index.ts';
import type { NoticeBoard } from '../a11y/notice-board.ts';
import type { ScenarioEntry } from '../scenario/catalog.ts';
import { isQuotaError, type StorageBackend } from '../storage/backend.ts';
import { PracticeStore, type EntryScorer } from '../storage/practice-store.ts';
import type { TabSync } from '../storage/tab-sync.ts';
import { engine, loadEngine } from './engine-loader.ts';
import type { ScenarioCatalog } from './scenario-catalog.ts';
import type { SessionRunner } from './session-runner.ts';

/** A row of the progress screen: names resolved, dates as a rep reads them. */
export interface ProgressView {
  summary: ProgressSummary;
  names: (scenarioId: string, personaId: string) => { scenario: string; persona: string };
  suggestion: (Suggestion & { scenarioTitle: string; personaName: string }) | null;
  /** Games kept but not counted: not scored by this version of the game yet (or not scorable here). */
  unscored: number;
}

/** What to say about a finished game in its debrief: the mode's verdict and notes. */
export interface DebriefNotes {
  mode: string;
  verdict: Verdict | null;
  /** Whether this game is the one that counts (assessment), or why not. */
  counts: string | null;
  takeBacks: number[];
  retryOf: { turn: number } | null;
  /** Set when the game was played on a scenario that has changed since. */
  changed: string | null;
}

/**
 * The rep's practice record as the screens use it: every finished game goes in, the progress screen
 * and the learning path read it, past games open again by replay, and the whole record travels as a file.
 */
export class PracticeRecord {
  private store: PracticeStore | null = null;
  private fullReported = false;
  /** The first read of the games (see whenLoaded), and how many there were before it. */
  private loading: Promise<void> | null = null;
  private keptAtStart = 0;
  /** The last progress view and what it was made from. */
  private view: { entries: readonly RecordEntry[]; unscored: number; progress: ProgressView } | null = null;
  /** Set while games are being scored in the background. */
  private scoring = false;
  private readonly listeners = new Set<() => void>();
  private readonly notices: NoticeBoard;
  private readonly catalog: ScenarioCatalog;
  private readonly sync: TabSync;

  constructor(notices: NoticeBoard, catalog: ScenarioCatalog, sync: TabSync) {
    this.notices = notices;
    this.catalog = catalog;
    this.sync = sync;
    sync.onChange((topic) => {
      if (topic === 'record' && this.store)
        void this.store.load().then(() => {
          this.tell();
          if (this.catalog.isPlayable) void this.scoreInBackground();
        });
    });
  }

  /**
   * Opens the record on this device, reading only how many games it holds (the first screen depends on
   * whether the rep has played). The games themselves are read by `whenLoaded()`: start-up asks once its
   * first screen is up, so a long record does not hold it back; screens that show them wait for it.
   */
  async attach(backend: StorageBackend): Promise<void> {
    this.store = new PracticeStore(backend);
    try {
      this.keptAtStart = await backend.count('record');
    } catch {
      // Unreadable: reading the games reports it.
    }
  }

  /** Reads the games of the record (once); resolves when they are in. */
  whenLoaded(): Promise<void> {
    const store = this.store;
    if (!store) return Promise.resolve();
    this.loading ??= store.load().then(
      () => this.tell(),
      () => this.notices.show('Your practice record could not be read on this device; new games will still be kept.'),
    );
    return this.loading;
  }

  get entries(): readonly RecordEntry[] {
    return this.store?.entries ?? [];
  }

  /** Every game kept on this device, scored or still waiting to be (before the games are read: how many there are). */
  get keptGames(): number {
    if (!this.store?.isLoaded) return this.keptAtStart;
    return this.entries.length + this.store.unscored.length;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private tell(): void {
    for (const l of this.listeners) l();
  }

  /** Puts a finished game into the record (kept in memory for this visit even when the device is full). */
  async recordFinished(runner: SessionRunner): Promise<RecordEntry | null> {
    const session = runner.session;
    if (!session || !session.isOver() || runner.watching || !this.store) return null;
    const entry = engine().entryFor(session, new Date().toISOString(), runner.origin?.retry ?? undefined);
    runner.recordId = entry.id;
    // Added to what was read, not overwritten by it (a game finished right after start-up).
    await this.whenLoaded();
    try {
      await this.store.add(entry);
      this.sync.announce('record');
    } catch (e) {
      if (!this.fullReported) {
        this.fullReported = true;
        this.notices.show(
          isQuotaError(e)
            ? 'This device is out of storage: this game stays in your record until you close the page. Export your record to keep it.'
            : 'This game could not be stored on this device; it stays in your record until you close the page.',
        );
      }
    }
    this.tell();
    return entry;
  }

  find(id: string): RecordEntry | undefined {
    return this.store?.find(id);
  }

  /**
   * Opens a past game by replaying its record: the session to show, or a notice and null when its
   * scenario is gone or has changed since (by fingerprint). A cached summary that disagrees with the
   * replay is corrected in the record.
   */
  open(id: string): { entry: ScenarioEntry; session: Session; record: RecordEntry } | null {
    const record = this.find(id);
    if (!record) return null;
    const entry = this.catalog.byScenarioId(record.attempt.scenarioId);
    if (!entry) {
      this.notices.show(
        `That game was played on "${record.attempt.scenarioId}", which is not loaded now: its score stays in your record, but it cannot be re-watched.`,
      );
      return null;
    }
    const check = engine().checkEntry(entry.compiled, record);
    if (check.kind === 'stale') {
      this.notices.show(`That game cannot be re-watched: ${check.reason}. Its score as played stays in your record.`);
      return null;
    }
    if (check.kind === 'corrected') void this.store?.replace(check.entry).catch(() => undefined);
    return { entry, session: check.session, record: check.kind === 'corrected' ? check.entry : record };
  }

  /** Whether a recorded game's scenario changed since (fingerprint differs from the loaded one). */
  changedSince(record: RecordEntry): boolean {
    const entry = this.catalog.byScenarioId(record.attempt.scenarioId);
    return !!entry && entry.compiled.fingerprint !== record.attempt.fingerprint;
  }

  /**
   * What the progress screen shows. Drawn from the cached summaries and the scenario cards alone, so it
   * needs neither the engine nor storage (the record is in memory from start-up). Kept until the record
   * changes (names are looked up as the screen draws, so a scenario loaded later shows its title).
   */
  progress(): ProgressView {
    const unscored = this.store?.unscored.length ?? 0;
    if (this.view?.entries === this.entries && this.view.unscored === unscored) return this.view.progress;
    const summary = progressSummary(this.entries);
    const names = (scenarioId: string, personaId: string) => {
      const card = this.catalog.cardFor(scenarioId);
      const p = card?.scenario.personas.find((x) => x.id === personaId);
      return { scenario: card?.scenario.title ?? scenarioId, persona: p?.name ?? personaId };
    };
    const options = this.catalog.cards.flatMap((e) =>
      e.scenario.personas.map((p) => ({
        scenarioId: e.scenario.id,
        scenarioTitle: e.scenario.title,
        personaId: p.id,
        personaName: p.name,
        difficulty: p.difficulty,
        weights: e.scenario.weights,
      })),
    );
    const s = suggestNext(this.entries, options);
    const suggestion = s
      ? { ...s, ...(({ scenario, persona }) => ({ scenarioTitle: scenario, personaName: persona }))(names(s.scenarioId, s.personaId)) }
      : null;
    const progress = { summary, names, suggestion, unscored };
    this.view = { entries: this.entries, unscored, progress };
    return progress;
  }

  pathProgress(): StepProgress[] {
    const path = this.catalog.path;
    if (!path) return [];
    return pathProgress(path, this.entries, (id) => this.catalog.cardFor(id)?.scenario.passMark);
  }

  /** The debrief's notes for the game on screen. */
  notesFor(runner: SessionRunner): DebriefNotes | null {
    const session = runner.session;
    const entry = runner.entry;
    if (!session || !entry) return null;
    const record = runner.recordId ? this.find(runner.recordId) : undefined;
    const step: PathStep | null = runner.origin?.pathStep ?? null;
    const passMark = passMarkFor(step, entry.scenario);
    let verdict: Verdict | null = null;
    let counts: string | null = null;
    if (session.mode === 'assessment' && record) {
      verdict = verdictOf(record.summary, passMark);
      const same = this.entries.filter((e) => e.attempt.scenarioId === record.attempt.scenarioId && e.attempt.personaId === record.attempt.personaId);
      const counted = countedAssessment(same, passMark);
      counts =
        counted?.id === record.id
          ? 'This is the assessed attempt: it is the one that counts.'
          : counted
            ? `This attempt does not count: the assessed one scored ${counted.summary.total}${counted.summary.total >= passMark ? '' : '. Practise this counterpart, then sit the assessment again'}.`
            : null;
    }
    return {
      mode: session.mode,
      verdict,
      counts,
      takeBacks: [...session.takeBacks],
      retryOf: record?.retryFromTurn !== undefined ? { turn: record.retryFromTurn } : runner.origin?.retry ? { turn: runner.origin.retry.fromTurn } : null,
      changed: record && this.changedSince(record) ? 'The scenario has changed since this game was played.' : null,
    };
  }

  /** Scores a stored game by replaying it on the scenario loaded here (needs the engine and the compiled catalog). */
  private scorer(): EntryScorer {
    const { scoreEntry } = engine();
    return (stored) => {
      const entry = this.catalog.byScenarioId(stored.attempt.scenarioId);
      return entry ? scoreEntry(entry.compiled, stored) : null;
    };
  }

  /**
   * Scores, by replay, the games whose cached summary is missing, from an older version of the game or
   * damaged (after an update, or written by an older version), a few at a time while the page is idle.
   * Call once the engine and the catalog are in. Games that do not replay here stay uncounted.
   */
  async scoreInBackground(): Promise<void> {
    await this.whenLoaded();
    const store = this.store;
    if (!store || this.scoring || store.unscored.length === 0) return;
    this.scoring = true;
    const score = this.scorer();
    const queue = [...store.unscored];
    let scored = 0;
    try {
      while (queue.length) {
        await idle();
        const until = performance.now() + 8;
        const batch: RecordEntry[] = [];
        while (queue.length && performance.now() < until) {
          const entry = score(queue.shift()!);
          if (entry) batch.push(entry);
        }
        scored += batch.length;
        await store.replaceMany(batch).catch(() => undefined);
      }
    } finally {
      this.scoring = false;
    }
    if (scored) {
      this.sync.announce('record');
      this.tell();
    }
  }

  exportFile(): string {
    return this.store?.export() ?? '';
  }

  /** Imports a record file; says what happened in a notice. Nothing changes when the file is refused. */
  async importFile(text: string, fileName: string): Promise<boolean> {
    if (!this.store) return false;
    let RecordFileError: Awaited<ReturnType<typeof loadEngine>>['RecordFileError'] | null = null;
    try {
      RecordFileError = (await loadEngine()).RecordFileError;
      await Promise.all([this.catalog.whenPlayable(), this.whenLoaded()]);
      const { added, duplicates, unscored } = await this.store.import(text, this.scorer());
      this.sync.announce('record');
      const kept = unscored
        ? `; ${unscored} of them cannot be scored here (their scenario is not loaded or has changed since) and are kept without counting`
        : '';
      this.notices.show(
        `Imported ${added} game${added === 1 ? '' : 's'} from ${fileName}${duplicates ? ` (${duplicates} already in your record)` : ''}${kept}.`,
      );
      this.tell();
      return true;
    } catch (e) {
      const reason = RecordFileError && e instanceof RecordFileError ? e.message : isQuotaError(e) ? 'this device is out of storage' : (e as Error).message;
      this.notices.show(`Nothing was imported from ${fileName}: ${reason}.`);
      return false;
    }
  }
}

/** Resolves when the page has a moment (or soon, where the browser cannot say). */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => resolve(), { timeout: 500 });
    else window.setTimeout(resolve, 16);
  });
}
