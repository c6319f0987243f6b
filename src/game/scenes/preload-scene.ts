import { SCENES, type GameApp } from '../app.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { drawLogo } from '../ui/logo.ts';
import { ProgressBar } from '../ui/progress-bar.ts';
import { COLORS, css, FONT, GAME_HEIGHT, GAME_WIDTH, TEXT } from '../ui/theme.ts';
import { BaseScene } from './base-scene.ts';

/**
 * Shows the progress of the real work before the menu, parsing and validating the built-in scenarios
 * (started by the app while the renderer was still downloading), then opens the menu, or the saved
 * negotiation after a reload. The art is drawn in code, so there is nothing else to fetch.
 */
export class PreloadScene extends BaseScene {
  private bar: ProgressBar | null = null;
  private done = false;

  constructor(app: GameApp) {
    super(SCENES.preload, app);
  }

  create(): void {
    this.done = false;
    this.enter(SCENES.preload, 'Loading');
    drawBackdrop(this);
    drawLogo(this, GAME_WIDTH / 2 - 40, GAME_HEIGHT / 2 - 150, 80);
    this.add
      .text(GAME_WIDTH / 2, GAME_HEIGHT / 2 - 30, 'Walkaway', { fontFamily: FONT, fontSize: '48px', color: css(COLORS.text), fontStyle: 'bold' })
      .setOrigin(0.5);
    this.bar = new ProgressBar(this, GAME_WIDTH / 2 - 200, GAME_HEIGHT / 2 + 30, 400);
    this.add.text(GAME_WIDTH / 2, GAME_HEIGHT / 2 + 62, 'Preparing scenarios…', TEXT.small).setOrigin(0.5, 0);
    this.app.mirror.say('', 'Loading the scenarios…');
    this.bar.set(this.app.loading.progress);
    // After the work that decides the first screen itself, if any: it may have moved on already.
    void Promise.all([this.app.loading.done, this.app.firstScreenHold]).then(() => {
      if (this.done) return;
      this.done = true;
      this.openFirstScreen();
    });
  }

  override update(): void {
    this.bar?.set(this.app.loading.progress);
  }

  /** Opens the first screen once its code is in (fetched now if it is not one built into the first script). */
  private openFirstScreen(): void {
    const first = this.app.firstScene();
    this.app.scenes.load(first).then(
      () => {
        if (this.sys.isActive()) this.scene.start(first);
      },
      () => {
        this.app.notices.show('The game could not finish loading. Check the connection and reload the page.');
      },
    );
  }
}
