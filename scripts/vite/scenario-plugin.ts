import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem, loadScenario, ScenarioError } from '../../src/engine/index.ts';
import type { PrevalidatedScenario } from '../../src/game/scenario/prevalidated.ts';

/**
 * Parses and validates the built-in scenario files when the game is built (or served), with the same
 * loader as the CLI, so the browser starts with ready data instead of parsing YAML on the way to the
 * menu. A broken file becomes its problem lines, which the menu shows, rather than a failed build.
 */
export function prevalidatedScenarios(): Plugin {
  return {
    name: 'walkaway:prevalidated-scenarios',
    enforce: 'pre',
    async load(id) {
      const [file, query] = id.split('?');
      if (query !== 'scenario' || !file || !/\.ya?ml$/.test(file)) return null;
      this.addWatchFile(file);
      const name = relative(process.cwd(), file);
      let result: PrevalidatedScenario;
      try {
        result = { ok: true, scenario: loadScenario(await readFile(file, 'utf8'), name) };
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        result = { ok: false, problems: e.problems.map(formatProblem) };
      }
      return `export default ${JSON.stringify(result)};`;
    },
  };
}
