import type { AttemptMode } from '../../engine/index.ts';
import type { LearningPath } from '../../engine/training/index.ts';
import type { NoticeBoard } from '../a11y/notice-board.ts';
import { builtInPath } from '../path/builtin-path.ts';
import { builtInCards } from '../scenario/builtin-cards.ts';
import type { ScenarioEntry } from '../scenario/catalog.ts';
import type { ScenarioCard } from '../scenario/scenario-card.ts';
import { loadEngine } from './engine-loader.ts';

/** What the menu has picked: scenario, counterpart and how to play it. */
export interface Selection {
  entryId: string;
  personaId: string;
  mode: AttemptMode;
}

/**
 * What can be played: the built-in scenarios, the last uploaded file, the learning path, and what the
 * menu has selected. The menu lists the built-ins from summaries made at build time; `whenPlayable()`
 * loads the engine and compiles them (the game asks for it once the first screen is up).
 */
export class ScenarioCatalog {
  /** The built-in scenarios, compiled: empty until `whenPlayable()` has resolved. */
  builtIns: ScenarioEntry[] = [];
  /** The built-in scenarios as the menu lists them, known from the start. */
  readonly cards: ScenarioCard[] = builtInCards();
  custom: ScenarioEntry | null = null;
  selection: Selection | null = null;
  readonly path: LearningPath | null;
  /** Kept for the preload screen: nothing to wait for any more (the summaries are part of the build). */
  readonly loading: { progress: number; ready: boolean; done: Promise<void> } = { progress: 1, ready: true, done: Promise.resolve() };
  private playable: Promise<void> | null = null;
  private compiled = false;
  private readonly notices: NoticeBoard;
  private readonly listeners = new Set<() => void>();

  constructor(notices: NoticeBoard) {
    this.notices = notices;
    const shipped = builtInPath();
    this.path = shipped.path;
    if (shipped.problems.length) notices.showProblems('The learning path', shipped.problems);
    const first = this.cards[0];
    if (first) this.select(first, first.scenario.personas[0]!.id);
  }

  /** Loads the engine and compiles the built-in scenarios (once); the menu redraws when they are in. */
  whenPlayable(): Promise<void> {
    this.playable ??= loadEngine().then(async (engine) => {
      const { entries, problems } = await engine.loadBuiltInsInSlices(() => undefined);
      this.builtIns = entries;
      this.compiled = true;
      if (problems.length) this.notices.showProblems('A built-in scenario', problems);
      // The cards listed the same scenarios (the usual case): nothing on screen changes, no redraw.
      const ids = (list: readonly ScenarioCard[]) => list.map((e) => e.id).join('\n');
      if (ids(entries) !== ids(this.cards)) this.tell();
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

  /** What the menu lists: the compiled built-ins once loaded (their cards before), then the uploaded file. */
  get entries(): ScenarioCard[] {
    const builtIns: ScenarioCard[] = this.compiled ? this.builtIns : this.cards;
    return this.custom ? [...builtIns, this.custom] : [...builtIns];
  }

  /** A playable entry by menu id (undefined until the engine is loaded). */
  find(entryId: string): ScenarioEntry | undefined {
    return this.builtIns.find((e) => e.id === entryId) ?? (this.custom?.id === entryId ? this.custom : undefined);
  }

  /** The built-in (or uploaded) playable entry a record belongs to, by scenario id. */
  byScenarioId(scenarioId: string): ScenarioEntry | undefined {
    return this.builtIns.find((e) => e.scenario.id === scenarioId) ?? (this.custom?.scenario.id === scenarioId ? this.custom : undefined);
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

  /** Validates an uploaded file with the engine (loaded first); shows every problem, or makes it playable at once. */
  async upload(text: string, fileName: string): Promise<ScenarioEntry | null> {
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
      const entry = engine.entryOf(scenario, { kind: 'custom', fileName, yaml: text });
      this.notices.clearProblems();
      this.setCustom(entry);
      this.select(this.custom!, scenario.personas[0]!.id);
      const clash = this.custom!.id !== entry.id;
      this.notices.show(
        clash
          ? `Loaded "${scenario.title}" from ${fileName}. Its id "${scenario.id}" is a built-in scenario's: yours is listed separately (id "${this.custom!.id}") and the built-in one is unchanged.`
          : `Loaded "${scenario.title}" from ${fileName}. It is selected in the menu.`,
      );
      this.tell();
      return this.custom;
    } catch (e) {
      const lines = e instanceof engine.ScenarioError ? e.problems.map(engine.formatProblem) : [`${fileName}: ${(e as Error).message}`];
      this.notices.showProblems(fileName, lines);
      return null;
    }
  }

  /** An uploaded file may reuse a built-in scenario's id; it gets its own menu id so both stay pickable. */
  setCustom(entry: ScenarioEntry): ScenarioEntry {
    const clash = this.cards.some((b) => b.id === entry.id) || this.builtIns.some((b) => b.id === entry.id);
    this.custom = clash ? { ...entry, id: `${entry.id}-yours` } : entry;
    return this.custom;
  }
}
