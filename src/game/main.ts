import { SoundBoard } from './audio/sound-board.ts';
import { GameApp, SCENES } from './app.ts';
import { installDebugHook } from './debug-hook.ts';
import { enableDropUpload } from './scenario/scenario-upload.ts';
import { PREVIEW_PARAM } from './scenario/studio-preview-param.ts';
import { loadSettings } from './storage/settings-store.ts';
import { createGame } from './phaser-game.ts';
import { registerServiceWorker } from './offline/service-worker.ts';

/** The LMS assignment a package was built for (src/cli/package.ts); null in the ordinary game. */
declare const __WALKAWAY_ASSIGNMENT__: unknown;

/**
 * Entry point: the services (storage opens at once), the debug hook, drag-and-drop uploads, then the
 * Phaser game. The first screen (the learning path or the menu) does not wait for storage; the engine,
 * the sounds, the learning-record link and the service worker load once it is up
 * (GameApp.afterFirstScreen, services/engine-loader.ts).
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
  // The sounds (an audio context and eleven files to decode) wait for the first screen and the engine,
  // then for a quiet moment; a sound asked for earlier loads them itself.
  app.afterFirstScreen(
    () =>
      void app
        .whenPlayable()
        .then(whenIdle, whenIdle)
        .then(() => sound.load()),
  );
  // The other screens' code (one chunk, src/game/lazy-scenes.ts); a failed fetch is tried again by the
  // press that needs it (BaseScene.goTo).
  const fetchLaterScenes = () => void app.scenes.load(SCENES.briefing).catch(() => undefined);
  // In the first quiet moment after the first screen.
  app.afterFirstScreen(() => void whenIdle().then(fetchLaterScenes));
  // The studio's preview and workshop join links are rare ways in: their code loads only when asked for.
  const asked = new URLSearchParams(location.search);
  if (asked.has(PREVIEW_PARAM)) {
    app.startScene = 'menu';
    void import('./scenario/studio-preview.ts').then((preview) => preview.applyStudioPreview(app));
  }
  enableDropUpload(
    document.body,
    (text, name) => app.upload(text, name),
    (over) => app.notices.setDragOver(over),
  );
  if (__WALKAWAY_ASSIGNMENT__ === null) {
    // A workshop link leads back into the rep's game in the room (or to the join panel): the loading
    // screen stays until the flow has decided, and a flow that cannot load leaves the page to the
    // first screen, with a notice. The hold is set before the game is created, which reads it as it
    // boots; the flow itself starts once its module is fetched, after the game exists.
    if (asked.has('room'))
      app.firstScreenHold = import('./workshop/workshop-flow.ts')
        .then((workshop) => workshop.startFromLink(app, game))
        .catch((e: unknown) => app.notices.show(`The workshop room could not be opened: ${e instanceof Error ? e.message : String(e)}. Reload to try again.`));
    const game = createGame(app);
    // A reload into a game (or a debrief, the saved games, progress) opens on a screen from the later
    // chunk, and so does a workshop link (the briefing, or back into the rep's game in the room): ask
    // for it now, so it comes in while Phaser boots rather than behind the loading screen.
    if (app.quickFirstScene() === null) fetchLaterScenes();
    installDebugHook(app, game);
    // Games are recorded in the learning record store saved in the settings, if there is one (its
    // client and schemas load after the first screen: no game can start before the engine is in).
    app.afterFirstScreen(() => void import('./lms/lrs-link.ts').then((lrs) => lrs.linkSavedLrs(app)));
    // Offline play is for the game as published; an LMS serves a package from its own folder, and a
    // service worker there would outlive the course. Registered once the first screen is up: its
    // install fetches every file of the game, which must not compete with the first screen's.
    app.afterFirstScreen(() =>
      registerServiceWorker({
        // Saves not read yet: there may be a game to continue, so no reload.
        gameInProgress: () => !app.storageRead || app.saves.games.length > 0 || (app.session !== null && !app.session.isOver()),
        notify: (message) => app.notices.show(message),
      }),
    );
  }
  // A packaged assignment connects to the LMS (and resumes from it) before the game opens.
  else
    void import('./lms/lms-hook.ts')
      .then((lms) => lms.connectLms(app, __WALKAWAY_ASSIGNMENT__))
      .catch((e) => console.error(e))
      .then(() => {
        const game = createGame(app);
        // A course opens on the briefing or the game it resumes, both in the later chunk.
        fetchLaterScenes();
        installDebugHook(app, game);
      });
}

/** Resolves when the page is idle (soon after, where the browser cannot tell). */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 200);
  });
}

start();
