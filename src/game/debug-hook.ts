import type { SessionResult, SessionSnapshot } from '../engine/index.ts';
import type { SoundBoard } from './audio/sound-board.ts';
import type { GameApp } from './app.ts';

/** Read-only helpers for tests and for poking at the game from the console. */
export interface WalkawayDebugHook {
  snapshot(): SessionSnapshot | null;
  result(): SessionResult | null;
  readonly sound: SoundBoard;
  readonly scene: string;
}

declare global {
  interface Window {
    __walkaway?: WalkawayDebugHook;
  }
}

export function installDebugHook(app: GameApp): void {
  const hook: WalkawayDebugHook = {
    snapshot: () => app.snapshot(),
    result: () => app.result(),
    get sound() {
      return app.sound;
    },
    get scene() {
      return app.scene;
    },
  };
  Object.defineProperty(window, '__walkaway', { value: Object.freeze(hook), configurable: true });
}
