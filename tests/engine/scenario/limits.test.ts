import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError, type ScenarioProblem } from '../../../src/engine/index.ts';
import { FILE_LIMITS } from '../../../src/engine/scenario/load.ts';
import { LIMITS } from '../../../src/engine/scenario/schema.ts';
import { scenarioAtLimits } from '../../fixtures/at-limits.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const MINI = fixture('mini.yaml');

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line containing ${needle}`);
  return i + 1;
}

/** The problems a file is refused with; fails the test if loading throws anything but a ScenarioError. */
function problemsOf(text: string, file = 'limits.yaml'): ScenarioProblem[] {
  try {
    loadScenario(text, file);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw new Error(`expected a ScenarioError, got ${String(e)}`);
    return e.problems;
  }
  throw new Error('expected the scenario to be refused');
}

describe('files a hostile or careless writer could hand the loader', () => {
  it('refuses a YAML alias bomb at its first alias, with a ScenarioError and not a ReferenceError', () => {
    const bomb = fixture('alias-bomb.yaml');
    const [p, ...rest] = problemsOf(bomb, 'bomb.yaml');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: 'bomb.yaml', line: lineOf(bomb, 'b: &b'), path: '' });
    expect(p!.message).toMatch(/too many aliases/);
  });

  it('still reads a file that uses a few aliases', () => {
    const withAlias = MINI.replace('  conceded: Thanks. What else?', '  conceded: &thanks Thanks. What else?\n  held: *thanks');
    expect(loadScenario(withAlias, 'alias.yaml').reactions.held).toBe('Thanks. What else?');
  });

  it('refuses deep nesting, in brackets or by indentation, at the level past the limit', () => {
    const brackets = `id: x\nnested: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const [p] = problemsOf(brackets);
    expect(p).toMatchObject({ line: 2, path: '' });
    expect(p!.message).toMatch(`nested more than ${FILE_LIMITS.depth} levels deep`);
    const indented = 'a:\n' + Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i + 1)}b${i}:`).join('\n') + ' 1\n';
    const [q] = problemsOf(indented);
    expect(q!.message).toMatch(/nested more than/);
    expect(q!.line).toBe(FILE_LIMITS.depth + 1); // the mapping one level too deep starts there
  });

  it('refuses a file over the size limit before parsing it', () => {
    const big = `${MINI}\n# ${'x'.repeat(FILE_LIMITS.chars)}\n`;
    const [p] = problemsOf(big);
    expect(p).toMatchObject({ line: 1, col: 1, path: '' });
    expect(p!.message).toMatch(/too large .* at most 1,000,000/);
  });

  it('refuses a key named __proto__ at the key, instead of dropping it without a word', () => {
    const text = MINI.replace('      deadline: Our budget closes at month end.', '      deadline: Our budget closes at month end.\n      __proto__: Hello');
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        path: 'personas[1].answers.__proto__',
        line: lineOf(text, '__proto__: Hello'),
        col: 7,
        message: '"__proto__" cannot be used as a name here',
      }),
    ]);
  });

  it('refuses a second YAML document and a file that is only a scalar, plainly', () => {
    expect(problemsOf(`${MINI}\n---\nid: other\n`)[0]!.message).toMatch(/one document/);
    expect(problemsOf('just words\n')[0]!.message).toMatch(/YAML mapping/);
    expect(problemsOf('')[0]!.message).toMatch(/YAML mapping/);
  });
});

describe('whatever the text, loading gives a scenario or a ScenarioError', () => {
  it('holds for 300 damaged copies of a valid file (cut short, letters dropped, YAML punctuation inserted)', () => {
    let seed = 12345;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const marks = '*&[]{}:-|>!%@`\'"#\t\u0000';
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      const at = random(MINI.length);
      const kind = random(4);
      const text =
        kind === 0
          ? MINI.slice(0, at)
          : kind === 1
            ? MINI.slice(0, at) + MINI.slice(at + 1 + random(30))
            : kind === 2
              ? MINI.slice(0, at) + marks[random(marks.length)] + MINI.slice(at)
              : MINI.slice(0, at) + MINI.slice(random(MINI.length));
      try {
        loadScenario(text, 'damaged.yaml');
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        for (const p of (e as ScenarioError).problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.message.length).toBeGreaterThan(0);
        }
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(150);
  });
});

describe('the schema bounds what a trainer can write, in plain words', () => {
  it('refuses weights like 1e308 at the weight', () => {
    const text = fixture('huge-weights.yaml');
    const problems = problemsOf(text);
    expect(problems.map((p) => p.path)).toEqual(['scoring.weights.value', 'scoring.weights.concessions']);
    expect(problems[0]).toMatchObject({ line: lineOf(text, 'value: 1e308'), message: 'at most 100 (got 1e+308)' });
  });

  it('refuses 22 extra issues at the list of issues', () => {
    const text = fixture('extra-issues.yaml');
    const problems = problemsOf(text);
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'issues', line: lineOf(text, 'issues:') + 1, message: 'at most 8 issues (this list has 24)' }),
    );
  });

  it('refuses option values out of range, infinite or not numbers', () => {
    const huge = MINI.replace('you: 60, them: 0', 'you: 1e308, them: 0');
    expect(problemsOf(huge)[0]).toMatchObject({
      path: 'issues[1].options[1].you',
      message: 'at most 1,000,000 (got 1e+308)',
      line: lineOf(huge, 'you: 1e308'),
    });
    const infinite = MINI.replace('walkAway: 40', 'walkAway: .inf');
    expect(problemsOf(infinite)[0]).toMatchObject({ path: 'walkAway', message: 'expected number, got number Infinity' });
  });

  it('refuses a line over 2,000 characters, an id over 64 and a thirteenth persona', () => {
    const long = MINI.replace('line: Can you move?', `line: ${'word '.repeat(500)}`);
    expect(problemsOf(long)[0]).toMatchObject({ path: 'beats[3].line', message: expect.stringMatching(/^at most 2,000 characters \(this one has 2,49\d\)$/) });
    const longId = MINI.replace('id: ask-deadline', `id: ${'a'.repeat(65)}`);
    expect(problemsOf(longId)[0]).toMatchObject({ path: 'beats[2].choices[1].id', message: 'at most 64 characters (this one has 65)' });
    const personaBlock = MINI.slice(MINI.indexOf('  - id: buyer'));
    const many = MINI + Array.from({ length: LIMITS.personas }, (_, i) => personaBlock.replace('id: buyer', `id: buyer-${i}`)).join('');
    expect(problemsOf(many)).toContainEqual(expect.objectContaining({ path: 'personas', message: 'at most 12 personas (this list has 13)' }));
  });

  it('allows a file at every limit (8 issues of 6 options, 60 beats of 6 choices, 2,000-character lines)', () => {
    const text = scenarioAtLimits();
    expect(text.length).toBeLessThanOrEqual(FILE_LIMITS.chars);
    // How long it takes is a figure of `walkaway bench`, not a test (a busy machine would fail any bound).
    const s = loadScenario(text, 'at-limits.yaml');
    expect(s.issues).toHaveLength(8);
    expect(s.issues.every((i) => i.options.length === 6)).toBe(true);
    expect(s.beats).toHaveLength(60);
    expect(s.beats.every((b) => b.choices.length === 6)).toBe(true);
    expect(s.personas).toHaveLength(12);
    expect(Math.max(...s.beats.map((b) => (typeof b.line === 'string' ? b.line.length : 0)))).toBe(2000);
  }, 30_000);
});
