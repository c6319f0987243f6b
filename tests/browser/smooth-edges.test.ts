import { describe, expect, it } from 'vitest';
import { actAndWait, openMenu } from './harness.ts';
import { fileHarness, layout, quickPage } from './ux-helpers.ts';

/**
 * The game draws without multisampling (in software WebGL it made every frame four times as
 * expensive); its shapes smooth their own edges instead. A rounded corner must still blend into what
 * is behind it, and a straight side must stay as crisp as a pixel line.
 */
describe('smooth edges without multisampling', () => {
  const h = fileHarness();

  it('blends rounded corners into the room and keeps straight sides crisp', async () => {
    const { page, errors } = await quickPage(h.browser);
    await openMenu(page, `${h.url}?seed=7`);
    await actAndWait(page, 'start');
    await actAndWait(page, 'briefing-continue');
    await page.waitForFunction(() => window.__walkaway?.drawing === false, undefined, { timeout: 30_000 });
    // A tall panel standing on the floor (one flat colour below the window): its bottom-left corner
    // lies on the floor, with the panel's shadow beside it.
    const panel = (await layout(page)).panels.filter((p) => p.y + p.height > 500 && p.height > 300).sort((a, b) => b.height - a.height)[0];
    expect(panel).toBeDefined();
    const { x, y, height } = panel!;
    const png = (await page.locator('#game canvas').screenshot()).toString('base64');
    const found = await page.evaluate(
      async ({ b64, corner, side }) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const c = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const colours = (r: { x: number; y: number; width: number; height: number }) => {
          const d = ctx.getImageData(r.x, r.y, r.width, r.height).data;
          const set = new Set<number>();
          for (let i = 0; i < d.length; i += 4) set.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
          return set.size;
        };
        return { corner: colours(corner), outside: colours(side.outside), inside: colours(side.inside) };
      },
      {
        b64: png,
        // The canvas is 1280x720 here: stage and screenshot pixels coincide.
        corner: { x, y: y + height - 16, width: 16, height: 16 },
        // Along the side where it stands on the floor (below y 440), clear of the corners.
        side: { outside: { x: x - 1, y: 450, width: 1, height: y + height - 20 - 450 }, inside: { x, y: 450, width: 1, height: y + height - 20 - 450 } },
      },
    );
    // Floor, shadow and panel, and the shades between them along the curve (without smoothing, three).
    expect(found.corner).toBeGreaterThanOrEqual(8);
    // The column just left of the panel is all floor, the panel's first column all panel: no blur.
    expect(found.outside).toBe(1);
    expect(found.inside).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
