import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario, loadScenario } from '../../../src/engine/index.ts';
import { exploreScenario } from '../../../src/engine/analysis/explore.ts';
import { compiledFixture } from '../../helpers.ts';

const MINI = readFileSync(new URL('../../fixtures/mini.yaml', import.meta.url), 'utf8');

describe('exploring every path', () => {
  it('finds no dead end or unreachable line in the mini fixture, and counts its paths', () => {
    const a = exploreScenario(compiledFixture('mini'));
    expect(a.unreachableBeats).toEqual([]);
    expect(a.unreachableChoices).toEqual([]);
    const [p] = a.personas;
    expect(p!.deadEnds).toEqual([]);
    // 2 prep x 3 opening x 4 middle (claims always tested: 2 answers) x 2 final, less the branches that end early.
    expect(p!.paths).toBeGreaterThan(30);
    expect(p!.scores.min).toBeLessThan(p!.scores.median);
    expect(p!.scores.median).toBeLessThanOrEqual(p!.scores.max);
    expect(p!.best.choices[0]).toBe('line-up-other');
    expect(p!.antiPatternsReachable).toEqual(expect.arrayContaining(['bluffing', 'threatening', 'concession-without-trade', 'ignoring-batna']));
  });

  it('finds a planted dead end and a planted unreachable line', () => {
    // Every choice of the middle beat now needs preparation, so skipping it leads nowhere; and a beat
    // placed after the final offer can never be reached.
    const planted = MINI.replace(/(tags: \[(claim:alternative|trade|threat|hold)\]\n)/g, '$1        requires: [other-deal]\n').replace(
      'interjections:',
      `  - id: orphan
    phase: bargaining
    line: Nobody ever hears this.
    choices:
      - { id: orphan-choice, text: Nobody ever says this., tags: [hold] }
interjections:`,
    );
    const a = exploreScenario(compileScenario(loadScenario(planted, 'planted.yaml')));
    expect(a.personas[0]!.deadEnds).toEqual([expect.objectContaining({ beat: 'middle' })]);
    expect(a.unreachableBeats).toEqual(['orphan']);
    expect(a.unreachableChoices).toEqual(['orphan-choice']);
  });
});
