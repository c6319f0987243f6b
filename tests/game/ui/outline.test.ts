import { describe, expect, it } from 'vitest';
import { arcPoints, ellipseOutline, offsetOutline, roundedRectOutline, withoutRepeats, type Point } from '../../../src/game/ui/outline.ts';

/** Distance from a point to a rounded rectangle's boundary (0 on it). */
function distanceToRoundedRect(p: Point, x: number, y: number, w: number, h: number, r: number): number {
  const cx = Math.min(Math.max(p.x, x + r), x + w - r);
  const cy = Math.min(Math.max(p.y, y + r), y + h - r);
  const inCorner = (p.x < x + r || p.x > x + w - r) && (p.y < y + r || p.y > y + h - r);
  if (inCorner) return Math.abs(Math.hypot(p.x - cx, p.y - cy) - r);
  return Math.min(Math.abs(p.x - x), Math.abs(p.x - x - w), Math.abs(p.y - y), Math.abs(p.y - y - h));
}

describe('shape outlines (what smooth edges are drawn along)', () => {
  it('follows a rounded panel exactly: straight sides on the pixel lines, corners within a sixth of a pixel of round', () => {
    const points = roundedRectOutline(40, 76, 250, 268, 16);
    for (const p of points) expect(distanceToRoundedRect(p, 40, 76, 250, 268, 16)).toBeLessThan(1e-9);
    // Between points the chord stays close to the arc: the corner looks round, not faceted.
    for (let i = 0; i < points.length; i++) {
      const a = points[i]!;
      const b = points[(i + 1) % points.length]!;
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      expect(distanceToRoundedRect(mid, 40, 76, 250, 268, 16)).toBeLessThanOrEqual(1 / 6 + 1e-9);
    }
    // The sides are single segments on whole-pixel coordinates: they draw as crisp as before.
    expect(points.some((p) => p.x === 290 && p.y === 76 + 16)).toBe(true);
    expect(points.some((p) => p.x === 40 && p.y === 76 + 268 - 16)).toBe(true);
  });

  it('keeps corners no rounder than the rectangle allows, and square corners square', () => {
    const pill = roundedRectOutline(0, 0, 100, 18, 20);
    for (const p of pill) expect(p.y).toBeGreaterThanOrEqual(-1e-9);
    for (const p of pill) expect(p.y).toBeLessThanOrEqual(18 + 1e-9);
    const topOnly = withoutRepeats(roundedRectOutline(0, 0, 200, 72, { tl: 60, tr: 60, bl: 0, br: 0 }), true);
    expect(topOnly).toContainEqual({ x: 200, y: 72 });
    expect(topOnly).toContainEqual({ x: 0, y: 72 });
  });

  it('gives big curves more points than small ones, and arcs run the way the canvas draws them', () => {
    expect(ellipseOutline(0, 0, 300, 300).length).toBeGreaterThan(ellipseOutline(0, 0, 8, 8).length);
    // Clockwise on screen from -90 degrees to 0: from the top to the right.
    const quarter = arcPoints(0, 0, 10, -Math.PI / 2, 0);
    expect(quarter[0]!.x).toBeCloseTo(0);
    expect(quarter[0]!.y).toBeCloseTo(-10);
    expect(quarter[quarter.length - 1]!.x).toBeCloseTo(10);
    // The same ends anticlockwise: the long way round, through the left.
    const long = arcPoints(0, 0, 10, -Math.PI / 2, 0, true);
    expect(Math.min(...long.map((p) => p.x))).toBeLessThan(-9.9);
  });

  it('moves an outline outward by the distance whichever way it runs, inward for a negative one', () => {
    const square = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 },
    ];
    for (const outline of [square, [...square].reverse()]) {
      const out = offsetOutline(outline, true, 0.5);
      for (const p of out) expect(Math.max(Math.abs(p.x - 5), Math.abs(p.y - 5))).toBeCloseTo(5.5);
      const inside = offsetOutline(outline, true, -0.5);
      for (const p of inside) expect(Math.max(Math.abs(p.x - 5), Math.abs(p.y - 5))).toBeCloseTo(4.5);
    }
  });

  it('moves the ends of an open line straight sideways (square ends, as Phaser draws lines)', () => {
    const side = offsetOutline(
      [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ],
      false,
      2,
    );
    expect(side.map((p) => p.x)).toEqual([0, 10]);
    expect(Math.abs(side[0]!.y)).toBeCloseTo(2);
    expect(side[0]!.y).toBeCloseTo(side[1]!.y);
  });
});
