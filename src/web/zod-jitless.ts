import { config } from 'zod';

/**
 * Imported first, before any module creates a schema, by the workshop view's and the studio's page
 * entries, the studio worker, and each part of the game that holds schemas (the game's entry has none:
 * the engine runtime, the studio preview, the workshop flow and the LMS hook, all loaded on demand).
 * Zod otherwise compiles parsers with `new Function`, which the pages' Content-Security-Policy forbids
 * (no unsafe-eval), and even its probe for eval is reported as a violation.
 */
config({ jitless: true });
