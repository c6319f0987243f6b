import type Phaser from 'phaser';

/** What a scene implements to keep the game drawing while it animates something of its own. */
export interface AnimatingScene {
  isAnimating(): boolean;
}

/** DOM events after which the screen may change: they wake the renderer. */
const WAKE_EVENTS = ['pointerdown', 'pointerup', 'pointermove', 'click', 'keydown', 'keyup', 'wheel', 'touchstart', 'touchend', 'resize', 'focus', 'change', 'input', 'dragenter', 'dragover', 'drop', 'pageshow', 'visibilitychange'];

/**
 * Draws only while something on screen can change. A negotiation screen is still most of the time
 * (the rep reads and thinks), and redrawing a still frame 60 times a second costs battery on laptops
 * and, without a GPU, most of the main thread. After a few quiet frames the game loop sleeps; any input
 * (including a file picked or dropped), any change to the page's DOM (the accessibility layer and the
 * notices, which every game change goes through), a running tween or a scene that says it is animating
 * (a line typing out) keeps or brings it awake.
 */
export class RenderOnChange {
  private quietFrames = 0;
  private readonly game: Phaser.Game;
  private readonly canSleep: () => boolean;
  private readonly idleFrames: number;

  constructor(game: Phaser.Game, options: { canSleep: () => boolean; watch: HTMLElement; idleFrames?: number }) {
    this.game = game;
    this.canSleep = options.canSleep;
    this.idleFrames = options.idleFrames ?? 12;
    game.events.on('postrender', this.afterFrame);
    for (const type of WAKE_EVENTS) window.addEventListener(type, this.wake, { capture: true, passive: true });
    new MutationObserver(this.wake).observe(options.watch, { childList: true, subtree: true, characterData: true, attributes: true });
    // The game's box changes without a window resize when the keyboard panel opens beside it: refit
    // the canvas at once (Phaser only polls its parent's size while the loop runs).
    const parent = game.canvas?.parentElement ?? document.getElementById(String(game.config.parent));
    if (parent && typeof ResizeObserver === 'function') {
      new ResizeObserver(() => {
        this.wake();
        if (game.scale.getParentBounds()) game.scale.refresh();
      }).observe(parent);
    }
  }

  /** Resumes drawing (cheap when already awake). */
  readonly wake = (): void => {
    this.quietFrames = 0;
    if (!this.game.loop.running) this.game.loop.wake();
  };

  private readonly afterFrame = (): void => {
    if (this.busy()) {
      this.quietFrames = 0;
      return;
    }
    if (++this.quietFrames >= this.idleFrames) this.game.loop.sleep();
  };

  private busy(): boolean {
    if (!this.canSleep()) return true;
    return this.game.scene.getScenes(true).some((scene) => {
      if (scene.tweens.getTweens().length > 0) return true;
      const own = scene as Partial<AnimatingScene>;
      return typeof own.isAnimating === 'function' && own.isAnimating();
    });
  }
}
