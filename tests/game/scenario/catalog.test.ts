import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ScenarioError } from '../../../src/engine/index.ts';
import { builtInScenarioFiles, loadBuiltInFile, resolveSource, sortForMenu, type ScenarioEntry } from '../../../src/game/scenario/catalog.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

describe('scenario catalog', () => {
  it('bundles every scenarios/*.yaml file and each one loads', () => {
    const files = builtInScenarioFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const [name, text] of files) {
      expect(name).toMatch(/^scenarios\/.+\.yaml$/);
      const loaded = loadBuiltInFile(name, text);
      expect(Array.isArray(loaded) ? loaded : []).toEqual([]);
    }
  });

  it('turns a broken file into problem lines with file, line and field', () => {
    const loaded = loadBuiltInFile('tests/fixtures/browser-broken.yaml', fixture('browser-broken.yaml'));
    expect(Array.isArray(loaded)).toBe(true);
    expect(loaded).toContain('tests/fixtures/browser-broken.yaml:155:17  personas.0.difficulty  Too big: expected number to be <=5');
  });

  it('puts the tutorial scenario first', () => {
    const mini = loadBuiltInFile('browser-mini.yaml', fixture('browser-mini.yaml')) as ScenarioEntry;
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
