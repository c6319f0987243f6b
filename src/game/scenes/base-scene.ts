import Phaser from 'phaser';
import type { GameApp, SceneKey } from '../app.ts';
import { screenBuilt } from '../render-on-change.ts';
import { rememberScreen } from '../services/tab-screen.ts';
import { ActionButton, type ActionButtonConfig } from '../ui/action-button.ts';

/**
 * What every Walkaway scene shares: the app's services, buttons that exist on the canvas and in the
 * accessibility layer at once, and keeping keyboard focus where the player was across a redraw.
 */
/** How long a redraw for a change made elsewhere waits for more changes of the same burst. */
const REDRAW_SETTLE_MS = 120;

/**
 * Marks the page busy (aria-busy on the text version, and a visible "Loading" sign, see page.css) until
 * `work` settles, and hands `work` on.
 */
function busyUntil<T>(work: Promise<T>): Promise<T> {
  const root = document.getElementById('a11y');
  root?.setAttribute('aria-busy', 'true');
  return work.finally(() => root?.removeAttribute('aria-busy'));
}

export abstract class BaseScene extends Phaser.Scene {
  protected readonly app: GameApp;
  private focusAfterBuild: string | null = null;
  /** Set once this screen has asked to move on (Phaser switches scenes at the next step). */
  private leaving = false;
  /** Checks that say this screen is animating on its own (see RenderOnChange). */
  private readonly animations = new Set<() => boolean>();
  /** A redraw asked for by a change elsewhere, waiting for the burst of changes to settle. */
  private pendingRedraw: { timer: number; data: object } | null = null;
  /** Canvas work of this screen left to later steps of the game loop (see continueBuild, buildAfterFirstFrame). */
  private readonly laterWork: { step: number; work: () => void }[] = [];
  /** The step of the game loop that built (or finishes building) this screen. */
  private lastBuildStep = 0;
  /** The screen goTo is waiting to switch to while its code loads. */
  private switchAsked: { key: SceneKey; data: object } | null = null;
  /** Work for the steps after the screen's first frame (see buildAfterFirstFrame). */
  private readonly afterFrameWork: (() => boolean)[] = [];

  constructor(key: SceneKey, app: GameApp) {
    super({ key });
    this.app = app;
  }

  /** Whether this screen is built and has no redraw or move to another screen waiting. */
  get settled(): boolean {
    return !this.leaving && this.pendingRedraw === null;
  }

  /** Keeps the game drawing while `check` holds (e.g. a line typing out). Cleared with each new screen. */
  protected whileAnimating(check: () => boolean): void {
    this.animations.add(check);
  }

  isAnimating(): boolean {
    for (const check of this.animations) if (check()) return true;
    return false;
  }

  /** Starts this screen's mirror; call first in create(). */
  protected enter(screen: SceneKey, title: string): void {
    this.animations.clear();
    this.leaving = false;
    this.switchAsked = null;
    if (this.pendingRedraw) window.clearTimeout(this.pendingRedraw.timer);
    this.pendingRedraw = null;
    // Stopped from outside (a workshop room taking over the screen): a redraw still waiting must not
    // bring this screen back.
    this.events.once('shutdown', () => {
      if (this.pendingRedraw) window.clearTimeout(this.pendingRedraw.timer);
      this.pendingRedraw = null;
      this.dropLaterWork();
    });
    this.dropLaterWork();
    this.lastBuildStep = this.game.loop.frame;
    this.events.on(Phaser.Scenes.Events.PRE_UPDATE, this.runLaterWork);
    const active = document.activeElement as HTMLElement | null;
    this.focusAfterBuild = active?.dataset['testid'] ?? null;
    this.app.scene = screen;
    rememberScreen(screen);
    this.app.mirror.begin(screen, title);
    document.title = `${title} · Walkaway`;
    screenBuilt(this);
  }

  /**
   * Builds part of this screen in the next step of the game loop, before the screen is first drawn:
   * the canvas keeps showing the last screen until every part is built, and the frame after draws the
   * new one whole (nothing pops in). A screen too big to build in one task is built in two. Only for
   * canvas objects: the text version and every control (the DOM twins) are made in create(), so the
   * screen is never usable, nor shown, before its buttons exist.
   */
  protected continueBuild(work: () => void): void {
    this.lastBuildStep++;
    this.laterWork.push({
      step: this.lastBuildStep,
      work: () => {
        work();
        // This step built part of the screen: its frame waits for the next step, as create()'s does.
        screenBuilt(this);
      },
    });
  }

  /**
   * Runs `work` in the first step after the screen's first frame has been drawn, and again in each step
   * after while it returns true (more to make): for canvas objects not shown in that frame (the choices,
   * drawn once the line has typed out), so they are not made in the task that builds the screen, nor
   * all in one frame of the line typing out. Whatever needs them earlier must make them itself.
   */
  protected buildAfterFirstFrame(work: () => boolean): void {
    this.afterFrameWork.push(work);
  }

  /** Forgets the canvas work a screen left for later steps (a new screen, or this one shut down). */
  private dropLaterWork(): void {
    this.laterWork.length = 0;
    this.afterFrameWork.length = 0;
    this.events.off(Phaser.Scenes.Events.PRE_UPDATE, this.runLaterWork);
  }

  /** Runs the work due at this step (a step that switches screens has shut this one down first). */
  private readonly runLaterWork = (): void => {
    const step = this.game.loop.frame;
    while (this.laterWork.length > 0 && this.laterWork[0]!.step <= step) this.laterWork.shift()!.work();
    // The first frame is drawn in the step after the last part is built; one piece of work per step.
    if (this.laterWork.length === 0 && step >= this.lastBuildStep + 2 && this.afterFrameWork.length > 0) {
      if (!this.afterFrameWork[0]!()) this.afterFrameWork.shift();
    }
  };

  /** Call last in create(): puts focus back on the control the player was on, if it still exists. */
  protected settleFocus(): void {
    this.app.screenShown();
    const id = this.focusAfterBuild;
    this.focusAfterBuild = null;
    if (!id) return;
    const again = document.querySelector<HTMLElement>(`.a11y [data-testid="${CSS.escape(id)}"]`);
    again?.focus({ preventScroll: true });
  }

  /**
   * A button of this screen. Its action waits for the engine and storage (see onceLoaded) unless
   * `withoutEngine` says it only moves to a screen drawn without the engine (the menu, the learning
   * path, the progress screen): then it waits for storage alone.
   */
  protected button(cfg: ActionButtonConfig & { withoutEngine?: boolean }): ActionButton {
    const { withoutEngine, ...rest } = cfg;
    return new ActionButton(this, this.app.mirror, { ...rest, onActivate: this.onceLoaded(rest.onActivate, !withoutEngine) }, (id) => this.app.play(id));
  }

  /**
   * The menu and the learning path are drawn before the engine has loaded (it loads right after), and
   * may be before storage has been read. An action taken in that moment waits for both, the page marked
   * busy (and a visible "Loading" sign, see page.css), instead of finding no engine or no saves.
   */
  protected onceLoaded(action: () => void, needsEngine = true): () => void {
    return () => {
      this.app.acted = true;
      if (needsEngine ? this.app.isReady : this.app.storageRead) return action();
      busyUntil(needsEngine ? this.app.whenReady() : this.app.loading.done).then(
        () => action(),
        () => this.app.notices.show('The game could not finish loading. Check the connection and reload the page.'),
      );
    };
  }

  /**
   * For the first screen, drawn before storage has been read: once it has, moves to the screen the data
   * calls for if the rep has not pressed anything yet (the note of a returning rep was wrong), else
   * calls `read` to redraw what the data changes (saved games to continue, progress).
   */
  protected followStorage(read: () => void): void {
    if (this.app.storageRead) return;
    const key = this.scene.key as SceneKey;
    void this.app.loading.done.then(() => {
      if (this.leaving || this.app.scene !== key || !this.sys.isActive()) return;
      const first = this.app.firstScene();
      if (!this.app.acted && first !== key) this.goTo(first);
      else read();
    });
  }

  /** For helpers that draw part of a scene (see debrief-practice.ts). */
  addButton(cfg: ActionButtonConfig): ActionButton {
    return this.button(cfg);
  }

  go(key: SceneKey, data?: object): void {
    this.goTo(key, data);
  }

  /**
   * Redraws this screen because something changed elsewhere (another tab, an upload), unless the
   * player has already moved on: a late redraw must not pull them back.
   *
   * Changes come in bursts (every saved move of a game in another tab, a list of records read back),
   * and one redraw rebuilds the whole screen: requests within REDRAW_SETTLE_MS of the first make one
   * redraw with the latest data, so a burst never queues a redraw per change.
   */
  protected redraw(data: object = {}): void {
    if (this.leaving) return;
    if (this.pendingRedraw) {
      this.pendingRedraw.data = data;
      return;
    }
    const timer = window.setTimeout(() => {
      const pending = this.pendingRedraw;
      this.pendingRedraw = null;
      if (pending && !this.leaving) this.goTo(this.scene.key as SceneKey, pending.data);
    }, REDRAW_SETTLE_MS);
    this.pendingRedraw = { timer, data };
  }

  protected goTo(key: SceneKey, data: object = {}): void {
    this.leaving = true;
    if (this.app.scenes.ready(key)) {
      this.switchTo(key, data);
      return;
    }
    // A screen whose code has not arrived yet (asked for in the moment after the first screen): the
    // page is marked busy until it has; the last screen asked for wins.
    const asked = { key, data };
    this.switchAsked = asked;
    busyUntil(this.app.scenes.load(key)).then(
      () => {
        if (this.switchAsked === asked && this.sys.isActive()) this.switchTo(key, data);
      },
      () => {
        if (this.switchAsked !== asked) return;
        this.switchAsked = null;
        this.leaving = false;
        this.app.notices.show('That screen could not be loaded. Check the connection and try again.');
      },
    );
  }

  private switchTo(key: SceneKey, data: object): void {
    this.switchAsked = null;
    // Always hand over data: Phaser keeps a scene's previous data when none is given.
    if (key === this.scene.key) this.scene.restart(data);
    else this.scene.start(key, data);
    // Scenes switch at the next step of the game loop, which sleeps on a still screen: a change that
    // comes from elsewhere (another tab, a storage read) has no input to wake it.
    if (!this.game.loop.running) this.game.loop.wake();
  }
}
