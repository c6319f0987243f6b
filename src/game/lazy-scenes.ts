import type Phaser from 'phaser';
import type { GameApp, SceneKey, SceneLoading } from './app.ts';

/**
 * The screens after the first: their code (about 18 KB gzipped, with the parts only they draw) is
 * fetched in one chunk once the first screen is up (src/game/main.ts), or when a screen asks for one
 * sooner (BaseScene.goTo, the loading screen, a workshop link). A page that opens on one of them (an
 * LMS course resuming a game, a reload into a game) asks for it as the game is created, so it usually
 * arrives while Phaser boots. A failed fetch (offline before the service worker has the files) is
 * forgotten, so the next ask tries again.
 */
export class LazyScenes implements SceneLoading {
  private loading: Promise<void> | null = null;

  constructor(
    private readonly game: Phaser.Game,
    private readonly app: GameApp,
  ) {}

  ready(key: SceneKey): boolean {
    return this.game.scene.getScene(key) !== null;
  }

  load(key: SceneKey): Promise<void> {
    if (this.ready(key)) return Promise.resolve();
    this.loading ??= import('./scenes/later-scenes.ts').then(
      ({ laterScenes }) => {
        for (const scene of laterScenes(this.app)) {
          const sceneKey = scene.sys.settings.key;
          if (!this.game.scene.getScene(sceneKey)) this.game.scene.add(sceneKey, scene, false);
        }
      },
      (error: unknown) => {
        this.loading = null;
        throw error;
      },
    );
    return this.loading.then(() => {
      // Before the game has booted the scenes wait in Phaser's queue, and are there when the first one starts.
      if (this.game.scene.isBooted && !this.ready(key)) throw new Error(`no screen "${key}"`);
    });
  }
}
