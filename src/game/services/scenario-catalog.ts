import { formatProblem, loadScenario, ScenarioError, type AttemptMode } from '../../engine/index.ts';
import type { LearningPath } from '../../engine/training/index.ts';
import type { NoticeBoard } from '../a11y/notice-board.ts';
import { builtInPath } from '../path/builtin-path.ts';
import { loadBuiltInsInSlices } from '../scenario/builtin-loader.ts';
import { entryOf, type ScenarioEntry } from '../scenario/catalog.ts';
import { isQuotaError } from '../storage/backend.ts';
import type { ScenarioStore, StoredScenario } from '../storage/scenario-store.ts';
import type { TabSync } from '../storage/tab-sync.ts';

/** What the menu has picked: scenario, counterpart and how to play it. */
export interface Selection {
  entryId: string;
  personaId: string;
  mode: AttemptMode;
}

/**
 * What can be played: the built-in scenarios (compiled in slices at start), the scenario files uploaded
 * on this device (kept in storage, so they are listed after a reload, until removed), the learning
 * path, and what the menu has selected.
 */
export class ScenarioCatalog {
  builtIns: ScenarioEntry[] = [];
  /** Uploaded scenarios, oldest first, at most one per scenario id. */
  uploads: ScenarioEntry[] = [];
  selection: Selection | null = null;
  readonly path: LearningPath | null;
  /** Compiling the built-ins: progress 0..1 for the preload bar, and when it is done. */
  readonly loading: { progress: number; ready: boolean; done: Promise<void> };
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
    const loading = { progress: 0, ready: false, done: Promise.resolve() };
    loading.done = loadBuiltInsInSlices((p) => (loading.progress = p)).then(({ entries, problems }) => {
      this.builtIns = entries;
      const first = entries[0];
      if (first && !this.selection) this.select(first, first.scenario.personas[0]!.id);
      if (problems.length) notices.showProblems('A built-in scenario', problems);
      loading.ready = true;
    });
    this.loading = loading;
  }

  get entries(): ScenarioEntry[] {
    return [...this.builtIns, ...this.uploads];
  }

  find(entryId: string): ScenarioEntry | undefined {
    return this.entries.find((e) => e.id === entryId);
  }

  /** The built-in (or uploaded) entry a record belongs to, by scenario id. */
  byScenarioId(scenarioId: string): ScenarioEntry | undefined {
    return this.builtIns.find((e) => e.scenario.id === scenarioId) ?? this.uploads.find((e) => e.scenario.id === scenarioId);
  }

  /** Picks a scenario and counterpart; a rep's mode choice sticks, else coach for the tutorial and practice otherwise. */
  select(entry: ScenarioEntry, personaId: string, mode?: AttemptMode): void {
    const chosen = mode ?? this.selection?.mode ?? (entry.scenario.tutorial ? 'coach' : 'practice');
    this.selection = { entryId: entry.id, personaId, mode: chosen };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Lists the uploads kept on this device (once the built-ins are known, so a clash with one is seen),
   * keeps the files uploaded before storage opened, and follows uploads and removals made in other tabs.
   */
  async attach(store: ScenarioStore): Promise<void> {
    this.store = store;
    await this.loading.done;
    const waiting = this.waiting;
    this.waiting = [];
    for (const file of waiting) await this.keep(file);
    await this.readStored(false);
    this.sync?.onChange((topic) => {
      if (topic === 'scenarios') void this.readStored(true);
    });
  }

  /**
   * Validates an uploaded file with the engine; shows every problem, or makes it playable at once and
   * keeps it on the device (unless `keep` is false: a studio preview is a draft, not an upload).
   */
  upload(text: string, fileName: string, options: { keep?: boolean } = {}): ScenarioEntry | null {
    try {
      const scenario = loadScenario(text, fileName);
      const entry = this.apart(entryOf(scenario, { kind: 'custom', fileName, yaml: text }));
      this.notices.clearProblems();
      const earlier = this.uploads.find((e) => e.scenario.id === scenario.id);
      // Newest last, as a reload lists them (by upload time).
      this.uploads = [...this.uploads.filter((e) => e !== earlier), entry];
      this.select(entry, scenario.personas[0]!.id);
      const keep = options.keep ?? true;
      this.pageOnly.add(scenario.id);
      const parts = [`Loaded "${scenario.title}" from ${fileName}.`];
      if (entry.id !== scenario.id) parts.push(`Its id "${scenario.id}" is a built-in scenario's: yours is listed separately (id "${entry.id}") and the built-in one is unchanged.`);
      else parts.push('It is selected in the menu.');
      if (earlier) parts.push(`It replaces your earlier upload with the same id, "${earlier.scenario.title}"${earlier.source.kind === 'custom' ? ` from ${earlier.source.fileName}` : ''}.`);
      if (keep && this.store?.kind === 'memory') parts.push('This browser keeps no storage, so it will be gone when you close the page.');
      this.notices.show(parts.join(' '));
      this.tell();
      if (keep) void this.keep({ id: scenario.id, fileName, yaml: text, uploadedAt: new Date().toISOString() });
      return entry;
    } catch (e) {
      const lines = e instanceof ScenarioError ? e.problems.map(formatProblem) : [`${fileName}: ${(e as Error).message}`];
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
    this.notices.show(`Removed "${entry.scenario.title}" from this device. Games you played on it stay in your record; they cannot be re-watched unless you load the file again.`);
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
    return this.builtIns.some((b) => b.id === entry.id) ? { ...entry, id: `${entry.id}-yours` } : entry;
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

  /** Lists what storage holds (after start-up, or another tab's upload or removal), keeping page-only entries. */
  private async readStored(tell: boolean): Promise<void> {
    if (!this.store) return;
    let files: StoredScenario[];
    try {
      files = await this.store.list();
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
        stored.push(this.apart(entryOf(loadScenario(file.yaml, file.fileName), { kind: 'custom', fileName: file.fileName, yaml: file.yaml })));
      } catch (e) {
        // Kept in storage: uploading a corrected file with the same id replaces it.
        const lines = e instanceof ScenarioError ? e.problems.map(formatProblem) : [`${file.fileName}: ${(e as Error).message}`];
        this.notices.showProblems(`Your uploaded scenario ${file.fileName}`, lines);
      }
    }
    const storedIds = new Set(files.map((f) => f.id));
    const pageOnly = this.uploads.filter((e) => this.pageOnly.has(e.scenario.id) && !storedIds.has(e.scenario.id));
    this.uploads = [...stored, ...pageOnly];
    for (const id of storedIds) this.pageOnly.delete(id);
    if (this.selection && !this.find(this.selection.entryId)) {
      const first = this.entries[0];
      if (first) this.select(first, first.scenario.personas[0]!.id, this.selection.mode);
    }
    if (tell) this.tell();
  }

  private tell(): void {
    for (const listener of this.listeners) listener();
  }
}
