import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenarioText, formatProblem, type ScenarioProblem } from '../../../src/engine/index.ts';
import { amountsIn, editDistance, nearestTag } from '../../../src/engine/scenario/warnings.ts';

const MINI = readFileSync(new URL('../../fixtures/mini.yaml', import.meta.url), 'utf8');
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line containing ${needle}`);
  return i + 1;
}

/** The warnings of a file that loads (a file with warnings still loads and plays). */
function warningsOf(text: string): ScenarioProblem[] {
  const checked = checkScenarioText(text, 'mine.yaml');
  expect(checked.scenario).not.toBeNull();
  for (const p of checked.problems) expect(p.severity).toBe('warning');
  return checked.problems;
}

describe('warnings: what plays, but not as the trainer meant', () => {
  it('the valid fixture has none', () => {
    expect(warningsOf(MINI)).toEqual([]);
  });

  it('a trade whose give signs more than its words: "5% off" with give d15', () => {
    const text = fixture('trade-signs-more.yaml');
    const [w, ...rest] = warningsOf(text);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ path: 'beats[3].choices[2].give.price', line: lineOf(text, 'give: { price: d15 }') });
    expect(w!.message).toMatch(/the text says "5%" but give signs price at "d15" \(15% off\)/);
    expect(formatProblem(w!)).toMatch(/^mine\.yaml:\d+:\d+ {2}warning {2}beats\[3\]\.choices\[2\]\.give\.price {2}the text says/);
  });

  it('a line whose amounts match its terms is fine, durations included ("two years" with get two-year)', () => {
    const text = MINI.replace('text: 10% off for two years.', 'text: If you commit to two years, I can take 10% off.');
    expect(warningsOf(text)).toEqual([]);
  });

  it('an amount about an issue the terms do not touch', () => {
    const text = MINI.replace('text: 10% off for two years.', 'text: Sign for two years and I take 20% off.').replace(
      /give: \{ price: d10 \}\n {8}get: \{ term: two-year \}/,
      'give: { term: two-year }\n        get: { term: two-year }',
    );
    const ws = warningsOf(text);
    expect(ws.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/the text says "20%" \(Price\) but the choice's terms \(give, get\) do not touch price/),
    );
  });

  it('an amount no option names, left over from options since changed ("12% off" with options 5% to 25%)', () => {
    const text = MINI.replace('text: 10% off for two years.', 'text: 12% off for two years.');
    const [w, ...rest] = warningsOf(text);
    expect(rest).toEqual([]);
    expect(w!.path).toBe('beats[3].choices[2].give.price');
    expect(w!.message).toBe('the text says "12%" but no option of price is 12%: give signs it at "d10" (10% off), so make the text and the terms agree');
  });

  it('a relative amount ("another 10%") is not checked: its base is not in the text', () => {
    const text = MINI.replace('text: 10% off for two years.', 'text: Another 5% off for two years.');
    expect(warningsOf(text)).toEqual([]);
  });

  it('mistyped tags, with the nearest known tag', () => {
    const text = fixture('mistyped-tags.yaml');
    const ws = warningsOf(text);
    expect(ws.map((w) => [w.path, w.line])).toEqual([
      ['beats[2].choices[3].tags[2]', lineOf(text, 'tags: [hold, batna-strong]')],
      ['beats[3].choices[1].tags[1]', lineOf(text, 'tags: [claim-alternative]')],
    ]);
    expect(ws[0]!.message).toMatch(/tag "batna-strong" is not in the vocabulary: did you mean "batna:strong"\?/);
    expect(ws[1]!.message).toMatch(/did you mean "claim:alternative"\?/);
  });

  it("a scenario's own tag used by several choices is fine; used once, it is a warning", () => {
    const shared = MINI.replace('tags: [hold, batna:strong]\n', 'tags: [hold, batna:strong, rapport]\n').replace(
      '        text: I think the price is fair.\n        tags: [hold]',
      '        text: I think the price is fair.\n        tags: [hold, rapport]',
    );
    expect(warningsOf(shared)).toEqual([]);
    const once = MINI.replace('tags: [hold, batna:strong]\n', 'tags: [hold, batna:strong, rapport]\n');
    expect(warningsOf(once).map((w) => w.message)).toEqual([
      expect.stringMatching(/^tag "rapport" is not in the vocabulary\. The engine reads only known tags/),
    ]);
  });

  it('a tag that differs from a known one only in punctuation is a warning however often it is used', () => {
    const text = MINI.replace('tags: [hold, batna:strong]\n', 'tags: [hold, batna-strong]\n').replace(
      '        tags: [hold, batna:strong]\n      - id: fold',
      '        tags: [hold, batna-strong]\n      - id: fold',
    );
    expect(warningsOf(text)).toHaveLength(2);
  });

  it('a beat with one choice', () => {
    const text = fixture('one-choice-beat.yaml');
    const ws = warningsOf(text);
    expect(ws).toEqual([expect.objectContaining({ path: 'beats[3].choices' })]);
    // At the beat's "choices:" key, just under its line.
    expect(ws[0]!.line).toBe(lineOf(text, 'line: Can you move?') + 1);
    expect(ws[0]!.message).toMatch(/beat "middle" offers only one choice/);
  });

  it('a file with errors reports its errors, not warnings', () => {
    const text = fixture('mistyped-tags.yaml').replace('    patience: 2', '    patience: soon');
    const checked = checkScenarioText(text, 'mine.yaml');
    expect(checked.scenario).toBeNull();
    expect(checked.problems.map((p) => p.severity ?? 'error')).toEqual(['error']);
  });
});

describe('reading amounts and tags', () => {
  it('reads percentages, money and durations as written', () => {
    expect(amountsIn('If you commit to three years, I can take 5% off')).toEqual([
      { kind: 'percent', value: 5, text: '5%' },
      { kind: 'months', value: 36, text: 'three years' },
    ]);
    expect(amountsIn('$80K a year, or 64K with 18 months').map((a) => [a.kind, a.value])).toEqual([
      ['money', 80_000],
      ['money', 64_000],
      ['months', 12],
      ['months', 18],
    ]);
    expect(amountsIn('We have 3 people on it')).toEqual([]);
  });

  it('finds the nearest known tag by edit distance, and none for a word far from all of them', () => {
    expect(editDistance('batna-strong', 'batna:strong')).toBe(1);
    expect(nearestTag('claim-alternative')).toBe('claim:alternative');
    expect(nearestTag('trad')).toBe('trade');
    expect(nearestTag('relationship-building')).toBeUndefined();
  });
});
