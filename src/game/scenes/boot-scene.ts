import { SCENES, type GameApp } from '../app.ts';
import { BaseScene } from './base-scene.ts';

/** First scene: makes the canvas invisible to assistive technology (the DOM mirror speaks for it). */
export class BootScene extends BaseScene {
  constructor(app: GameApp) {
    super(SCENES.boot, app);
  }

  create(): void {
    const canvas = this.game.canvas;
    canvas.setAttribute('aria-hidden', 'true');
    canvas.tabIndex = -1;
    this.scene.start(SCENES.preload);
  }
}
