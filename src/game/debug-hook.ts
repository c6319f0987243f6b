import type Phaser from 'phaser';
import type { SessionResult, SessionSnapshot } from '../engine/index.ts';
import type { SoundBoard } from './audio/sound-board.ts';
import type { GameApp } from './app.ts';
import { sceneLayout, type SceneLayout } from './ui/layout-registry.ts';

/** Read-only helpers for tests and for poking at the game from the console. */
export interface WalkawayDebugHook {
  snapshot(): SessionSnapshot | null;
  result(): SessionResult | null;
  readonly sound: SoundBoard;
  readonly scene: string;
  /** Whether the game loop is drawing frames now (it sleeps while the screen is still). */
  readonly drawing: boolean;
  /** The panels and measured text boxes of the screen on show (for the layout checks of the screenshot sweep). */
  layout(): SceneLayout | null;
  /**
   * Where games and the practice record are kept, how many of each this tab knows of, and whether they
   * have been read yet (the first screen comes up before they are).
   */
  readonly storage: { kind: string; savedGames: number; recordGames: number; read: boolean };
  /**
   * Resolves once storage has been read, every save asked for so far is written and the screen has
   * redrawn for them (memory is measured on a settled page; a test reads a screen with its data).
   */
  settled(): Promise<void>;
  /**
   * Drives the session directly, without changing the screen (soak tests play many negotiations in one
   * page this way): a fresh negotiation with the menu's selection, and a choice sent to the engine.
   */
  startNew(): SessionSnapshot;
  /** Resolves once the engine is loaded (the menu is drawn before it; startNew needs it). */
  playable(): Promise<void>;
  choose(choiceId: string): SessionSnapshot;
}

declare global {
  interface Window {
    __walkaway?: WalkawayDebugHook;
  }
}

export function installDebugHook(app: GameApp, game: { loop: { running: boolean }; scene: Phaser.Scenes.SceneManager }): void {
  const hook: WalkawayDebugHook = {
    snapshot: () => app.snapshot(),
    result: () => app.result(),
    get sound() {
      return app.sound;
    },
    get scene() {
      return app.scene;
    },
    get drawing() {
      return game.loop.running;
    },
    layout: () => {
      const scene = game.scene.getScenes(true)[0];
      return scene ? sceneLayout(scene) : null;
    },
    get storage() {
      return { kind: app.storageKind, savedGames: app.saves.games.length, recordGames: app.practice.entries.length, read: app.storageRead };
    },
    settled: async () => {
      await app.loading.done;
      await app.saves.settled();
      // A save can ask the screen on show to redraw (after a short wait for more changes): settled means
      // that redraw has happened too, so what is measured is the screen the player would see.
      for (let waited = 0; waited < 5000; waited += 20) {
        const scenes = game.scene.getScenes(true);
        if (scenes.length > 0 && scenes.every((s) => (s as Partial<{ settled: boolean }>).settled !== false)) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    startNew() {
      const entry = app.catalog.find(app.selection?.entryId ?? '') ?? app.catalog.builtIns[0];
      if (!entry) throw new Error('no scenario to play');
      return app.startNew(entry, app.selection?.personaId ?? entry.scenario.personas[0]!.id).snapshot();
    },
    playable: () => app.whenPlayable(),
    choose: (choiceId) => app.choose(choiceId),
  };
  Object.defineProperty(window, '__walkaway', { value: Object.freeze(hook), configurable: true });
}
