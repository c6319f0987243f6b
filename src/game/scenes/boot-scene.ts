import { SCENES, type GameApp } from '../app.ts';
import { BaseScene } from './base-scene.ts';

/** First scene: hides the canvas from assistive technology (the DOM mirror speaks for it), then moves on. */
export class BootScene extends BaseScene {
  constructor(app: GameApp) {
    super(SCENES.boot, app);
  }

  create(): void {
    performance.mark('walkaway:phaser-booted');
    const canvas = this.game.canvas;
    canvas.setAttribute('aria-hidden', 'true');
    canvas.tabIndex = -1;
    // Storage is usually read before the renderer is up. When it is not, the menu or the learning path
    // comes up at once all the same and follows the data when it arrives; only a screen drawn from the
    // data (a reload into a game, progress, saved games) waits behind the loading screen.
    // A first screen whose code is not in the first script (a reload into a game) opens behind the loading screen too.
    const asked = this.app.loading.ready && !this.app.firstScreenHold ? this.app.firstScene() : this.app.quickFirstScene();
    const first = asked !== null && this.app.scenes.ready(asked) ? asked : SCENES.preload;
    // Through the scene manager, not this scene's plugin (which would switch at the game loop's next
    // step): the first screen is built now, as Phaser boots, as a bare game's first scene is.
    this.game.scene.start(first);
    this.scene.stop();
  }
}
