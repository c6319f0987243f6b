import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError, type ScenarioProblem } from '../../../src/engine/index.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const MINI = fixture('mini.yaml');

function lineOf(text: string, needle: string, after = ''): number {
  const lines = text.split('\n');
  const from = after ? lines.findIndex((l) => l.includes(after)) : 0;
  const i = lines.findIndex((l, k) => k >= from && l.includes(needle));
  if (i < 0 || from < 0) throw new Error(`no line containing ${needle}`);
  return i + 1;
}

function problemsOf(text: string, file = 'structure.yaml'): ScenarioProblem[] {
  try {
    loadScenario(text, file);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw new Error(`expected a ScenarioError, got ${String(e)}`);
    return e.problems;
  }
  throw new Error('expected the scenario to be refused');
}

const replaced = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
  return text.replace(from, to);
};

describe('check refuses files that cannot be played through', () => {
  it("a final offer that leads back to a preparation beat, at that choice's next", () => {
    const text = fixture('final-offer-to-prep.yaml');
    const problems = problemsOf(text);
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'beats[4].choices[3].next',
        line: lineOf(text, 'next: prep'),
        message: expect.stringMatching(/"prep" is a preparation beat: once the negotiation has started it cannot go back/),
      }),
    ]);
  });

  it('any negotiation beat or interjection that leads back to preparation', () => {
    const text = replaced(MINI, '        tags: [batna:weak]\n', '        tags: [batna:weak]\n        next: prep\n');
    expect(problemsOf(text)).toEqual([expect.objectContaining({ path: 'interjections[1].choices[2].next', line: lineOf(text, 'next: prep') })]);
  });

  it('a beat whose choices can all be hidden, at its list of choices, saying when', () => {
    const text = fixture('hidden-choices.yaml');
    const problems = problemsOf(text);
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'beats[3].choices',
        line: lineOf(text, '- id: claim-other'),
        message: expect.stringMatching(/a dead end: when the player lacks "other-deal", every choice here is hidden/),
      }),
    ]);
  });

  it('a beat that hides every choice whatever the player holds', () => {
    const text = replaced(MINI, '        tags: [batna:weak]\n', '        tags: [batna:weak]\n        requires: [deadline]\n').replace(
      '        tags: [hold, batna:strong]\n      - id: fold',
      '        tags: [hold, batna:strong]\n        unless: [other-deal]\n      - id: fold',
    );
    // "stand" shows only without other-deal, "fold" only with the deadline: lacking both, neither shows.
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        path: 'interjections[1].choices',
        message: expect.stringMatching(/when the player holds "other-deal" and lacks "deadline"|when the player .*lacks "deadline"/),
      }),
    ]);
  });

  it('a beat is fine when its conditions cover every case', () => {
    // Either the fact is held or it is not: one of the two choices always shows.
    const text = replaced(
      MINI,
      '        tags: [hold, batna:strong]\n      - id: fold',
      '        tags: [hold, batna:strong]\n        requires: [other-deal]\n      - id: fold',
    ).replace('        tags: [batna:weak]\n', '        tags: [batna:weak]\n        unless: [other-deal]\n');
    expect(loadScenario(text, 'covered.yaml').interjections[0]!.choices).toHaveLength(2);
  });

  it('no accept choice at the final offer', () => {
    const text = fixture('no-accept.yaml');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        path: 'beats[4].choices',
        line: lineOf(text, '- id: sign'),
        message: 'the final offer has no "accept" choice: the player could never take the deal',
      }),
    ]);
  });

  it('no walk-away choice anywhere', () => {
    const text = replaced(MINI, 'tags: [walk-away]', 'tags: [hold]');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        path: 'beats',
        line: lineOf(text, '  - id: prep'),
        message: expect.stringMatching(/no choice the player can reach is tagged "walk-away"/),
      }),
    ]);
  });

  it('a loop of next links at the table that never reaches the final offer', () => {
    // Every choice of "middle" leads back to "open", and every choice of "open" to "middle".
    let text = MINI;
    for (const id of ['claim-other', 'trade-term', 'threaten', 'hold-middle'])
      text = replaced(text, `      - id: ${id}\n`, `      - id: ${id}\n        next: open\n`);
    for (const id of ['ask-deadline', 'give-ten', 'calm']) text = replaced(text, `      - id: ${id}\n`, `      - id: ${id}\n        next: middle\n`);
    const problems = problemsOf(text);
    expect(problems.map((p) => p.path)).toEqual(['beats[2].choices', 'beats[3].choices']);
    expect(problems[0]!.message).toMatch(/no way from here to an accept, a walk-away or the final offer: every choice leads to "middle"/);
  });

  it('a loop in preparation with nothing to stop it, but not one whose choice hides itself once taken', () => {
    const looping = replaced(
      MINI,
      '        effect: { batna: 0.3, facts: [other-deal], threads: true }\n',
      '        effect: { batna: 0.3, facts: [other-deal], threads: true }\n        next: prep\n',
    );
    expect(problemsOf(looping)).toEqual([
      expect.objectContaining({
        path: 'beats[1].choices[1].next',
        line: lineOf(looping, 'next: prep'),
        message: expect.stringMatching(/loops back to "prep" in preparation/),
      }),
    ]);
    const once = replaced(looping, '        next: prep\n', '        next: prep\n        unless: [other-deal]\n');
    expect(loadScenario(once, 'once.yaml').beats[0]!.choices[0]!.next).toBe('prep');
  });

  it('numbers that do not make sense together: a target below the walk-away, or above any deal', () => {
    const low = replaced(MINI, 'target: 70', 'target: 30');
    expect(problemsOf(low)).toEqual([
      expect.objectContaining({ path: 'target', line: lineOf(low, 'target: 30'), message: 'the target (30) must be above the walk-away (40)' }),
    ]);
    const high = replaced(MINI, 'target: 70', 'target: 90');
    expect(problemsOf(high)[0]!.message).toMatch(/above the best deal there is \(80/);
    const raised = replaced(
      MINI,
      'effect: { batna: 0.3, facts: [other-deal], threads: true }',
      'effect: { batna: 0.3, facts: [other-deal], threads: true, walkAway: 30 }',
    );
    expect(problemsOf(raised)).toEqual([
      expect.objectContaining({
        path: 'beats[1].choices[1].effect.walkAway',
        line: lineOf(raised, 'walkAway: 30'),
        message: 'preparation can raise the walk-away to 70, which is not below the target (70)',
      }),
    ]);
  });

  it('more packages than the limit, though no list is too long (6 of its 8 issues with 8 options)', () => {
    const issue = (i: number) =>
      `  - id: extra-${i}\n    label: Extra ${i}\n    options:\n${Array.from({ length: 8 }, (_, j) => `      - { id: o${j}, label: O${j}, you: ${j}, them: ${7 - j} }\n`).join('')}`;
    const text = replaced(MINI, 'batna:\n  strength', `${Array.from({ length: 6 }, (_, i) => issue(i)).join('')}batna:\n  strength`)
      .replace(
        'proposal: { price: full, term: one-year }',
        `proposal: { price: full, term: one-year, ${Array.from({ length: 6 }, (_, i) => `extra-${i}: o0`).join(', ')} }`,
      )
      .replace(
        '      - { id: d25, label: 25% off, you: 20, them: 25 }\n',
        '      - { id: d25, label: 25% off, you: 20, them: 25 }\n      - { id: d30, label: 30% off, you: 15, them: 30 }\n',
      );
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        path: 'issues',
        line: lineOf(text, '  - id: price'),
        message: expect.stringMatching(/^3,670,016 possible packages .* at most 1,679,616/),
      }),
    ]);
  });

  it("a tactic timed after the counterpart's patience has run out", () => {
    const text = replaced(MINI, '    patience: 2\n', '    patience: 2\n    tactics:\n      - { kind: deadline, turn: 3, beat: test-claim }\n');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({ path: 'personas[1].tactics[1].turn', line: lineOf(text, 'kind: deadline'), message: expect.stringMatching(/never be played/) }),
    ]);
  });

  it('reports every structural problem of a file together', () => {
    const text = replaced(fixture('final-offer-to-prep.yaml'), 'tags: [accept]', 'tags: [hold]');
    expect(
      problemsOf(text)
        .map((p) => p.path)
        .sort(),
    ).toEqual(['beats[4].choices', 'beats[4].choices[3].next']);
  });

  it('passes every shipped scenario and fixture meant to load', () => {
    for (const name of ['tutorial', 'enterprise-deal', 'renewal', 'dominant-vendor'])
      expect(loadScenario(readFileSync(new URL(`../../../scenarios/${name}.yaml`, import.meta.url), 'utf8'), `${name}.yaml`).id).toBe(name);
    for (const name of ['mini.yaml', 'browser-mini.yaml', 'guide-example.yaml']) expect(() => loadScenario(fixture(name), name)).not.toThrow();
  });
});
