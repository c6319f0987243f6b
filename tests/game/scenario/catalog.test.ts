import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ScenarioError } from '../../../src/engine/index.ts';
import { builtInScenarioFiles, entryOf, loadBuiltInFile, resolveSource } from '../../../src/game/scenario/catalog.ts';
import { sortForMenu } from '../../../src/game/scenario/scenario-card.ts';
import { builtInCards } from '../../../src/game/scenario/builtin-cards.ts';
import { loadBuiltInsInSlices } from '../../../src/game/scenario/builtin-loader.ts';
import { loadScenario } from '../../../src/engine/index.ts';
import { prevalidatedScenarios } from '../../../scripts/vite/scenario-plugin.ts';
import type { PrevalidatedScenario } from '../../../src/game/scenario/prevalidated.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

describe('scenario catalog', () => {
  it('bundles every scenarios/*.yaml file, validated at build time, and each one loads', () => {
    const files = builtInScenarioFiles();
    expect(files.map(([name]) => name)).toEqual([
      'scenarios/dominant-vendor.yaml',
      'scenarios/enterprise-deal.yaml',
      'scenarios/renewal.yaml',
      'scenarios/tutorial.yaml',
    ]);
    for (const [, pre] of files) {
      const loaded = loadBuiltInFile(pre);
      expect(Array.isArray(loaded) ? loaded : []).toEqual([]);
    }
  });

  it('the build turns a broken file into problem lines with file, line and field, which the menu reports', async () => {
    const plugin = prevalidatedScenarios();
    const load = plugin.load as (id: string) => Promise<string | null>;
    const code = await load.call({ addWatchFile() {} }, `${process.cwd()}/tests/fixtures/browser-broken.yaml?scenario`);
    const pre = JSON.parse(code!.replace(/^export default /, '').replace(/;$/, '')) as PrevalidatedScenario;
    expect(pre.ok).toBe(false);
    expect(loadBuiltInFile(pre)).toContain('tests/fixtures/browser-broken.yaml:155:17  personas[1].difficulty  at most 5 (got 9)');
    expect(await load.call({ addWatchFile() {} }, `${process.cwd()}/tests/fixtures/browser-broken.yaml`)).toBeNull();
  });

  it('the menu drawn before the engine loads lists what is then played: same scenarios, order, titles and counterparts', async () => {
    const cards = builtInCards();
    const { entries } = await loadBuiltInsInSlices(() => undefined);
    expect(cards.map((c) => c.id)).toEqual(entries.map((e) => e.id));
    expect(cards[0]!.scenario.tutorial).toBe(true);
    for (const [i, card] of cards.entries()) {
      const full = entries[i]!.scenario;
      expect(card.scenario).toMatchObject({
        title: full.title,
        role: full.role,
        counterpartRole: full.counterpartRole,
        summary: full.summary,
        tutorial: full.tutorial,
      });
      expect(card.scenario.passMark).toBe(full.passMark);
      expect(card.scenario.personas).toEqual(
        full.personas.map((p) => ({ id: p.id, name: p.name, title: p.title, difficulty: p.difficulty, archetype: p.archetype })),
      );
      // A summary, not the scenario: none of the negotiation data rides in the first download.
      expect(JSON.stringify(card.scenario).length).toBeLessThan(JSON.stringify(full).length / 10);
    }
  });

  it('a built-in file that does not load has no card (its problems are reported when the engine loads it)', async () => {
    const plugin = prevalidatedScenarios();
    const load = plugin.load as (id: string) => Promise<string | null>;
    const broken = await load.call({ addWatchFile() {} }, `${process.cwd()}/tests/fixtures/browser-broken.yaml?scenario-card`);
    expect(broken).toBe('export default null;');
    const mini = await load.call({ addWatchFile() {} }, `${process.cwd()}/tests/fixtures/browser-mini.yaml?scenario-card`);
    expect(JSON.parse(mini!.replace(/^export default /, '').replace(/;$/, ''))).toMatchObject({ id: 'browser-mini', tutorial: true });
  });

  it('puts the tutorial scenario first', () => {
    const mini = entryOf(loadScenario(fixture('browser-mini.yaml'), 'browser-mini.yaml'), { kind: 'builtin', id: 'browser-mini' });
    const plain = { ...mini, id: 'plain', scenario: { ...mini.scenario, tutorial: false } };
    expect(sortForMenu([plain, mini]).map((e) => e.id)).toEqual(['browser-mini', 'plain']);
  });

  it('rebuilds an uploaded scenario from a save, and refuses a built-in that is gone', () => {
    const entry = resolveSource({ kind: 'custom', fileName: 'mine.yaml', yaml: fixture('browser-mini.yaml') }, []);
    expect(entry.id).toBe('browser-mini');
    expect(() => resolveSource({ kind: 'custom', fileName: 'bad.yaml', yaml: fixture('browser-broken.yaml') }, [])).toThrow(ScenarioError);
    expect(() => resolveSource({ kind: 'builtin', id: 'nope' }, [])).toThrow(/no longer available/);
  });
});
