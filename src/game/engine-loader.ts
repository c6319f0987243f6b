import type * as EngineModule from '../engine/index.ts';

/** The engine's public API (src/engine/index.ts), as loaded at run time. */
export type Engine = typeof EngineModule;

let loaded: Engine | null = null;
let pending: Promise<Engine> | null = null;

/**
 * Loads the engine (sessions, the persona machines, scoring, the scenario loader with its YAML parser
 * and Zod) as a chunk of its own. The menu does not need it: the built-in scenarios arrive validated at
 * build time (scripts/vite/scenario-plugin.ts). So the menu appears on Phaser plus the game's own code,
 * and the engine follows in the background as soon as the menu is up (or before it, when a saved game
 * must be replayed first). Every scene after the menu runs with the engine loaded.
 */
export function loadEngine(): Promise<Engine> {
  pending ??= (async () => {
    // Zod compiles parsers with `new Function` unless told not to, and decides as each schema is
    // created, so before the engine's modules load: the page's Content-Security-Policy forbids eval
    // (src/web/content-security-policy.ts), and even probing for it is reported as a violation.
    const { config } = await import('zod');
    config({ jitless: true });
    loaded = await import('../engine/index.ts');
    return loaded;
  })();
  return pending;
}

/** The engine, once loaded; throws before that (a scene that needs it runs only after loadEngine()). */
export function engine(): Engine {
  if (!loaded) throw new Error('the engine is not loaded yet');
  return loaded;
}

export function engineLoaded(): boolean {
  return loaded !== null;
}

/** How the engine writes a value (money or points), for the scenes after the menu. */
export const formatValue: Engine['formatValue'] = (...args) => engine().formatValue(...args);
