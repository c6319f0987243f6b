import type Phaser from 'phaser';

/** What a scene implements to keep the game drawing while it animates something of its own. */
export interface AnimatingScene {
  isAnimating(): boolean;
}

/** A part of the stage, in game coordinates. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Scenes whose only animation, while it runs, changes one region (a line typing out in its bubble):
 * frames with nothing else to change redraw that region alone.
 */
const changingRegions = new WeakMap<Phaser.Scene, () => Region | null>();

/** Declares that, while `region()` returns a region, the scene's animation changes nothing outside it. */
export function animatesOnly(scene: Phaser.Scene, region: () => Region | null): void {
  changingRegions.set(scene, region);
}

/** DOM events after which the screen may change: they wake the renderer. */
const WAKE_EVENTS = [
  'pointerdown',
  'pointerup',
  'pointermove',
  'click',
  'keydown',
  'keyup',
  'wheel',
  'touchstart',
  'touchend',
  'resize',
  'focus',
  'change',
  'input',
  'dragenter',
  'dragover',
  'drop',
  'pageshow',
  'visibilitychange',
];

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
  /** Frames still to draw whole (after any change other than a declared animation). */
  private fullFrames = 2;
  /** The camera narrowed for a partial frame, and its viewport and scroll to restore. */
  private narrowed: { camera: Phaser.Cameras.Scene2D.Camera; x: number; y: number; width: number; height: number; scrollX: number; scrollY: number } | null =
    null;
  private readonly game: Phaser.Game;
  private readonly canSleep: () => boolean;
  private readonly idleFrames: number;

  constructor(game: Phaser.Game, options: { canSleep: () => boolean; watch: HTMLElement; idleFrames?: number }) {
    this.game = game;
    this.canSleep = options.canSleep;
    this.idleFrames = options.idleFrames ?? 12;
    game.events.on('postrender', this.afterFrame);
    game.events.on('poststep', this.beforeFrame);
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
    this.fullFrames = Math.max(this.fullFrames, 2);
    if (!this.game.loop.running) this.game.loop.wake();
  };

  /**
   * Chooses between a whole frame and a partial one. A partial frame keeps the last frame's pixels (no
   * clear; the canvas keeps its drawing buffer) and narrows the scene's camera to the changing region,
   * so every layer under and over it is still drawn there, exactly as in a whole frame, but software
   * WebGL fills a few thousand pixels instead of the whole stage.
   */
  private readonly beforeFrame = (): void => {
    const renderer = this.game.renderer as { config?: { clearBeforeRender: boolean } };
    const region = this.fullFrames > 0 ? null : this.partialRegion();
    if (renderer.config) renderer.config.clearBeforeRender = region === null;
    if (!region) return;
    const scene = this.game.scene.getScenes(true)[0]!;
    const camera = scene.cameras.main;
    this.narrowed = { camera, x: camera.x, y: camera.y, width: camera.width, height: camera.height, scrollX: camera.scrollX, scrollY: camera.scrollY };
    const x = Math.max(0, Math.floor(region.x) - 2);
    const y = Math.max(0, Math.floor(region.y) - 2);
    const width = Math.min(camera.width - x, Math.ceil(region.width) + 4);
    const height = Math.min(camera.height - y, Math.ceil(region.height) + 4);
    camera.setViewport(x, y, width, height);
    camera.setScroll(this.narrowed.scrollX + x, this.narrowed.scrollY + y);
  };

  /** The region to redraw alone, when a declared animation is the only thing that changes. */
  private partialRegion(): Region | null {
    if (!this.canSleep() || !this.preservesFrames()) return null;
    const scenes = this.game.scene.getScenes(true);
    if (scenes.length !== 1) return null;
    const scene = scenes[0]!;
    if (scene.tweens.getTweens().length > 0 || scene.cameras.cameras.length !== 1) return null;
    const region = changingRegions.get(scene)?.();
    return region && region.width > 0 && region.height > 0 ? region : null;
  }

  private preservesFrames(): boolean {
    return (this.game.config as { preserveDrawingBuffer?: boolean }).preserveDrawingBuffer === true;
  }

  private readonly afterFrame = (): void => {
    if (this.narrowed) {
      const { camera, x, y, width, height, scrollX, scrollY } = this.narrowed;
      camera.setViewport(x, y, width, height);
      camera.setScroll(scrollX, scrollY);
      this.narrowed = null;
    } else if (this.fullFrames > 0) {
      this.fullFrames--;
    }
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
