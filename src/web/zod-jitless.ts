import { config } from 'zod';

/**
 * Imported first by every page entry (the game, the workshop view, the studio) and the studio worker, before any engine module creates a schema: Zod
 * otherwise compiles parsers with `new Function`, which the pages' Content-Security-Policy forbids
 * (no unsafe-eval), and even its probe for eval is reported as a violation.
 */
config({ jitless: true });
