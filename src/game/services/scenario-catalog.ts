import { formatProblem, loadScenario, ScenarioError, type AttemptMode } from '../../engine/index.ts';
import type { LearningPath } from '../../engine/training/index.ts';
import type { NoticeBoard } from '../a11y/notice-board.ts';
import { builtInPath } from '../path/builtin-path.ts';
import { loadBuiltInsInSlices } from '../scenario/builtin-loader.ts';
import { entryOf, type ScenarioEntry } from '../scenario/catalog.ts';

/** What the menu has picked: scenario, counterpart and how to play it. */
export interface Selection {
  entryId: string;
  personaId: string;
  mode: AttemptMode;
}

/**
 * What can be played: the built-in scenarios (compiled in slices at start), the last uploaded file, the
 * learning path, and what the menu has selected.
 */
export class ScenarioCatalog {
  builtIns: ScenarioEntry[] = [];
  custom: ScenarioEntry | null = null;
  selection: Selection | null = null;
  readonly path: LearningPath | null;
  /** Compiling the built-ins: progress 0..1 for the preload bar, and when it is done. */
  readonly loading: { progress: number; ready: boolean; done: Promise<void> };
  private readonly notices: NoticeBoard;
  private readonly listeners = new Set<() => void>();

  constructor(notices: NoticeBoard) {
    this.notices = notices;
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
    return this.custom ? [...this.builtIns, this.custom] : [...this.builtIns];
  }

  find(entryId: string): ScenarioEntry | undefined {
    return this.entries.find((e) => e.id === entryId);
  }

  /** The built-in (or uploaded) entry a record belongs to, by scenario id. */
  byScenarioId(scenarioId: string): ScenarioEntry | undefined {
    return this.builtIns.find((e) => e.scenario.id === scenarioId) ?? (this.custom?.scenario.id === scenarioId ? this.custom : undefined);
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

  /** Validates an uploaded file with the engine; shows every problem, or makes it playable at once. */
  upload(text: string, fileName: string): ScenarioEntry | null {
    try {
      const scenario = loadScenario(text, fileName);
      const entry = entryOf(scenario, { kind: 'custom', fileName, yaml: text });
      this.notices.clearProblems();
      this.setCustom(entry);
      this.select(this.custom!, scenario.personas[0]!.id);
      const clash = this.custom!.id !== entry.id;
      this.notices.show(
        clash
          ? `Loaded "${scenario.title}" from ${fileName}. Its id "${scenario.id}" is a built-in scenario's: yours is listed separately (id "${this.custom!.id}") and the built-in one is unchanged.`
          : `Loaded "${scenario.title}" from ${fileName}. It is selected in the menu.`,
      );
      for (const listener of this.listeners) listener();
      return this.custom;
    } catch (e) {
      const lines = e instanceof ScenarioError ? e.problems.map(formatProblem) : [`${fileName}: ${(e as Error).message}`];
      this.notices.showProblems(fileName, lines);
      return null;
    }
  }

  /** An uploaded file may reuse a built-in scenario's id; it gets its own menu id so both stay pickable. */
  setCustom(entry: ScenarioEntry): ScenarioEntry {
    const clash = this.builtIns.some((b) => b.id === entry.id);
    this.custom = clash ? { ...entry, id: `${entry.id}-yours` } : entry;
    return this.custom;
  }
}
