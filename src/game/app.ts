import type { Session, SessionResult, SessionSnapshot } from '../engine/index.ts';
import { engine, engineLoaded, loadEngine, type Engine } from './engine-loader.ts';
import type { SoundBoard } from './audio/sound-board.ts';
import type { SoundId } from './audio/sound-ids.ts';
import { ScreenMirror } from './a11y/screen-mirror.ts';
import { NoticeBoard } from './a11y/notice-board.ts';
import { entryOf, resolveSource, type ScenarioEntry } from './scenario/catalog.ts';
import { loadBuiltInsInSlices } from './scenario/builtin-loader.ts';
import { clearSaveSlot, readSaveSlot, setSaveAside, writeSaveSlot } from './storage/save-store.ts';
import { loadSettings, storeSettings, type Settings, type TextSpeed } from './storage/settings-store.ts';

/** Scene keys, in the order a player meets them. */
export const SCENES = {
  boot: 'boot',
  preload: 'preload',
  menu: 'menu',
  briefing: 'briefing',
  preparation: 'preparation',
  negotiation: 'negotiation',
  debrief: 'debrief',
} as const;
export type SceneKey = (typeof SCENES)[keyof typeof SCENES];

const MOOD_STINGS: Partial<Record<SessionSnapshot['mood'], SoundId>> = {
  pleased: 'sting-pleased',
  skeptical: 'sting-skeptical',
  annoyed: 'sting-annoyed',
  pressing: 'sting-pressing',
};

export type ResumeOutcome = { kind: 'none' } | { kind: 'resumed' } | { kind: 'recovered'; reason: string };

/**
 * The game's services shared by every scene: the scenarios, the running session, settings, sound, the
 * accessibility mirror and notices. It only carries the session and persists it; every negotiation
 * decision is the engine's (Session.choose / snapshot / result).
 */
export class GameApp {
  readonly sound: SoundBoard;
  readonly mirror: ScreenMirror;
  readonly notices: NoticeBoard;
  /** Filled once the built-in scenario files are parsed (see `loading`). */
  builtIns: ScenarioEntry[] = [];
  /** Parsing the built-in scenarios: progress 0..1 for the preload bar, and when it is done. */
  readonly loading: { progress: number; ready: boolean; done: Promise<void> };
  settings: Settings;
  /** The last uploaded scenario, playable like a built-in one. */
  custom: ScenarioEntry | null = null;
  /** What the menu has selected. */
  selection: { entryId: string; personaId: string } | null = null;
  entry: ScenarioEntry | null = null;
  session: Session | null = null;
  scene: SceneKey = SCENES.boot;
  private readonly catalogListeners = new Set<() => void>();

  constructor(options: { sound: SoundBoard; mirrorRoot: HTMLElement; noticeRoot: HTMLElement; settings?: Settings }) {
    this.sound = options.sound;
    this.mirror = new ScreenMirror(options.mirrorRoot);
    this.notices = new NoticeBoard(options.noticeRoot);
    this.settings = options.settings ?? loadSettings();
    const loading = { progress: 0, ready: false, done: Promise.resolve() };
    // A saved game is replayed before the first screen (a reload lands back in it), so then the engine
    // is needed before the menu too; otherwise it loads once the menu is up (see firstScene).
    const engineFirst = this.hasSave() ? loadEngine() : Promise.resolve(null);
    const builtIns = loadBuiltInsInSlices((p) => (loading.progress = p));
    loading.done = Promise.all([builtIns, engineFirst]).then(([{ entries, problems }]) => {
      this.builtIns = entries;
      const first = entries[0];
      if (first && !this.selection) this.selection = { entryId: first.id, personaId: first.scenario.personas[0]!.id };
      if (problems.length) this.notices.showProblems('A built-in scenario', problems);
      performance.mark('walkaway:scenarios-loaded');
      loading.ready = true;
    });
    this.loading = loading;
  }

  get entries(): ScenarioEntry[] {
    return this.custom ? [...this.builtIns, this.custom] : [...this.builtIns];
  }

  // ---- Sound and settings ----

  /** Plays a cue without ever waiting on it or failing the game over it. */
  play(id: SoundId): void {
    try {
      this.sound.play(id);
    } catch {
      // Audio is decoration: a missing file or a locked audio context must not stop play.
    }
  }

  setVolume(volume: number): void {
    this.settings = { ...this.settings, volume: Math.round(Math.min(1, Math.max(0, volume)) * 10) / 10 };
    this.sound.setVolume(this.settings.volume);
    storeSettings(this.settings);
  }

  setMuted(muted: boolean): void {
    this.settings = { ...this.settings, muted };
    this.sound.setMuted(muted);
    storeSettings(this.settings);
  }

  setTextSpeed(textSpeed: TextSpeed): void {
    this.settings = { ...this.settings, textSpeed };
    storeSettings(this.settings);
  }

  // ---- Sessions ----

  /** Starts a fresh negotiation with the selected scenario and persona. */
  startNew(entry: ScenarioEntry, personaId: string): Session {
    this.entry = entry;
    this.session = engine().Session.create(entry.compiled, personaId, seedForNewGame());
    this.selection = { entryId: entry.id, personaId };
    this.persist();
    return this.session;
  }

  /** Sends the player's choice to the engine, saves, and plays the cues for what changed. */
  choose(choiceId: string): SessionSnapshot {
    const session = this.requireSession();
    const before = session.snapshot();
    const after = session.choose(choiceId);
    this.play(before.phase === 'prep' ? 'prep-tick' : 'choice');
    const sting = MOOD_STINGS[after.mood];
    if (!after.over && after.mood !== before.mood && sting) this.play(sting);
    if (after.over) clearSaveSlot();
    else this.persist();
    return after;
  }

  snapshot(): SessionSnapshot | null {
    return this.session?.snapshot() ?? null;
  }

  result(): SessionResult | null {
    return this.session?.result() ?? null;
  }

  requireSession(): Session {
    if (!this.session) throw new Error('no negotiation is running');
    return this.session;
  }

  /** The scene that shows a snapshot: preparation, the table, or the debrief once it is over. */
  sceneFor(snapshot: SessionSnapshot): SceneKey {
    if (snapshot.over) return SCENES.debrief;
    return snapshot.phase === 'prep' ? SCENES.preparation : SCENES.negotiation;
  }

  /**
   * The first screen once the scenarios are ready. Any save is checked now, so a damaged one is reported
   * (and removed) before the menu offers it. A reload lands back where the player was; a fresh visit
   * shows the menu, which offers Continue.
   */
  firstScene(): SceneKey {
    const outcome = this.hasSave() && engineLoaded() ? this.resume() : { kind: 'none' as const };
    // The menu needs no engine; the first game does, so it loads now, while the player reads the menu.
    void this.engineReady();
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const snapshot = this.snapshot();
    if (outcome.kind === 'resumed' && navigation?.type === 'reload' && snapshot) return this.sceneFor(snapshot);
    return SCENES.menu;
  }

  /** Resolves once the engine is loaded (at once after the first time); a game can start after that. */
  engineReady(): Promise<Engine> {
    return loadEngine();
  }

  // ---- Saves ----

  hasSave(): boolean {
    return readSaveSlot().kind !== 'empty';
  }

  private persist(): void {
    if (!this.session || !this.entry) return;
    writeSaveSlot({ source: this.entry.source, attempt: this.session.attempt(), savedAt: new Date().toISOString() });
  }

  /**
   * Resumes the saved negotiation by replaying its attempt record. Anything wrong with it (unreadable
   * JSON, an outdated format, a scenario that changed or disappeared, a move that is not a choice) sets
   * the record aside, says why and offers a fresh start; it never throws.
   */
  resume(): ResumeOutcome {
    const slot = readSaveSlot();
    if (slot.kind === 'empty') return { kind: 'none' };
    const fail = (reason: string): ResumeOutcome => {
      setSaveAside();
      this.notices.show(`Your saved negotiation could not be resumed: ${reason}. Starting fresh.`);
      return { kind: 'recovered', reason };
    };
    if (slot.kind === 'unreadable') return fail(slot.reason);
    try {
      const entry = resolveSource(slot.game.source, this.builtIns);
      const session = engine().replayAttempt(entry.compiled, slot.game.attempt);
      if (session.isOver()) {
        clearSaveSlot();
        return { kind: 'none' };
      }
      if (entry.source.kind === 'custom') this.setCustom(entry);
      this.entry = entry.source.kind === 'custom' ? this.custom! : entry;
      this.session = session;
      this.selection = { entryId: this.entry.id, personaId: session.personaId };
      return { kind: 'resumed' };
    } catch (e) {
      if (e instanceof engine().AttemptError) return fail(e.message);
      if (e instanceof engine().ScenarioError) return fail('its scenario file no longer loads');
      return fail((e as Error).message || 'unknown problem');
    }
  }

  // ---- Custom scenarios ----

  onCatalogChange(listener: () => void): () => void {
    this.catalogListeners.add(listener);
    return () => this.catalogListeners.delete(listener);
  }

  /**
   * Validates an uploaded file with the engine (loaded first if need be: the YAML parser is only
   * downloaded when someone brings a file); shows every problem, or makes it playable at once.
   */
  async upload(text: string, fileName: string): Promise<ScenarioEntry | null> {
    const { loadScenario, ScenarioError, formatProblem } = await this.engineReady();
    try {
      const scenario = loadScenario(text, fileName);
      const entry = entryOf(scenario, { kind: 'custom', fileName, yaml: text });
      this.notices.clearProblems();
      this.setCustom(entry);
      this.selection = { entryId: this.custom!.id, personaId: scenario.personas[0]!.id };
      this.notices.show(`Loaded "${scenario.title}" from ${fileName}. It is selected in the menu.`);
      for (const listener of this.catalogListeners) listener();
      return this.custom;
    } catch (e) {
      const lines = e instanceof ScenarioError ? e.problems.map(formatProblem) : [`${fileName}: ${(e as Error).message}`];
      this.notices.showProblems(fileName, lines);
      return null;
    }
  }

  /** An uploaded file may reuse a built-in scenario's id; it gets its own menu id so both stay pickable. */
  private setCustom(entry: ScenarioEntry): void {
    const clash = this.builtIns.some((b) => b.id === entry.id);
    this.custom = clash ? { ...entry, id: `${entry.id}-yours` } : entry;
  }
}

/** A new seed per game (the engine is deterministic per seed); `?seed=N` fixes it for tests and demos. */
function seedForNewGame(): number {
  const fixed = Number(new URLSearchParams(location.search).get('seed'));
  if (Number.isInteger(fixed) && fixed > 0) return fixed;
  return 1 + Math.floor(Math.random() * 2 ** 31);
}
