/** The engine runtime module, loaded once by `loadEngine()` (a chunk of its own in the build). */
export type EngineRuntime = typeof import('./engine-runtime.ts');

let runtime: EngineRuntime | null = null;
let pending: Promise<EngineRuntime> | null = null;

/**
 * Loads the engine (once). The menu and the learning path are drawn without it; the game starts
 * loading it as soon as the first screen is up, and whatever needs it waits for this.
 */
export function loadEngine(): Promise<EngineRuntime> {
  pending ??= import('./engine-runtime.ts').then(
    (m) => (runtime = m),
    (e: unknown) => {
      // A failed download (offline before the first full visit) may succeed on the next try.
      pending = null;
      throw e;
    },
  );
  return pending;
}

export function engineLoaded(): boolean {
  return runtime !== null;
}

/** The engine, for code that only runs once it is loaded (a game on screen, an action that waited for it). */
export function engine(): EngineRuntime {
  if (!runtime) throw new Error('The engine is not loaded yet.');
  return runtime;
}
