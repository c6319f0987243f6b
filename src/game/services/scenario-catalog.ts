import type { AttemptMode } from '../../engine/index.ts';
import type { LearningPath } from '../../engine/training/index.ts';
import type { NoticeBoard } from '../a11y/notice-board.ts';
import { builtInPath } from '../path/builtin-path.ts';
import { builtInCards } from '../scenario/builtin-cards.ts';
import type { ScenarioEntry } from '../scenario/catalog.ts';
import type { ScenarioCard } from '../scenario/scenario-card.ts';
import { isQuotaError } from '../storage/backend.ts';
import type { ScenarioStore, StoredScenario } from '../storage/scenario-store.ts';
import type { TabSync } from '../storage/tab-sync.ts';
import { loadEngine } from './engine-loader.ts';

/** What the menu has picked: scenario, counterpart and how to play it. */
export interface Selection {
  entryId: string;
  personaId: string;
  mode: AttemptMode;
}

/**
 * What can be played: the built-in scenarios, the scenario files uploaded on this device (kept in
 * storage, so they are listed after a reload, until removed), the learning path, and what the menu has
 * selected. The menu lists the built-ins from summaries made at build time; `whenPlayable()` loads the
 * engine, compiles them and reads the uploads kept on the device (the game asks for it once the first
 * screen is up).
 */
export class ScenarioCatalog {
  /** The built-in scenarios, compiled: empty until `whenPlayable()` has resolved. */
  builtIns: ScenarioEntry[] = [];
  /** The built-in scenarios as the menu lists them, known from the start. */
  readonly cards: ScenarioCard[] = builtInCards();
  /** Uploaded scenarios, oldest first, at most one per scenario id: read from storage once the engine is in. */
  uploads: ScenarioEntry[] = [];
  selection: Selection | null = null;
  readonly path: LearningPath | null;
  /** Kept for the preload screen: nothing to wait for any more (the summaries are part of the build). */
  readonly loading: { progress: number; ready: boolean; done: Promise<void> } = { progress: 1, ready: true, done: Promise.resolve() };
  private playable: Promise<void> | null = null;
  private compiled = false;
  private readonly notices: NoticeBoard;
  private readonly sync: TabSync | null;
  private readonly listeners = new Set<() => void>();
  private store: ScenarioStore | null = null;
  /** Uploads made before storage opened: kept once it has. */
  private waiting: StoredScenario[] = [];
  /**
   * Scenario ids listed for this page only: a studio preview, a saved game's scenario brought back to
   * continue it, or a file the device would not keep. A reload of the stored list leaves them listed.
   */
  private readonly pageOnly = new Set<string>();

  constructor(notices: NoticeBoard, sync: TabSync | null = null) {
    this.notices = notices;
    this.sync = sync;
    const shipped = builtInPath();
    this.path = shipped.path;
    if (shipped.problems.length) notices.showProblems('The learning path', shipped.problems);
    const first = this.cards[0];
    if (first) this.select(first, first.scenario.personas[0]!.id);
  }

  /**
   * Loads the engine, compiles the built-in scenarios and then the uploads kept on this device (once);
   * the menu redraws when they are in.
   */
  whenPlayable(): Promise<void> {
    this.playable ??= loadEngine().then(async (engine) => {
      const { entries, problems } = await engine.loadBuiltInsInSlices(() => undefined);
      this.builtIns = entries;
      this.compiled = true;
      if (problems.length) this.notices.showProblems('A built-in scenario', problems);
      await this.readStored(false);
      // The cards listed the same scenarios and nothing was kept (the usual case): nothing on screen changes, no redraw.
      const ids = (list: readonly ScenarioCard[]) => list.map((e) => e.id).join('\n');
      if (ids(entries) !== ids(this.cards) || this.uploads.length > 0) this.tell();
    });
    this.playable.catch(() => {
      this.playable = null;
    });
    return this.playable;
  }

  /** Whether the built-ins are compiled (the engine is loaded). */
  get isPlayable(): boolean {
    return this.compiled;
  }

  /**
   * What the menu lists: the compiled built-ins once loaded (their cards before), then the uploads
   * (read from the device once the engine is in).
   */
  get entries(): ScenarioCard[] {
    const builtIns: ScenarioCard[] = this.compiled ? this.builtIns : this.cards;
    return [...builtIns, ...this.uploads];
  }

  /** A playable entry by menu id (undefined until the engine is loaded). */
  find(entryId: string): ScenarioEntry | undefined {
    return this.builtIns.find((e) => e.id === entryId) ?? this.uploads.find((e) => e.id === entryId);
  }

  /** The built-in (or uploaded) playable entry a record belongs to, by scenario id. */
  byScenarioId(scenarioId: string): ScenarioEntry | undefined {
    return this.builtIns.find((e) => e.scenario.id === scenarioId) ?? this.uploads.find((e) => e.scenario.id === scenarioId);
  }

  /** What a list shows of a scenario, by scenario id, whether or not the engine is loaded yet. */
  cardFor(scenarioId: string): ScenarioCard | undefined {
    return this.byScenarioId(scenarioId) ?? this.cards.find((c) => c.scenario.id === scenarioId);
  }

  /** Picks a scenario and counterpart; a rep's mode choice sticks, else coach for the tutorial and practice otherwise. */
  select(entry: ScenarioCard, personaId: string, mode?: AttemptMode): void {
    const chosen = mode ?? this.selection?.mode ?? (entry.scenario.tutorial ? 'coach' : 'practice');
    this.selection = { entryId: entry.id, personaId, mode: chosen };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private tell(): void {
    for (const listener of this.listeners) listener();
  }

  /**
   * Keeps the files uploaded before storage opened, lists the uploads kept on this device once the
   * engine is in (see whenPlayable: not at start-up, so the engine stays out of the first download),
   * and follows uploads and removals made in other tabs.
   */
  async attach(store: ScenarioStore): Promise<void> {
    this.store = store;
    const waiting = this.waiting;
    this.waiting = [];
    for (const file of waiting) await this.keep(file);
    // Compiled already: read now. Otherwise whenPlayable reads them once the built-ins are known (so a clash with one is seen).
    if (this.compiled) await this.readStored(true);
    this.sync?.onChange((topic) => {
      if (topic === 'scenarios' && this.compiled) void this.readStored(true);
    });
  }

  /**
   * Validates an uploaded file with the engine (loaded first); shows every problem, or makes it playable
   * at once and keeps it on the device (unless `keep` is false: a studio preview is a draft, not an upload).
   */
  async upload(text: string, fileName: string, options: { keep?: boolean } = {}): Promise<ScenarioEntry | null> {
    let engine: Awaited<ReturnType<typeof loadEngine>>;
    try {
      await this.whenPlayable();
      engine = await loadEngine();
    } catch (e) {
      this.notices.showProblems(fileName, [`${fileName}: the game could not load what it needs to read the file (${(e as Error).message}).`]);
      return null;
    }
    try {
      const scenario = engine.loadScenario(text, fileName);
      const entry = this.apart(engine.entryOf(scenario, { kind: 'custom', fileName, yaml: text }));
      this.notices.clearProblems();
      const earlier = this.uploads.find((e) => e.scenario.id === scenario.id);
      // Newest last, as a reload lists them (by upload time).
      this.uploads = [...this.uploads.filter((e) => e !== earlier), entry];
      this.select(entry, scenario.personas[0]!.id);
      const keep = options.keep ?? true;
      this.pageOnly.add(scenario.id);
      const parts = [`Loaded "${scenario.title}" from ${fileName}.`];
      if (entry.id !== scenario.id)
        parts.push(`Its id "${scenario.id}" is a built-in scenario's: yours is listed separately (id "${entry.id}") and the built-in one is unchanged.`);
      else parts.push('It is selected in the menu.');
      if (earlier)
        parts.push(
          `It replaces your earlier upload with the same id, "${earlier.scenario.title}"${earlier.source.kind === 'custom' ? ` from ${earlier.source.fileName}` : ''}.`,
        );
      if (keep && this.store?.kind === 'memory') parts.push('This browser keeps no storage, so it will be gone when you close the page.');
      this.notices.show(parts.join(' '));
      this.tell();
      if (keep) void this.keep({ id: scenario.id, fileName, yaml: text, uploadedAt: new Date().toISOString() });
      return entry;
    } catch (e) {
      const lines = e instanceof engine.ScenarioError ? e.problems.map(engine.formatProblem) : [`${fileName}: ${(e as Error).message}`];
      this.notices.showProblems(fileName, lines);
      return null;
    }
  }

  /** Removes an uploaded scenario from the menu and the device; its games stay in the practice record. */
  async remove(entryId: string): Promise<void> {
    const entry = this.uploads.find((e) => e.id === entryId);
    if (!entry) return;
    this.uploads = this.uploads.filter((e) => e !== entry);
    this.pageOnly.delete(entry.scenario.id);
    this.waiting = this.waiting.filter((f) => f.id !== entry.scenario.id);
    if (this.selection?.entryId === entryId) {
      const first = this.entries[0];
      const mode = this.selection.mode;
      this.selection = null;
      if (first) this.select(first, first.scenario.personas[0]!.id, mode);
    }
    this.notices.show(
      `Removed "${entry.scenario.title}" from this device. Games you played on it stay in your record; they cannot be re-watched unless you load the file again.`,
    );
    this.tell();
    if (!this.store) return;
    try {
      await this.store.remove(entry.scenario.id);
      this.sync?.announce('scenarios');
    } catch {
      this.notices.show(`"${entry.scenario.title}" could not be removed from this device's storage: it may be listed again after a reload.`);
    }
  }

  /**
   * Offers this one scenario and nothing else (an LMS assignment): uploads kept on the device are not
   * listed, and changes to them in other tabs are no longer followed.
   */
  offerOnly(entry: ScenarioEntry): void {
    this.builtIns = [entry];
    this.uploads = [];
    this.store = null;
  }

  /**
   * The scenario of a saved game being continued: the listed upload when it is the same file, else the
   * save's own copy, listed for this page so the menu can show what is being played.
   */
  adopt(entry: ScenarioEntry): ScenarioEntry {
    const listed = this.uploads.find((e) => e.scenario.id === entry.scenario.id);
    if (listed) return listed.compiled.fingerprint === entry.compiled.fingerprint ? listed : this.apart(entry);
    const adopted = this.apart(entry);
    this.uploads = [...this.uploads, adopted];
    this.pageOnly.add(entry.scenario.id);
    this.tell();
    return adopted;
  }

  /** An uploaded file may reuse a built-in scenario's id; it gets its own menu id so both stay pickable. */
  private apart(entry: ScenarioEntry): ScenarioEntry {
    const clash = this.cards.some((b) => b.id === entry.id) || this.builtIns.some((b) => b.id === entry.id);
    return clash ? { ...entry, id: `${entry.id}-yours` } : entry;
  }

  /** Writes an upload to the device; when it cannot, the rep is told and it stays playable on this page. */
  private async keep(file: StoredScenario): Promise<void> {
    if (!this.store) {
      this.waiting = [...this.waiting.filter((f) => f.id !== file.id), file];
      return;
    }
    // Listed for this page until the write is done, so a list read meanwhile does not drop it.
    this.pageOnly.add(file.id);
    try {
      await this.store.put(file);
      this.pageOnly.delete(file.id);
      this.sync?.announce('scenarios');
    } catch (e) {
      this.notices.show(
        isQuotaError(e)
          ? `This device is out of storage: ${file.fileName} plays on this page but will not be in the menu after a reload.`
          : `${file.fileName} could not be kept on this device: it plays on this page but will not be in the menu after a reload.`,
      );
    }
  }

  /**
   * Lists what storage holds (once the engine is in, or after another tab's upload or removal), keeping
   * page-only entries. Needs the engine: only called once the built-ins are compiled.
   */
  private async readStored(tell: boolean): Promise<void> {
    if (!this.store) return;
    let files: StoredScenario[];
    let engine: Awaited<ReturnType<typeof loadEngine>>;
    try {
      files = await this.store.list();
      engine = await loadEngine();
    } catch {
      return;
    }
    const stored: ScenarioEntry[] = [];
    for (const file of files) {
      const same = this.uploads.find((e) => e.scenario.id === file.id && e.source.kind === 'custom' && e.source.yaml === file.yaml);
      if (same) {
        stored.push(same);
        continue;
      }
      try {
        stored.push(this.apart(engine.entryOf(engine.loadScenario(file.yaml, file.fileName), { kind: 'custom', fileName: file.fileName, yaml: file.yaml })));
      } catch (e) {
        // Kept in storage: uploading a corrected file with the same id replaces it.
        const lines = e instanceof engine.ScenarioError ? e.problems.map(engine.formatProblem) : [`${file.fileName}: ${(e as Error).message}`];
        this.notices.showProblems(`Your uploaded scenario ${file.fileName}`, lines);
      }
    }
    const storedIds = new Set(files.map((f) => f.id));
    const pageOnly = this.uploads.filter((e) => this.pageOnly.has(e.scenario.id) && !storedIds.has(e.scenario.id));
    const before = this.uploads;
    this.uploads = [...stored, ...pageOnly];
    for (const id of storedIds) this.pageOnly.delete(id);
    if (this.selection && !this.entries.some((e) => e.id === this.selection!.entryId)) {
      const first = this.entries[0];
      if (first) this.select(first, first.scenario.personas[0]!.id, this.selection.mode);
    }
    const same = before.length === this.uploads.length && before.every((e, i) => e === this.uploads[i]);
    if (tell && !same) this.tell();
  }
}
