import { SCENES, type GameApp } from '../app.ts';
import { drawBackdrop } from '../ui/backdrop.ts';
import { drawPanel } from '../ui/panel.ts';
import { TEXT } from '../ui/theme.ts';
import { BaseScene } from './base-scene.ts';

/** Every game in progress, each in its own slot: continue any of them, or discard it. */
export class SavesScene extends BaseScene {
  constructor(app: GameApp) {
    super(SCENES.saves, app);
  }

  create(): void {
    const app = this.app;
    this.enter(SCENES.saves, 'Walkaway: saved games');
    drawBackdrop(this);
    this.add.text(32, 24, 'Saved games', TEXT.title);
    this.add.text(34, 74, 'Each game keeps its own place. Games you play in another tab show up here too.', TEXT.small);
    const games = app.saves.games.slice(0, 9);
    drawPanel(this, 32, 104, 1216, 530);
    const group = app.mirror.group('Saved games', 'saved-games');
    if (!games.length) this.add.text(56, 130, 'No games in progress.', TEXT.body);
    games.forEach((g, i) => {
      const y = 120 + i * 56;
      const when = new Date(g.savedAt).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
      this.button({
        x: 48,
        y,
        width: 1000,
        height: 48,
        label: `${g.title}: ${g.personaName}`,
        detail: `${g.attempt.mode} mode · turn ${g.turn + 1} · saved ${when}`,
        variant: 'card',
        fontSize: 17,
        testid: `continue-${g.id}`,
        mirror: { parent: group },
        onActivate: () => void app.continueGame(g.id).then((scene) => this.goTo(scene)),
      });
      this.button({
        x: 1060,
        y,
        width: 172,
        height: 48,
        label: 'Discard',
        fontSize: 16,
        testid: `discard-${g.id}`,
        mirror: { parent: group },
        onActivate: () => void app.saves.discard(g.id),
      });
    });
    this.button({ x: 32, y: 648, width: 220, height: 56, label: 'Back to menu', testid: 'to-menu', onActivate: () => this.goTo(SCENES.menu) });
    const off = app.saves.onChange(() => this.redraw());
    this.events.once('shutdown', off);
    this.settleFocus();
  }
}
