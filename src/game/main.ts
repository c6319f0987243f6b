import { SoundBoard } from './audio/sound-board.ts';
import { GameApp } from './app.ts';
import { installDebugHook } from './debug-hook.ts';
import { enableDropUpload } from './scenario/scenario-upload.ts';
import { loadSettings } from './storage/settings-store.ts';
import { createGame } from './phaser-game.ts';
import { registerServiceWorker } from './offline/service-worker.ts';

/**
 * Entry point: the services (the built-in scenarios start parsing in slices at once), the debug hook,
 * drag-and-drop uploads, then the Phaser game, whose preload scene shows the parsing progress.
 * (Loading Phaser as a separate chunk was measured slower: it only starts downloading after this one.)
 */
function start(): void {
  // Marks for scripts/bench-browser.ts: where the time to an interactive menu goes.
  performance.mark('walkaway:script-start');
  const byId = (id: string) => {
    const el = document.getElementById(id);
    if (!el) throw new Error(`index.html lacks #${id}`);
    return el;
  };
  const settings = loadSettings();
  const sound = new SoundBoard({ volume: settings.volume, muted: settings.muted });
  const app = new GameApp({ sound, mirrorRoot: byId('a11y'), noticeRoot: byId('notices'), settings });
  enableDropUpload(document.body, (text, name) => app.upload(text, name), (over) => app.notices.setDragOver(over));
  installDebugHook(app, createGame(app));
  registerServiceWorker({
    gameInProgress: () => app.hasSave() || (app.session !== null && !app.session.isOver()),
    notify: (message) => app.notices.show(message),
  });
}

start();
