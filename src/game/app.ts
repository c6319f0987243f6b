import type { AttemptMode, SessionResult, SessionSnapshot, Session } from '../engine/index.ts';
import type { PathStep, RecordEntry } from '../engine/training/index.ts';
import type { SoundBoard } from './audio/sound-board.ts';
import type { SoundId } from './audio/sound-ids.ts';
import { ScreenMirror } from './a11y/screen-mirror.ts';
import { NoticeBoard } from './a11y/notice-board.ts';
import type { ScenarioEntry } from './scenario/catalog.ts';
import type { ScenarioCard } from './scenario/scenario-card.ts';
import { GameSaves } from './services/game-saves.ts';
import { gameView, type GameView } from './services/game-view.ts';
import { PracticeRecord } from './services/practice-record.ts';
import { ScenarioCatalog, type Selection } from './services/scenario-catalog.ts';
import { rememberedDebrief } from './services/tab-debrief.ts';
import { noteReturning, seemsReturning } from './services/returning-rep.ts';
import { rememberedScreen } from './services/tab-screen.ts';
import { SessionRunner } from './services/session-runner.ts';
import { SoundAndSettings } from './services/sound-settings.ts';
import { openStorage } from './storage/open-storage.ts';
import { ScenarioStore } from './storage/scenario-store.ts';
import type { Settings, TextSpeed } from './storage/settings-store.ts';
import { TabSync } from './storage/tab-sync.ts';

/** Scene keys, in the order a player meets them. */
export const SCENES = {
  boot: 'boot',
  preload: 'preload',
  path: 'path',
  menu: 'menu',
  saves: 'saves',
  progress: 'progress',
  briefing: 'briefing',
  preparation: 'preparation',
  negotiation: 'negotiation',
  debrief: 'debrief',
  rewatch: 'rewatch',
} as const;
export type SceneKey = (typeof SCENES)[keyof typeof SCENES];

/**
 * Which screens' code is in the page, and fetching the rest. The first script holds only the screens a
 * page opens on (src/game/lazy-scenes.ts); the others load once the first screen is up, or when asked for.
 */
export interface SceneLoading {
  ready(key: SceneKey): boolean;
  /** Resolves once `key` can be started; rejects when its code could not be fetched (and may be asked again). */
  load(key: SceneKey): Promise<void>;
}

/** Every screen built in (a page without a Phaser game, the tests of the services). */
const EVERY_SCENE_BUILT_IN: SceneLoading = { ready: () => true, load: () => Promise.resolve() };

/**
 * What every scene shares, put together from parts that each do one job: the scenario catalog (what
 * can be played, the learning path, the menu's selection), the session runner (the game on screen),
 * the saves (games in progress, one slot each), the practice record (finished games, progress) and
 * sound and settings. Scenes call these; every negotiation decision is the engine's.
 */
export class GameApp {
  readonly mirror: ScreenMirror;
  readonly notices: NoticeBoard;
  readonly audio: SoundAndSettings;
  readonly catalog: ScenarioCatalog;
  readonly runner: SessionRunner;
  readonly saves: GameSaves;
  readonly practice: PracticeRecord;
  readonly sync = new TabSync();
  /** Storage opened and the first screen chosen: progress 0..1 for the preload bar, and when it is done. */
  readonly loading: { progress: number; ready: boolean; done: Promise<void> };
  /** Whether the rep has pressed anything yet (a first screen drawn on a guess is corrected only before). */
  acted = false;
  /** Which storage this browser gave us (IndexedDB, localStorage, or memory only). */
  storageKind: 'indexeddb' | 'local' | 'memory' | 'opening' = 'opening';
  scene: SceneKey = SCENES.boot;
  /** Set by the game (src/game/phaser-game.ts) before its first scene starts. */
  scenes: SceneLoading = EVERY_SCENE_BUILT_IN;
  /** A packaged assignment (LMS) opens on this scene instead; set before the game starts. */
  startScene: SceneKey | null = null;
  /**
   * Work that decides the first screen itself, set before the game starts: a workshop link, which goes
   * back into the rep's game in the room or opens the join panel. The loading screen stays until it
   * settles, so no other screen shows first (a press there would start another game).
   */
  firstScreenHold: Promise<void> | null = null;
  /** The list screen this tab showed before a reload, read before the loading screens replace the note. */
  private readonly listScreenBeforeReload = rememberedScreen();
  /** Told after every start and move of a game (the LMS hook listens); a listener never stops play. */
  readonly sessionListeners = new Set<(session: Session) => void>();
  private first: SceneKey = SCENES.menu;
  /** A workshop room takes its own session's moves (to the room's server) instead of a save slot. */
  moveSink: ((session: Session) => boolean) | null = null;
  /** Set once the first interactive screen is up and the engine has been asked for. */
  private engineAsked = false;
  /** Work that waits until the first interactive screen is up (see afterFirstScreen). */
  private readonly afterFirst: (() => void)[] = [];
  /** Whether this page has noted the rep as returning (once is enough). */
  private notedReturning = false;
  /** The note of a returning rep as this page found it (see quickFirstScene). */
  private readonly seemedReturning = seemsReturning();

  constructor(options: { sound: SoundBoard; mirrorRoot: HTMLElement; noticeRoot: HTMLElement; settings?: Settings }) {
    this.mirror = new ScreenMirror(options.mirrorRoot);
    this.notices = new NoticeBoard(options.noticeRoot);
    this.audio = new SoundAndSettings(options.sound, options.settings);
    this.catalog = new ScenarioCatalog(this.notices, this.sync);
    this.saves = new GameSaves(this.notices, this.catalog, this.sync);
    this.practice = new PracticeRecord(this.notices, this.catalog, this.sync);
    this.runner = new SessionRunner({
      moved: (runner) => {
        this.noteReturning();
        if (!this.sinksMove(runner.session)) void this.saves.persist(runner);
        this.tell(runner.session);
      },
      finished: (runner) => {
        this.noteReturning();
        if (!this.sinksMove(runner.session)) void this.saves.finish(runner);
        void this.practice.recordFinished(runner);
        this.tell(runner.session);
      },
      play: (id) => this.audio.play(id),
    });
    const storage = openStorage().then(async ({ backend, notice }) => {
      this.storageKind = backend.kind;
      if (notice) this.notices.show(notice);
      await Promise.all([this.saves.attach(backend), this.practice.attach(backend), this.catalog.attach(new ScenarioStore(backend))]);
      performance.mark('walkaway:storage-read');
      const returning = this.practice.keptGames > 0 || this.saves.games.length > 0;
      noteReturning(returning);
      this.notedReturning = returning;
    });
    const loading = { progress: 0, ready: false, done: Promise.resolve() };
    const scenarios = this.catalog.loading;
    loading.done = Promise.all([scenarios.done, storage]).then(async () => {
      // A reload into a game, a debrief or the saves list needs the engine before it can be drawn.
      if (this.needsEngineFirst()) await this.whenPlayable();
      // The menu is drawn without the practice record (only how many games it holds): every other first
      // screen shows it (the path's steps, the progress screen, a debrief rebuilt from it).
      if (rememberedDebrief() !== null) await this.practice.whenLoaded();
      this.first = await this.chooseFirstScene();
      if (this.first !== SCENES.menu) await this.practice.whenLoaded();
      loading.progress = 1;
      loading.ready = true;
    });
    Object.defineProperty(loading, 'progress', { get: () => (loading.ready ? 1 : scenarios.progress * 0.95), set: () => {} });
    this.loading = loading;
  }

  // ---- Shortcuts scenes use (each belongs to one part above) ----

  get sound(): SoundBoard {
    return this.audio.sound;
  }
  get settings(): Settings {
    return this.audio.settings;
  }
  play(id: SoundId): void {
    this.audio.play(id);
  }
  setVolume(volume: number): void {
    this.audio.setVolume(volume);
  }
  setMuted(muted: boolean): void {
    this.audio.setMuted(muted);
  }
  setTextSpeed(speed: TextSpeed): void {
    this.audio.setTextSpeed(speed);
  }
  get entries(): ScenarioCard[] {
    return this.catalog.entries;
  }
  get selection(): Selection | null {
    return this.catalog.selection;
  }
  upload(text: string, fileName: string, options?: { keep?: boolean }): Promise<ScenarioEntry | null> {
    return this.catalog.upload(text, fileName, options);
  }
  removeUpload(entryId: string): Promise<void> {
    return this.catalog.remove(entryId);
  }
  /** Loads the engine and compiles the built-in scenarios, once (see ScenarioCatalog.whenPlayable). */
  whenPlayable(): Promise<void> {
    return this.catalog.whenPlayable();
  }
  get isPlayable(): boolean {
    return this.catalog.isPlayable;
  }
  /**
   * A screen has been drawn. After the first interactive one (the menu or the learning path, drawn
   * without the engine), the engine starts loading in the background, so it is usually in before the
   * rep picks anything.
   */
  screenShown(): void {
    if (this.engineAsked || this.scene === SCENES.boot || this.scene === SCENES.preload) return;
    this.engineAsked = true;
    performance.mark('walkaway:first-screen');
    // After this frame: the engine first (a press waits for it), then whatever else waited for the screen.
    window.setTimeout(() => {
      // The practice record's games are read now the first screen is up (start-up only counted them).
      void this.practice.whenLoaded();
      void this.whenPlayable().then(
        // Games kept without a summary this version made are scored by replay now the engine is in.
        () => this.practice.scoreInBackground(),
        (e: unknown) => console.warn('The engine did not load yet:', e),
      );
      for (const task of this.afterFirst.splice(0)) task();
    }, 0);
  }

  /**
   * Runs `task` once the first interactive screen is up (at once if it is): for what that screen does
   * not need, such as the sounds, the learning-record link and the service worker.
   */
  afterFirstScreen(task: () => void): void {
    if (this.engineAsked) window.setTimeout(task, 0);
    else this.afterFirst.push(task);
  }

  /** Whether the saved games, the practice record and the kept uploads have been read from storage. */
  get storageRead(): boolean {
    return this.loading.ready;
  }

  /**
   * Whether the practice record is known to be empty, or taken to be before it is read: a device with
   * no note of a returning rep is a new rep's (an empty record is drawn at once, and redrawn if the
   * record says otherwise).
   */
  get recordSeemsEmpty(): boolean {
    return this.storageRead ? this.practice.keptGames === 0 : !this.seemedReturning;
  }

  /** Storage read and the engine loaded: what every action on a screen may need. */
  async whenReady(): Promise<void> {
    await Promise.all([this.loading.done, this.whenPlayable()]);
  }

  get isReady(): boolean {
    return this.storageRead && this.isPlayable;
  }
  onCatalogChange(listener: () => void): () => void {
    return this.catalog.onChange(listener);
  }
  get entry(): ScenarioEntry | null {
    return this.runner.entry;
  }
  get session(): Session | null {
    return this.runner.session;
  }
  snapshot(): SessionSnapshot | null {
    return this.runner.snapshot();
  }
  result(): SessionResult | null {
    return this.runner.result();
  }
  requireSession(): Session {
    return this.runner.requireSession();
  }
  choose(choiceId: string): SessionSnapshot {
    return this.runner.choose(choiceId);
  }
  /** The game on screen as scenes draw it (snapshot plus resolved names). */
  view(): GameView {
    return gameView(this.runner);
  }

  // ---- Starting games ----

  /** Starts a fresh negotiation (mode from the path step, else the menu's choice). */
  startNew(entry: ScenarioEntry, personaId: string, mode: AttemptMode = this.catalog.selection?.mode ?? 'practice', step: PathStep | null = null): Session {
    this.catalog.select(entry, personaId, mode);
    return this.runner.start(entry, personaId, step?.mode ?? mode, seedForNewGame(), step);
  }

  /** Starts a learning path step; false when its scenario is not available. */
  startStep(step: PathStep): boolean {
    const entry = this.catalog.byScenarioId(step.scenario);
    if (!entry || !entry.scenario.personas.some((p) => p.id === step.persona)) {
      this.notices.show(`The scenario "${step.scenario}" of this step is not available.`);
      return false;
    }
    this.startNew(entry, step.persona, step.mode, step);
    return true;
  }

  /** "Try again from turn N" of a recorded game. */
  retryFrom(record: RecordEntry, turn: number): boolean {
    const entry = this.catalog.byScenarioId(record.attempt.scenarioId);
    if (!entry || entry.compiled.fingerprint !== record.attempt.fingerprint) {
      this.notices.show('That game cannot be tried again: the scenario has changed since it was played.');
      return false;
    }
    const step = this.runner.origin?.pathStep ?? null;
    this.runner.retry(entry, record, turn, step);
    return true;
  }

  /** Opens a past game from the record in the debrief view (replayed); false with a notice when it cannot be. */
  watch(recordId: string): boolean {
    const opened = this.practice.open(recordId);
    if (!opened) return false;
    const step = this.catalog.path?.steps.find((s) => s.scenario === opened.record.attempt.scenarioId && s.persona === opened.record.attempt.personaId) ?? null;
    this.runner.watch(opened.entry, opened.session, opened.record.id, step);
    return true;
  }

  /** The scene that shows a snapshot: preparation, the table, or the debrief once it is over. */
  sceneFor(snapshot: SessionSnapshot): SceneKey {
    if (snapshot.over) return SCENES.debrief;
    return snapshot.phase === 'prep' ? SCENES.preparation : SCENES.negotiation;
  }

  /** Continues a saved game (from the menu's list); the scene to show. */
  async continueGame(id: string): Promise<SceneKey> {
    const outcome = await this.saves.resume(id, this.runner);
    const snap = this.snapshot();
    return outcome.kind === 'resumed' && snap ? this.sceneFor(snap) : SCENES.menu;
  }

  /** The first screen, decided once the scenarios and storage are ready. */
  firstScene(): SceneKey {
    return this.startScene ?? this.first;
  }

  /**
   * The first screen when it can be drawn before storage has been read: the menu or the learning path,
   * chosen from the note of a returning rep (or the list screen a reload comes back to). The screen
   * follows the data once it is read (BaseScene.followStorage). Null when the first screen needs the data
   * (a reload into a game, a debrief, progress or saved games; an assignment's own first screen).
   */
  quickFirstScene(): SceneKey | null {
    if (this.firstScreenHold) return null;
    if (this.startScene) return this.startScene === SCENES.menu ? SCENES.menu : null;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const list = this.listScreenBeforeReload;
    if (navigation?.type === 'reload') {
      if (this.saves.tabGame() !== null || rememberedDebrief() !== null) return null;
      if (list === 'menu' || (list === 'path' && this.catalog.path)) return SCENES[list];
      if (list !== null) return null;
    }
    return this.seemedReturning || !this.catalog.path ? SCENES.menu : SCENES.path;
  }

  private noteReturning(): void {
    if (this.notedReturning) return;
    this.notedReturning = true;
    noteReturning(true);
  }

  /** Whether a workshop room took this game's move (then no local save slot is written for it). */
  private sinksMove(session: Session | null): boolean {
    return session !== null && this.moveSink !== null && this.moveSink(session);
  }

  private tell(session: Session | null): void {
    for (const listener of this.sessionListeners) {
      try {
        if (session) listener(session);
      } catch (e) {
        console.error(e);
      }
    }
  }

  /** Whether the first screen after this load is one drawn from the engine (see chooseFirstScene). */
  private needsEngineFirst(): boolean {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (navigation?.type !== 'reload') return false;
    const list = this.listScreenBeforeReload;
    return this.saves.tabGame() !== null || rememberedDebrief() !== null || (list !== null && list !== 'menu' && list !== 'path' && list !== 'progress');
  }

  /**
   * A reload lands back in this tab's game, debrief or list screen. A new rep (nothing played, nothing saved) lands on the
   * learning path; everyone else on the menu, which offers their saved games and the path.
   */
  private async chooseFirstScene(): Promise<SceneKey> {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const tabGame = this.saves.tabGame();
    if (tabGame && navigation?.type === 'reload') {
      const outcome = await this.saves.resume(tabGame, this.runner);
      const snap = this.snapshot();
      if (outcome.kind === 'resumed' && snap) return this.sceneFor(snap);
    }
    // A reload on the debrief shows the same debrief again (rebuilt from the practice record).
    const debriefShown = rememberedDebrief();
    if (!tabGame && debriefShown && navigation?.type === 'reload' && this.watch(debriefShown.recordId)) {
      this.runner.watching = false;
      // Back to where the game was played from: its path step, or the menu.
      this.runner.origin!.pathStep = this.catalog.path?.steps.find((s) => s.id === debriefShown.stepId) ?? null;
      return SCENES.debrief;
    }
    // A reload on a list screen (the menu after changing a setting, the path) stays there.
    const listShown = this.listScreenBeforeReload;
    if (listShown && navigation?.type === 'reload' && (listShown !== 'path' || this.catalog.path)) return SCENES[listShown];
    const newRep = this.practice.keptGames === 0 && this.saves.games.length === 0;
    return newRep && this.catalog.path ? SCENES.path : SCENES.menu;
  }
}

/** A new seed per game (the engine is deterministic per seed); `?seed=N` fixes it for tests and demos. */
function seedForNewGame(): number {
  const fixed = Number(new URLSearchParams(location.search).get('seed'));
  if (Number.isInteger(fixed) && fixed > 0) return fixed;
  return 1 + Math.floor(Math.random() * 2 ** 31);
}
