import { constants } from 'node:zlib';
import type { Plugin, UserConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

/** The built files worth compressing: text. Audio, images and icons are compressed formats already. */
const TEXT_FILES = /\.(js|css|html|svg|json|webmanifest)$/;

/**
 * Brotli and gzip twins of the built game's text files (`main-….js.br`, `main-….js.gz`), written beside
 * them, for a server that sends them ready-made: the workshop server does (src/server/app.ts), so each
 * of the thirty reps who open the game at once from the facilitator's laptop downloads its main script
 * as about 195 KB of brotli rather than 820 KB, and the laptop compresses nothing per request. Brotli at
 * quality 9, not 11: 11 made the build 4 s slower (10 s against 6 s) for a few KB less.
 *
 * Not for an LMS package (src/cli/package.ts: an assignment is defined): an LMS serves the files it is
 * given, and the twins would only make the zip larger.
 */
export function precompressed(): Plugin {
  const plugin = compression({
    algorithms: [defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }), defineAlgorithm('gzip', { level: 9 })],
    include: TEXT_FILES,
    // Small files gain nothing worth a second request-time lookup.
    threshold: 1024,
    skipIfLargerOrEqual: true,
    logLevel: 'silent',
  });
  return { ...plugin, apply: (config, env) => env.command === 'build' && !isPackageBuild(config) };
}

/** Whether this build is an LMS package's: the packager defines the assignment (vite.config.ts defines it as null). */
function isPackageBuild(config: UserConfig): boolean {
  const assignment = config.define?.__WALKAWAY_ASSIGNMENT__;
  return assignment !== undefined && assignment !== 'null';
}
