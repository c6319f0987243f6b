import { describe, expect, it } from 'vitest';
import { misplacedTexts, overflowingTexts, overlappingTexts, type SceneLayout } from '../../../src/game/ui/layout-registry.ts';

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

describe('the layout checks of the screenshot sweep', () => {
  // A panel with a button in it, and a second button beside the panel's own button.
  const panel = box(300, 260, 900, 440);
  const back = box(640, 630, 240, 48);

  it('flags a label that starts in one button and runs on past its edge', () => {
    const layout: SceneLayout = { panels: [panel, back], texts: [{ text: 'walk-away 24', bounds: box(876, 640, 108, 17) }] };
    expect(overflowingTexts(layout).map((o) => o.text)).toEqual(['walk-away 24']);
  });

  it('flags a label that starts beside a button and runs into it, and nothing that stays clear', () => {
    const into: SceneLayout = { panels: [panel, back], texts: [{ text: 'walk-away 24', bounds: box(600, 640, 60, 17) }] };
    expect(overflowingTexts(into)).toEqual([]);
    expect(overlappingTexts(into).map((o) => o.panel)).toEqual([back]);
    const clear: SceneLayout = { panels: [panel, back], texts: [{ text: 'walk-away 24', bounds: box(900, 640, 108, 17) }] };
    expect(misplacedTexts(clear)).toEqual([]);
  });

  it("does not count a button's own label, nor a text inside the panels around it", () => {
    const layout: SceneLayout = {
      panels: [panel, back],
      texts: [
        { text: 'Back to the choices', bounds: box(680, 645, 160, 20) },
        { text: 'PROPOSE A PACKAGE', bounds: box(320, 270, 300, 16) },
      ],
    };
    expect(misplacedTexts(layout)).toEqual([]);
  });

  it('flags a short word broken across lines, and a text cut off or clipped with no mark', () => {
    const layout: SceneLayout = {
      panels: [panel],
      texts: [
        { text: '$200K', bounds: box(320, 300, 40, 34), lines: ['$200', 'K'] },
        {
          text: 'Losing an account your size would be escalated',
          bounds: box(320, 400, 300, 34),
          lines: ['Losing an account your', 'size would be escalated'],
          hiddenLines: 1,
        },
        { text: 'A whole sentence on two lines', bounds: box(320, 500, 300, 34), lines: ['A whole sentence', 'on two lines'], hiddenLines: 0 },
        { text: 'Office Manager, Harbourside Clinics', bounds: box(320, 600, 226, 17), lines: ['Office Manager, Harbourside Clinics'], clipped: true },
      ],
    };
    expect(misplacedTexts(layout).map((o) => `${o.kind}: ${o.text}`)).toEqual([
      'broken-word: $200K',
      'cut-off: Losing an account your size would be escalated',
      'cut-off: Office Manager, Harbourside Clinics',
    ]);
  });
});
