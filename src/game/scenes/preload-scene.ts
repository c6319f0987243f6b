import { SCENES, type GameApp } from '../app.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { ProgressBar } from '../ui/progress-bar.ts';
import { COLORS, css, FONT, GAME_HEIGHT, GAME_WIDTH } from '../ui/theme.ts';
import { BaseScene } from './base-scene.ts';

/** Loads the art with a progress bar, then opens the menu, or the saved negotiation after a reload. */
export class PreloadScene extends BaseScene {
  constructor(app: GameApp) {
    super(SCENES.preload, app);
  }

  preload(): void {
    this.enter(SCENES.preload, 'Loading');
    drawBackdrop(this);
    this.add.text(GAME_WIDTH / 2, GAME_HEIGHT / 2 - 50, 'Walkaway', { fontFamily: FONT, fontSize: '48px', color: css(COLORS.text), fontStyle: 'bold' }).setOrigin(0.5);
    const bar = new ProgressBar(this, GAME_WIDTH / 2 - 200, GAME_HEIGHT / 2 + 10, 400);
    this.load.on('progress', (p: number) => bar.set(p));
    this.load.svg('logo', 'art/logo.svg', { width: 96, height: 96 });
    this.load.svg('coach', 'art/coach.svg', { width: 200, height: 200 });
  }

  create(): void {
    // Any save is checked now, so a damaged one is reported (and removed) before the menu offers it.
    // A reload lands back where the player was; a fresh visit shows the menu, which offers Continue.
    const outcome = this.app.hasSave() ? this.app.resume() : { kind: 'none' as const };
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const snapshot = this.app.snapshot();
    if (outcome.kind === 'resumed' && navigation?.type === 'reload' && snapshot) {
      this.scene.start(this.app.sceneFor(snapshot));
      return;
    }
    this.scene.start(SCENES.menu);
  }
}
