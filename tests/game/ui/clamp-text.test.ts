import { describe, expect, it } from 'vitest';
import { clampedText } from '../../../src/game/ui/clamp-text.ts';
import { wrapText } from '../../../src/game/ui/wrap-text.ts';

/** Wraps at `width` characters (every letter one unit wide). */
const wrapAt = (width: number) => (text: string) => wrapText(text, width, (s) => s.length);

describe('cutting a text to a number of lines', () => {
  it('leaves a text that fits alone', () => {
    const wrap = wrapAt(20);
    expect(clampedText(wrap('Coach · Sam Ortiz'), 1, wrap)).toBeNull();
  });

  it('ends the last line kept with "…", dropping words until the cut text fits, and never a dangling separator', () => {
    const wrap = wrapAt(24);
    const cut = clampedText(wrap('Practice · Jordan Pike · Renewing with the vendor'), 1, wrap);
    expect(cut).toBe('Practice · Jordan Pike…');
    expect(wrap(cut!)).toHaveLength(1);
  });

  it('keeps the lines before the last one as they were', () => {
    const wrap = wrapAt(10);
    expect(clampedText(wrap('one two three four five six'), 2, wrap)).toBe('one two\nthree…');
  });
});
