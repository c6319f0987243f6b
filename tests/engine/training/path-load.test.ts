import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../../src/engine/index.ts';
import { checkPathReferences, loadPath, looksLikePath } from '../../../src/engine/training/index.ts';

const root = new URL('../../../', import.meta.url);
const onboarding = readFileSync(new URL('scenarios/paths/onboarding.yaml', root), 'utf8');
const shipped = ['tutorial', 'enterprise-deal', 'renewal', 'dominant-vendor'].map((id) => {
  const text = readFileSync(new URL(`scenarios/${id}.yaml`, root), 'utf8');
  const personas = [...text.matchAll(/^ {2}- id: ([a-z-]+)\n {4}name:/gm)].map((m) => m[1]!);
  return { id, personas };
});

function problemsOf(text: string) {
  try {
    loadPath(text, 'team.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
  return [];
}

const small = `format: 1
kind: learning-path
id: team
title: Our team
steps:
  - id: first
    scenario: tutorial
    persona: friendly-manager
    mode: coach
    concept:
      title: Know your walk-away
      text: Compare every offer with it.
`;

describe('learning path files', () => {
  it('the shipped onboarding path loads: tutorial first, then ascending difficulty, every step a real scenario and persona', () => {
    const path = loadPath(onboarding, 'onboarding.yaml');
    expect(path.steps[0]!.scenario).toBe('tutorial');
    expect(path.steps.length).toBeGreaterThanOrEqual(8);
    expect(checkPathReferences(onboarding, 'onboarding.yaml', path, shipped)).toEqual([]);
    expect(looksLikePath(onboarding)).toBe(true);
    expect(path.steps.at(-1)!.mode).toBe('assessment');
  });

  it('reports a bad field at its line and column, like scenario files', () => {
    const text = small.replace('mode: coach', 'mode: lecture');
    const [p] = problemsOf(text);
    expect(p).toMatchObject({ file: 'team.yaml', line: 9, col: 11, path: 'steps[1].mode' });
    expect(p!.message).toMatch(/coach.*practice.*assessment/);
  });

  it('points at an unknown key and a missing field, and reports every problem at once', () => {
    const text = small.replace('    mode: coach\n', '    mood: coach\n').replace('title: Our team\n', '');
    const problems = problemsOf(text);
    expect(problems.map((p) => p.path).sort()).toEqual(['steps[1].mode', 'steps[1].mood', 'title']);
    const unknown = problems.find((p) => p.path === 'steps[1].mood')!;
    expect(unknown).toMatchObject({ line: 8, col: 5 });
    expect(unknown.message).toBe('unknown field "mood"');
  });

  it('refuses a duplicate step id, a pass mark above 100 and broken YAML, with positions', () => {
    const twice = small + small.slice(small.indexOf('  - id: first'));
    expect(problemsOf(twice)).toEqual([expect.objectContaining({ path: 'steps[2].id', line: 13, message: 'step id "first" is used twice' })]);
    expect(problemsOf(small.replace('mode: coach', 'mode: coach\n    passMark: 140'))[0]).toMatchObject({ path: 'steps[1].passMark', line: 10 });
    expect(problemsOf('format: 1\nkind: learning-path\nsteps: [\n')[0]!.message).toMatch(/^a bracket opened here is never closed/);
    expect(
      problemsOf(
        'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
      )[0],
    ).toMatchObject({ line: 2, message: expect.stringMatching(/^too many aliases/) });
    // Read by the same hardened reader as scenario files: deep nesting is refused before it can overflow the stack.
    expect(problemsOf(`format: 1\nkind: learning-path\nsteps: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)[0]!.message).toMatch(
      /^nested more than \d+ levels deep \(a path file/,
    );
  });

  it('names a step whose scenario or persona does not exist, at its line', () => {
    const text = small.replace('persona: friendly-manager', 'persona: nobody');
    const path = loadPath(text, 'team.yaml');
    const [p] = checkPathReferences(text, 'team.yaml', path, shipped);
    expect(p).toMatchObject({ line: 8, path: 'steps[1].persona' });
    expect(p!.message).toMatch(/no persona "nobody".*friendly-manager/);
  });
});
