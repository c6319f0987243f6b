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

/** What a scene's animation changes while it runs: a region, and the opaque object it lies on. */
interface ChangingRegion {
  region: () => Region | null;
  /**
   * An opaque object that covers the whole region (the panel a line types out on): nothing drawn
   * before it shows through there, so a partial frame skips everything under it.
   */
  backing: Phaser.GameObjects.GameObject | null;
}

/**
 * Scenes whose only animation, while it runs, changes one region (a line typing out in its bubble):
 * frames with nothing else to change redraw that region alone.
 */
const changingRegions = new WeakMap<Phaser.Scene, ChangingRegion>();

/** Where an object without bounds of its own (a Graphics panel) draws, for partial frames. */
const declaredBounds = new WeakMap<Phaser.GameObjects.GameObject, Region>();

/**
 * Declares that, while `region()` returns a region, the scene's animation changes nothing outside it;
 * `backing`, when given, is opaque over the whole region.
 */
export function animatesOnly(scene: Phaser.Scene, region: () => Region | null, backing: Phaser.GameObjects.GameObject | null = null): void {
  changingRegions.set(scene, { region, backing });
}

/** Records where a Graphics object draws (Phaser does not know a Graphics object's bounds). */
export function drawsWithin(object: Phaser.GameObjects.GameObject, bounds: Region): void {
  declaredBounds.set(object, bounds);
}

const overlaps = (a: Region, b: Region) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Where an object draws, when that is known: its declared bounds, or its own for anything but Graphics. */
function boundsOf(object: Phaser.GameObjects.GameObject): Region | null {
  const declared = declaredBounds.get(object);
  if (declared) return declared;
  if (object.type === 'Graphics' || object.type === 'Container') return null;
  const withBounds = object as Partial<Phaser.GameObjects.Components.GetBounds>;
  return typeof withBounds.getBounds === 'function' ? withBounds.getBounds() : null;
}

/** Emitted on the game's events when a screen has been built: its first frame is drawn whole. */
const SCREEN_BUILT = 'walkaway-screen-built';

/**
 * Says that a scene has just built its screen. Its own DOM changes wake the renderer too, but only
 * after this frame is drawn: without this, the frame could be a partial one (a new line typing out)
 * or be left out as unchanged.
 */
export function screenBuilt(scene: Phaser.Scene): void {
  scene.game.events.emit(SCREEN_BUILT);
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
  'blur',
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
  /**
   * Frames still to draw whole (after any change other than a declared animation). One is enough: a
   * change wakes the loop before the frame that shows it. Each whole frame costs a software renderer
   * a full draw and read-back, so a line starts typing one frame after its screen is built.
   */
  private fullFrames = 1;
  /** The camera narrowed for a partial frame, and its viewport and scroll to restore. */
  private narrowed: { camera: Phaser.Cameras.Scene2D.Camera; x: number; y: number; width: number; height: number; scrollX: number; scrollY: number } | null =
    null;
  /** Set from a screen's building until the next step starts (its DOM changes come in between). */
  private screenDrawnWhole = false;
  /** Whether a screen was built in this step: its first frame is left to the next step. */
  private builtThisStep = false;
  /** Whether this frame is left out because a screen was just built (the next one draws it). */
  private deferredScreen = false;
  /**
   * Set while the loop wakes up: Phaser runs a step at once, inside the event that woke it (a click, a
   * DOM change), before that event's own handlers have changed anything. That step's frame would draw
   * the screen as it already is, and the browser would read the canvas back in the next frame's task
   * (for a click that switches screens, the task that builds the new one): it is left out, and the next
   * step, in the next animation frame, draws.
   */
  private waking = false;
  /** Whether something animated in the last frame: the next one shows where it stopped. */
  private animatedLastFrame = false;
  /** Objects left out of a partial frame, shown again once it is drawn. */
  private readonly hidden: Array<Partial<Phaser.GameObjects.Components.Visible>> = [];
  /** Scenes not drawn in a frame with nothing changed, drawn again from the next frame on. */
  private readonly skipped: Phaser.Scene[] = [];
  private readonly game: Phaser.Game;
  private readonly canSleep: () => boolean;
  private readonly idleFrames: number;

  /** Called before every whole frame (a new screen's first one among them). */
  private readonly beforeWholeFrame: () => void;

  constructor(game: Phaser.Game, options: { canSleep: () => boolean; watch: HTMLElement; idleFrames?: number; beforeWholeFrame?: () => void }) {
    this.game = game;
    this.beforeWholeFrame = options.beforeWholeFrame ?? (() => {});
    this.canSleep = options.canSleep;
    this.idleFrames = options.idleFrames ?? 12;
    game.events.on('postrender', this.afterFrame);
    game.events.on('poststep', this.beforeFrame);
    game.events.on(SCREEN_BUILT, this.screenBuilt);
    game.events.on('prestep', () => {
      this.screenDrawnWhole = false;
    });
    for (const type of WAKE_EVENTS) window.addEventListener(type, this.wake, { capture: true, passive: true });
    new MutationObserver(this.domChanged).observe(options.watch, { childList: true, subtree: true, characterData: true, attributes: true });
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

  /**
   * A screen was built in this step: its frame is drawn whole. The DOM it changed on the way (the
   * accessibility layer) is reported after that frame and asks for nothing more.
   */
  private readonly screenBuilt = (): void => {
    this.wake();
    this.screenDrawnWhole = true;
    this.builtThisStep = true;
  };

  private readonly domChanged = (): void => {
    if (this.screenDrawnWhole) {
      this.quietFrames = 0;
      return;
    }
    this.wake();
  };

  /** Resumes drawing (cheap when already awake). */
  readonly wake = (): void => {
    this.quietFrames = 0;
    this.fullFrames = Math.max(this.fullFrames, 1);
    if (this.game.loop.running) return;
    this.waking = true;
    try {
      this.game.loop.wake();
    } finally {
      this.waking = false;
    }
  };

  /**
   * Chooses between a whole frame, a partial one and none. A partial frame keeps the last frame's
   * pixels (no clear; the canvas keeps its drawing buffer) and narrows the scene's camera to the
   * changing region, so every layer under and over it is still drawn there, exactly as in a whole
   * frame. Software WebGL pays for every draw call whatever its size, so a partial frame also leaves
   * out what cannot show in the region: everything under its opaque backing, and whatever lies
   * elsewhere. A frame with nothing changed since the last one drawn (the few quiet frames before the
   * loop sleeps) draws nothing at all: the canvas keeps its picture and the browser has nothing to
   * read back.
   */
  private readonly beforeFrame = (): void => {
    const renderer = this.game.renderer as { config?: { clearBeforeRender: boolean } };
    // A step that built a screen has spent its time on that (creating its texts, the accessibility
    // layer); drawing the new screen whole in the same task would make one long task of both. The
    // canvas keeps the last screen for this one frame, and the next draws the new one whole.
    const justBuilt = this.builtThisStep && this.preservesFrames();
    this.builtThisStep = false;
    // The step the wake-up runs at once: the canvas already shows the screen (see `waking`).
    const deferred = justBuilt || (this.waking && this.preservesFrames());
    if (deferred) this.fullFrames = Math.max(this.fullFrames, 1);
    this.deferredScreen = deferred;
    const region = this.fullFrames > 0 ? null : this.partialRegion();
    const unchanged = deferred || (region === null && this.fullFrames === 0 && !this.animatedLastFrame && this.preservesFrames() && !this.busy());
    if (renderer.config) renderer.config.clearBeforeRender = region === null && !unchanged;
    if (unchanged) {
      for (const scene of this.game.scene.getScenes(true)) {
        if (!scene.sys.settings.visible) continue;
        scene.sys.settings.visible = false;
        this.skipped.push(scene);
      }
      return;
    }
    if (!region) {
      this.beforeWholeFrame();
      return;
    }
    const scene = this.game.scene.getScenes(true)[0]!;
    const camera = scene.cameras.main;
    this.narrowed = { camera, x: camera.x, y: camera.y, width: camera.width, height: camera.height, scrollX: camera.scrollX, scrollY: camera.scrollY };
    const x = Math.max(0, Math.floor(region.x) - 2);
    const y = Math.max(0, Math.floor(region.y) - 2);
    const width = Math.min(camera.width - x, Math.ceil(region.width) + 4);
    const height = Math.min(camera.height - y, Math.ceil(region.height) + 4);
    camera.setViewport(x, y, width, height);
    camera.setScroll(this.narrowed.scrollX + x, this.narrowed.scrollY + y);
    this.leaveOut(scene, { x: x + this.narrowed.scrollX, y: y + this.narrowed.scrollY, width, height });
  };

  /** Hides, for this frame, the objects that cannot change a pixel of `area` (stage coordinates). */
  private leaveOut(scene: Phaser.Scene, area: Region): void {
    const backing = changingRegions.get(scene)?.backing ?? null;
    const list = scene.children.list;
    const under = backing ? list.indexOf(backing) : -1;
    list.forEach((object, index) => {
      const shown = object as Phaser.GameObjects.GameObject & Partial<Phaser.GameObjects.Components.Visible>;
      if (!shown.visible || object === backing) return;
      const bounds = index > under ? boundsOf(object) : null;
      if (index > under && (bounds === null || overlaps(bounds, area))) return;
      shown.setVisible?.(false);
      this.hidden.push(shown);
    });
  }

  /** The region to redraw alone, when a declared animation is the only thing that changes. */
  private partialRegion(): Region | null {
    if (!this.canSleep() || !this.preservesFrames()) return null;
    const scenes = this.game.scene.getScenes(true);
    if (scenes.length !== 1) return null;
    const scene = scenes[0]!;
    if (scene.tweens.getTweens().length > 0 || scene.cameras.cameras.length !== 1) return null;
    // A partial frame is not cleared: without an opaque backing to paint first, the line's translucent
    // edges would pile up over the last frame's (the canvas is transparent, the room is the page's).
    const changing = changingRegions.get(scene);
    if (!changing?.backing) return null;
    const region = changing.region();
    return region && region.width > 0 && region.height > 0 ? region : null;
  }

  private preservesFrames(): boolean {
    return (this.game.config as { preserveDrawingBuffer?: boolean }).preserveDrawingBuffer === true;
  }

  private readonly afterFrame = (): void => {
    for (const object of this.hidden) object.setVisible?.(true);
    this.hidden.length = 0;
    for (const scene of this.skipped) scene.sys.settings.visible = true;
    this.skipped.length = 0;
    if (this.deferredScreen) {
      this.deferredScreen = false;
      this.quietFrames = 0;
      return;
    }
    if (this.narrowed) {
      const { camera, x, y, width, height, scrollX, scrollY } = this.narrowed;
      camera.setViewport(x, y, width, height);
      camera.setScroll(scrollX, scrollY);
      this.narrowed = null;
    } else if (this.fullFrames > 0) {
      this.fullFrames--;
    }
    // The frame after an animation's last step is drawn whole (a tween's end, a line's last letters).
    this.animatedLastFrame = this.busy();
    if (this.animatedLastFrame) {
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
