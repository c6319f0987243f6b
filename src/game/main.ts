import Phaser from 'phaser';
import { SoundBoard } from './audio/sound-board.ts';
import { GameApp } from './app.ts';
import { installDebugHook } from './debug-hook.ts';
import { loadBuiltInScenarios } from './scenario/catalog.ts';
import { enableDropUpload } from './scenario/scenario-upload.ts';
import { loadSettings } from './storage/settings-store.ts';
import { BootScene } from './scenes/boot-scene.ts';
import { BriefingScene } from './scenes/briefing-scene.ts';
import { DebriefScene } from './scenes/debrief-scene.ts';
import { MenuScene } from './scenes/menu-scene.ts';
import { NegotiationScene } from './scenes/negotiation-scene.ts';
import { PreloadScene } from './scenes/preload-scene.ts';
import { PreparationScene } from './scenes/preparation-scene.ts';
import { COLORS, GAME_HEIGHT, GAME_WIDTH } from './ui/theme.ts';

/** Wires the services together and starts Phaser: WebGL, 1280x720 scaled to fit the window. */
function start(): void {
  const byId = (id: string) => {
    const el = document.getElementById(id);
    if (!el) throw new Error(`index.html lacks #${id}`);
    return el;
  };
  const settings = loadSettings();
  const sound = new SoundBoard({ volume: settings.volume, muted: settings.muted });
  const { entries, problems } = loadBuiltInScenarios();
  const app = new GameApp({ sound, mirrorRoot: byId('a11y'), noticeRoot: byId('notices'), builtIns: entries, settings });
  if (problems.length) app.notices.showProblems('A built-in scenario', problems);
  installDebugHook(app);
  enableDropUpload(document.body, (text, name) => app.upload(text, name), (over) => app.notices.setDragOver(over));

  (window as unknown as { __game: unknown }).__game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent: 'game',
    width: GAME_WIDTH,
    height: GAME_HEIGHT,
    backgroundColor: COLORS.background,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    // Keyboard focus belongs to the accessibility layer's buttons; Phaser only listens.
    input: { keyboard: true, mouse: true, touch: true },
    audio: { noAudio: true },
    banner: false,
    scene: [
      new BootScene(app),
      new PreloadScene(app),
      new MenuScene(app),
      new BriefingScene(app),
      new PreparationScene(app),
      new NegotiationScene(app),
      new DebriefScene(app),
    ],
  });
}

start();
