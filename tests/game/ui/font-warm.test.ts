import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT } from '../../../src/game/ui/theme.ts';

const css = readFileSync(new URL('../../../src/game/page.css', import.meta.url), 'utf8');
const html = readFileSync(new URL('../../../index.html', import.meta.url), 'utf8');

/**
 * The page lays out the canvas texts' fonts while the script downloads (index.html .font-warm), so the
 * first screen finds them ready: only a font of the same family is the same font to the browser.
 */
describe('the fonts the page finds before the game starts', () => {
  it('are the family the canvas texts are drawn in', () => {
    const family = /\.font-warm \{[^}]*font-family: ([^;]+);/.exec(css)?.[1];
    expect(family).toBe(FONT);
  });

  it('each have a size and weight in the page style', () => {
    const sizes = [...html.matchAll(/<span class="([bn]\d+)">/g)].map((m) => m[1]!);
    expect(sizes.length).toBeGreaterThan(10);
    for (const size of sizes)
      expect(css).toMatch(new RegExp(`\\.font-warm \\.${size} \\{ font-size: ${size.slice(1)}px;${size[0] === 'n' ? ' font-weight: normal;' : ''} \\}`));
  });
});
