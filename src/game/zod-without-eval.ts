import { config } from 'zod';

/**
 * Zod compiles object parsers with `new Function` when it may; the page's Content-Security-Policy forbids
 * eval, and merely probing for it is reported as a violation. Imported first by main.ts, because Zod
 * decides when each schema is created, which happens as the engine's modules load.
 */
config({ jitless: true });
