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
    // Scenarios usually finish parsing before the renderer is up: then the loading screen is skipped.
    this.scene.start(this.app.loading.ready ? this.app.firstScene() : SCENES.preload);
  }
}
