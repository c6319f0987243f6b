import { config } from 'zod';

/**
 * Imported first by the studio's entry and its worker, before any engine module creates a schema: Zod
 * otherwise compiles parsers with `new Function`, which the pages' Content-Security-Policy forbids
 * (no unsafe-eval), and even its probe for eval is reported as a violation.
 */
config({ jitless: true });
