import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError, type ScenarioProblem } from '../../../src/engine/index.ts';

const MINI = readFileSync(new URL('../../fixtures/mini.yaml', import.meta.url), 'utf8');

/** 1-based line of the first line containing `needle` (so tests don't hard-code line numbers). */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`fixture has no line containing ${needle}`);
  return i + 1;
}

function problemsOf(text: string, file = 'broken.yaml'): ScenarioProblem[] {
  try {
    loadScenario(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).problems;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('loading scenario files', () => {
  it('loads the valid fixture', () => {
    const s = loadScenario(MINI, 'mini.yaml');
    expect(s.id).toBe('mini');
    expect(s.personas[0]!.belief).toBe(0.4); // defaults are filled in
  });

  it('reports a YAML syntax error with its line', () => {
    const broken = MINI.replace('  strength: 0.2', '  strength: [0.2');
    const [p] = problemsOf(broken);
    expect(p!.file).toBe('broken.yaml');
    expect(p!.message).toMatch(/a bracket opened here is never closed/);
    // The unclosed list is reported where the parser gives up: on that line or just after it.
    expect(p!.line).toBeGreaterThanOrEqual(lineOf(MINI, '  strength: 0.2'));
    expect(p!.line).toBeLessThanOrEqual(lineOf(MINI, '  strength: 0.2') + 2);
  });

  it('reports a missing field at the mapping that lacks it', () => {
    const broken = MINI.replace('    title: Procurement\n', '');
    const problems = problemsOf(broken);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'personas[1].title', line: lineOf(broken, '  - id: buyer') });
    expect(problems[0]!.message).toMatch(/required field is missing/);
  });

  it('reports a wrong type at the value, with what was expected', () => {
    const broken = MINI.replace('    patience: 2', '    patience: soon');
    const [p] = problemsOf(broken);
    expect(p).toMatchObject({ path: 'personas[1].patience', line: lineOf(broken, 'patience: soon'), col: 15 });
    expect(p!.message).toMatch(/expected number, got string "soon"/);
  });

  it('reports a choice pointing nowhere at its next field', () => {
    const broken = MINI.replace('        reveals: [deadline]', '        reveals: [deadline]\n        next: nowhere');
    const [p] = problemsOf(broken);
    expect(p).toMatchObject({ path: 'beats[2].choices[1].next', line: lineOf(broken, 'next: nowhere') });
    expect(p!.message).toBe('no beat "nowhere" to go to');
  });

  it('reports an unknown field (a typo) at the key itself', () => {
    const broken = MINI.replace('    skepticism: 1', '    skeptisism: 1');
    const problems = problemsOf(broken);
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'personas[1].skeptisism', line: lineOf(broken, 'skeptisism'), col: 5, message: 'unknown field "skeptisism"' }),
    );
    // ...and the field it should have been is reported missing.
    expect(problems.map((p) => p.path)).toContain('personas[1].skepticism');
  });

  it('reports every problem at once, not just the first', () => {
    // Three shape problems in three places of the file: all three, each at its own line.
    const shape = MINI.replace('    patience: 2', '    patience: soon')
      .replace('      - { id: d5, label: 5% off, you: 53, them: 5 }', '      - { id: d5, label: 5% off, you: lots, them: 5 }')
      .replace('    skepticism: 1', '    skepticism: 3');
    expect(problemsOf(shape).map((p) => [p.path, p.line])).toEqual([
      ['issues[1].options[2].you', lineOf(shape, 'you: lots')],
      ['personas[1].skepticism', lineOf(shape, 'skepticism: 3')],
      ['personas[1].patience', lineOf(shape, 'patience: soon')],
    ]);
    // Three broken references: all three.
    const refs = MINI.replace('        backedBy: [other-deal]', '        backedBy: [ghost]')
      .replace('give: { price: d10 }\n', 'give: { price: d99 }\n')
      .replace('  finalOffer: final', '  finalOffer: nowhere');
    // In file order.
    expect(problemsOf(refs).map((p) => p.message)).toEqual([
      'unknown option "d99" for issue "price" (options: full, d5, d10, d15, d20, d25)',
      'unknown fact "ghost"',
      'no beat "nowhere"',
    ]);
  });

  it('rejects a file that is not a mapping', () => {
    expect(problemsOf('- just\n- a list\n')[0]!.message).toMatch(/YAML mapping/);
  });
});
