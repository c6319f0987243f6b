import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem, loadScenario, ScenarioError } from '../../src/engine/index.ts';
import type { PrevalidatedScenario } from '../../src/game/scenario/prevalidated.ts';
import { summarize, type PrevalidatedCard } from '../../src/game/scenario/scenario-card.ts';

/**
 * Parses and validates the built-in scenario files when the game is built (or served), with the same
 * loader as the CLI, so the browser starts with ready data instead of parsing YAML on the way to the
 * menu. A broken file becomes its problem lines, which the menu shows, rather than a failed build.
 * `?scenario-card` gives only what the menu lists (titles, counterparts), so the menu is drawn before
 * the engine and the full scenarios are loaded; `?scenario` gives the whole validated scenario.
 */
export function prevalidatedScenarios(): Plugin {
  return {
    name: 'walkaway:prevalidated-scenarios',
    enforce: 'pre',
    async load(id) {
      const [file, query] = id.split('?');
      if ((query !== 'scenario' && query !== 'scenario-card') || !file || !/\.ya?ml$/.test(file)) return null;
      this.addWatchFile(file);
      const name = relative(process.cwd(), file);
      let result: PrevalidatedScenario;
      try {
        result = { ok: true, scenario: loadScenario(await readFile(file, 'utf8'), name) };
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        result = { ok: false, problems: e.problems.map(formatProblem) };
      }
      if (query === 'scenario-card') {
        const card: PrevalidatedCard = result.ok ? summarize(result.scenario) : null;
        return `export default ${JSON.stringify(card)};`;
      }
      return `export default ${JSON.stringify(result)};`;
    },
  };
}
