import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem, ScenarioError } from '../../src/engine/index.ts';
import { loadPath } from '../../src/engine/training/index.ts';
import type { PrevalidatedPath } from '../../src/game/path/prevalidated-path.ts';

/**
 * Parses and validates the shipped learning paths when the game is built (or served), with the same
 * loader as `walkaway check`, so the browser gets ready data and no YAML work on the way to the path.
 */
export function prevalidatedPaths(): Plugin {
  return {
    name: 'walkaway:prevalidated-paths',
    enforce: 'pre',
    async load(id) {
      const [file, query] = id.split('?');
      if (query !== 'path' || !file || !/\.ya?ml$/.test(file)) return null;
      this.addWatchFile(file);
      const name = relative(process.cwd(), file);
      let result: PrevalidatedPath;
      try {
        result = { ok: true, path: loadPath(await readFile(file, 'utf8'), name) };
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        result = { ok: false, problems: e.problems.map(formatProblem) };
      }
      return `export default ${JSON.stringify(result)};`;
    },
  };
}
