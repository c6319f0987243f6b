import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenarioText, formatProblem, type ScenarioProblem } from '../../../src/engine/index.ts';

const MINI = readFileSync(new URL('../../fixtures/mini.yaml', import.meta.url), 'utf8');
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line containing ${needle}`);
  return i + 1;
}

function problemsOf(text: string): ScenarioProblem[] {
  const checked = checkScenarioText(text, 'broken.yaml');
  expect(checked.scenario).toBeNull();
  return checked.problems;
}

describe("YAML syntax problems in a trainer's words", () => {
  it('one mis-indented line gives one problem, at that line, with the line and a caret', () => {
    const text = fixture('mis-indented.yaml');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p).toMatchObject({ line: lineOf(text, '   label: Price'), col: 4, path: '' });
    expect(p!.message).toMatch(/not indented like the lines around it \(3 spaces here, 2 on line \d+\)/);
    expect(p!.message).not.toMatch(/Implicit keys|compact mappings|Sequence item/);
    const shown = formatProblem(p!).split('\n');
    expect(shown[1]).toMatch(/^ {2}\d+ \| {4}label: Price$/);
    // The caret sits under the column the problem names.
    expect(shown[2]!.indexOf('^') - shown[2]!.indexOf('|')).toBe(shown[1]!.indexOf('label') - shown[1]!.indexOf('|'));
  });

  it('an unquoted colon in a value: names the cause, the column of the colon, and shows the quoted fix', () => {
    const text = MINI.replace('    line: Can you move?', '    line: Can you move: now?');
    const [p, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ line: lineOf(text, 'Can you move: now?'), col: '    line: Can you move'.length + 1 });
    expect(p!.message).toMatch(/colon followed by a space inside a value/);
    expect(p!.message).toContain('line: "Can you move: now?"');
  });

  it('a tab used for indentation', () => {
    const text = MINI.replace('    label: Price', '\tlabel: Price');
    const [p] = problemsOf(text);
    expect(p).toMatchObject({ line: lineOf(text, '\tlabel: Price'), col: 1 });
    expect(p!.message).toMatch(/a tab is used to indent this line: indent with spaces only/);
  });

  it('an unclosed quote is reported where it opens, not at the end of the file', () => {
    const text = MINI.replace('    line: Can you move?', '    line: "Can you move?');
    const [p] = problemsOf(text);
    expect(p).toMatchObject({ line: lineOf(text, '"Can you move?'), col: 11 });
    expect(p!.message).toMatch(/a quote opened here is never closed/);
  });

  it('an unclosed bracket is reported where it opens', () => {
    const text = MINI.replace('  strength: 0.2', '  strength: [0.2');
    const [p] = problemsOf(text);
    expect(p).toMatchObject({ line: lineOf(text, 'strength: [0.2'), col: 13 });
    expect(p!.message).toMatch(/a bracket opened here is never closed: close the \[ … \]/);
  });

  it('a field written twice', () => {
    const text = MINI.replace('    patience: 2\n', '    patience: 2\n    patience: 3\n');
    const [p] = problemsOf(text);
    expect(p).toMatchObject({ line: lineOf(text, 'patience: 3') });
    expect(p!.message).toMatch(/written twice/);
  });

  it('at most one problem per line, in file order', () => {
    const text = MINI.replace('    label: Price', '\tlabel: Price').replace('    line: Can you move?', '    line: Can you move: now?');
    const lines = problemsOf(text).map((p) => p.line);
    expect(new Set(lines).size).toBe(lines.length);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });
});

describe('one slip, one message', () => {
  it('shifting one line of a shipped scenario (a space or two either way, or a tab) gives at most two problems, the first within three lines of the slip', () => {
    const text = readFileSync(new URL('../../../scenarios/renewal.yaml', import.meta.url), 'utf8');
    const lines = text.split('\n');
    let slips = 0;
    for (let i = 5; i < lines.length; i += 23) {
      const line = lines[i]!;
      if (!line.trim() || line.trim().startsWith('#')) continue;
      const variants = [' ' + line, '  ' + line, '\t' + line.trimStart(), ...(line.startsWith('  ') ? [line.slice(1), line.slice(2)] : [])];
      for (const variant of variants) {
        const copy = [...lines];
        copy[i] = variant;
        const problems = checkScenarioText(copy.join('\n'), 'renewal.yaml').problems;
        if (problems.length === 0) continue; // some shifts are still valid YAML with the same meaning
        slips++;
        expect(problems.length, `line ${i + 1} as ${JSON.stringify(variant)}`).toBeLessThanOrEqual(2);
        // A syntax slip is reported first where it is; valid YAML with another meaning (a field moved into
        // the mapping above) is reported where it lands, with the field it went missing from.
        expect(Math.min(...problems.map((p) => Math.abs(p.line - (i + 1)))), `line ${i + 1} as ${JSON.stringify(variant)}`).toBeLessThanOrEqual(3);
        if (problems[0]!.source !== undefined) expect(Math.abs(problems[0]!.line - (i + 1))).toBeLessThanOrEqual(3);
      }
    }
    expect(slips).toBeGreaterThan(40);
  });
});

describe('field paths and hints', () => {
  it('a field indented into the mapping above: missing where it belongs, unknown where it is, each naming the other', () => {
    const text = MINI.replace('unit: pts\n', '  unit: pts\n');
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['unit', `required field is missing (string expected) (a "unit" is written at line ${lineOf(text, '  unit: pts')}, in briefing: check its indentation)`],
      ['briefing.unit', 'unknown field "unit" here (it belongs in the scenario itself: check its indentation)'],
    ]);
  });

  it('counts list items from 1, and says when an unquoted comma split a label', () => {
    const text = fixture('comma-split-label.yaml');
    const problems = problemsOf(text);
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'issues[1].options[3].paid yearly',
        line: lineOf(text, 'label: 10% off, paid yearly'),
        message: expect.stringMatching(/^unknown field "paid yearly": an unquoted comma inside \{ \} ends a value.*label: "10% off, paid yearly"$/),
      }),
    ]);
    expect(formatProblem(problems[0]!)).toMatch(/^broken\.yaml:\d+:\d+ {2}issues\[1\]\.options\[3\]\.paid yearly {2}unknown field/);
  });

  it('reports shape and reference problems together, the references of the parts whose shape holds', () => {
    const text = MINI.replace('    patience: 2', '    patience: soon')
      .replace('        backedBy: [other-deal]', '        backedBy: [ghost]')
      .replace('  finalOffer: final', '  finalOffer: nowhere');
    expect(problemsOf(text).map((p) => [p.path, p.message])).toEqual([
      ['beats[3].choices[1].backedBy[1]', 'unknown fact "ghost"'],
      ['flow.finalOffer', 'no beat "nowhere"'],
      ['personas[1].patience', 'expected number, got string "soon"'],
    ]);
  });

  it('does not report a reference inside a part whose shape is wrong', () => {
    // The choice's `next` is a number (a shape problem): no second "no beat" problem for it.
    const text = MINI.replace('        reveals: [deadline]', '        reveals: [deadline]\n        next: 7').replace(
      '        backedBy: [other-deal]',
      '        backedBy: [ghost]',
    );
    expect(problemsOf(text).map((p) => p.path)).toEqual(['beats[2].choices[1].next', 'beats[3].choices[1].backedBy[1]']);
  });

  it('still reports shape problems when the file is far from a scenario', () => {
    expect(problemsOf('format: 1\nissues: 3\nbeats: [1, null]\npersonas: x\n').length).toBeGreaterThan(3);
  });
});
