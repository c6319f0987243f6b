import { describe, expect, it } from 'vitest';
import { breakLongWords, splitsShortWord, wrapText, type Measure } from '../../../src/game/ui/wrap-text.ts';

/** A monospaced stand-in for the canvas: every character 10 px wide (counts its calls and characters). */
function monospace() {
  const stats = { calls: 0, chars: 0 };
  const measure: Measure = (s) => {
    stats.calls++;
    stats.chars += s.length;
    return s.length * 10;
  };
  return { measure, stats };
}

describe('wrapping text to a width', () => {
  it('keeps a line that fits, and fills lines word by word otherwise', () => {
    const { measure } = monospace();
    expect(wrapText('Short line.', 200, measure)).toEqual(['Short line.']);
    // 100 px: ten characters, counting the space after each word while a line fills.
    expect(wrapText('one two three four five', 100, measure)).toEqual(['one two', 'three', 'four five']);
  });

  it('collapses runs of spaces, trims lines and keeps line breaks, like the wrapping it replaces', () => {
    const { measure } = monospace();
    expect(wrapText('  alpha    beta  \ngamma', 110, measure)).toEqual(['alpha beta', 'gamma']);
    expect(wrapText('  alpha    beta  \ngamma', 100, measure)).toEqual(['alpha', 'beta', 'gamma']);
    expect(wrapText('first\n\nthird', 1000, measure)).toEqual(['first', '', 'third']);
  });

  it('breaks a word wider than the line into full lines, and lets the next words join its last piece', () => {
    const { measure } = monospace();
    expect(wrapText('abcdefghijklmnopqrstuvwxy z', 100, measure)).toEqual(['abcdefghij', 'klmnopqrst', 'uvwxy z']);
    expect(wrapText('go abcdefghijklmnop', 100, measure)).toEqual(['go', 'abcdefghij', 'klmnop']);
  });

  it('never loses or reorders a character', () => {
    const { measure } = monospace();
    const text = 'Tell me what happens if we do not sign by Friday, and who else you are talking to: ' + 'x'.repeat(137) + ' then more words.';
    const lines = wrapText(text, 170, measure);
    expect(lines.join(' ').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(170);
  });

  it('wraps a 200,000-character word in linear time: each character measured a bounded number of times', () => {
    const { measure, stats } = monospace();
    const word = 'w'.repeat(200_000);
    const lines = wrapText(word, 590, measure);
    expect(lines).toHaveLength(Math.ceil(200_000 / 59));
    expect(lines.join('')).toBe(word);
    // Phaser's own wrapping measured about n²/2 characters for this (2e10): here a few times n.
    expect(stats.chars).toBeLessThan(5 * 200_000);
  });

  it('wraps 200,000 characters of ordinary words in linear time too', () => {
    const { measure, stats } = monospace();
    const text = 'a few words of a long speech '.repeat(7000);
    const lines = wrapText(text, 590, measure);
    expect(stats.chars).toBeLessThan(5 * text.length);
    expect(lines.length).toBeGreaterThan(3000);
  });
});

describe('breaking only the words wider than a line', () => {
  it('leaves spaces and short words as written and puts line breaks inside a long word', () => {
    const { measure } = monospace();
    expect(wrapText('', 100, measure)).toEqual(['']);
    expect(breakLongWords('keep  these   spaces', 100, measure)).toBe('keep  these   spaces');
    expect(breakLongWords('a abcdefghijklmnopqrstuvwxy b', 100, measure)).toBe('a abcdefghij\nklmnopqrst\nuvwxy b');
  });

  it('breaks a 200,000-character word in linear time', () => {
    const { measure, stats } = monospace();
    const broken = breakLongWords('w'.repeat(200_000), 590, measure);
    expect(broken.split('\n')).toHaveLength(Math.ceil(200_000 / 59));
    expect(stats.chars).toBeLessThan(3 * 200_000);
  });
});

describe('a short word broken across lines', () => {
  it('is found when a word of a few letters is split, and not when words only move to the next line', () => {
    expect(splitsShortWord('$200K', ['$200', 'K'])).toBe(true);
    expect(splitsShortWord('Open-ended, round-the-clock support', ['Open-ended,', 'round-the-clock support'])).toBe(false);
    expect(splitsShortWord('Three years with an expansion review', ['Three years with an', 'expansion revi', 'ew'])).toBe(true);
  });

  it('lets a word too long for any line break (a trainer may write one)', () => {
    const word = 'Unbreakable'.repeat(3);
    expect(splitsShortWord(`See ${word} here`, ['See', word.slice(0, 12), word.slice(12), 'here'])).toBe(false);
    expect(splitsShortWord(`See ${word} here $20K`, ['See', word.slice(0, 12), word.slice(12), 'here $20', 'K'])).toBe(true);
  });
});
