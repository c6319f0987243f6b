/**
 * Outlines of the shapes the game draws (rounded rectangles, circles, ellipses, arcs) as point lists,
 * and their offsets: what a feathered edge is built from (see smooth-graphics.ts). Pure geometry.
 */

export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned rectangle. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Corner radii of a rounded rectangle. */
export interface Radii {
  tl: number;
  tr: number;
  bl: number;
  br: number;
}

/**
 * The angle between two points of a curve of radius `r` such that the chord strays from the curve by
 * at most a sixth of a pixel: curves stay round at any size, small corners take few points.
 */
function stepFor(radius: number): number {
  const tolerance = 1 / 6;
  return radius <= tolerance ? Math.PI / 2 : 2 * Math.acos(1 - tolerance / radius);
}

/**
 * Points along an arc, with the canvas's (and Phaser's) angle rules: clockwise on screen unless
 * `anticlockwise`, angles in radians from the positive x axis, a sweep of a whole turn or more a circle.
 */
export function arcPoints(cx: number, cy: number, radius: number, start: number, end: number, anticlockwise = false): Point[] {
  let sweep = end - start;
  const turn = Math.PI * 2;
  if (!anticlockwise && sweep < 0) sweep = (sweep % turn) + turn;
  if (anticlockwise && sweep > 0) sweep = (sweep % turn) - turn;
  if (Math.abs(sweep) > turn) sweep = Math.sign(sweep) * turn;
  const count = Math.max(1, Math.ceil(Math.abs(sweep) / stepFor(radius)));
  const points: Point[] = [];
  for (let i = 0; i <= count; i++) {
    const a = start + (sweep * i) / count;
    points.push({ x: cx + Math.cos(a) * radius, y: cy + Math.sin(a) * radius });
  }
  return points;
}

/** The outline of a rectangle, clockwise on screen from its top-left corner. */
export function rectOutline(x: number, y: number, width: number, height: number): Point[] {
  return [
    { x, y },
    { x: x + width, y },
    { x: x + width, y: y + height },
    { x, y: y + height },
  ];
}

/** The outline of a rounded rectangle, clockwise on screen from the end of the top-left corner. */
export function roundedRectOutline(x: number, y: number, width: number, height: number, radius: number | Radii): Point[] {
  const r = typeof radius === 'number' ? { tl: radius, tr: radius, bl: radius, br: radius } : radius;
  // No corner rounder than the rectangle allows (as the canvas's roundRect does).
  const fit = Math.min(1, width / Math.max(r.tl + r.tr, r.bl + r.br, 1e-9), height / Math.max(r.tl + r.bl, r.tr + r.br, 1e-9));
  const [tl, tr, bl, br] = [r.tl, r.tr, r.bl, r.br].map((v) => Math.abs(v) * fit) as [number, number, number, number];
  const q = Math.PI / 2;
  return [
    ...arcPoints(x + width - tr, y + tr, tr, -q, 0),
    ...arcPoints(x + width - br, y + height - br, br, 0, q),
    ...arcPoints(x + bl, y + height - bl, bl, q, 2 * q),
    ...arcPoints(x + tl, y + tl, tl, 2 * q, 3 * q),
  ];
}

/** The outline of an ellipse centred on (cx, cy). */
export function ellipseOutline(cx: number, cy: number, width: number, height: number): Point[] {
  const rx = width / 2;
  const ry = height / 2;
  const count = Math.max(8, Math.ceil((Math.PI * 2) / stepFor(Math.max(rx, ry))));
  const points: Point[] = [];
  for (let i = 0; i < count; i++) {
    const a = (Math.PI * 2 * i) / count;
    points.push({ x: cx + Math.cos(a) * rx, y: cy + Math.sin(a) * ry });
  }
  return points;
}

/** The points without repeats (consecutive ones closer than a hundredth of a pixel), and for a closed outline without a last point equal to the first. */
export function withoutRepeats(points: readonly Point[], closed: boolean): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p.x - last.x, p.y - last.y) > 0.01) out.push(p);
  }
  while (closed && out.length > 2 && Math.hypot(out[0]!.x - out[out.length - 1]!.x, out[0]!.y - out[out.length - 1]!.y) <= 0.01) out.pop();
  return out;
}

/** Twice the signed area: positive when the outline runs clockwise on screen (y pointing down). */
function signedArea(points: readonly Point[]): number {
  let sum = 0;
  points.forEach((p, i) => {
    const q = points[(i + 1) % points.length]!;
    sum += p.x * q.y - q.x * p.y;
  });
  return sum;
}

/** The unit normal of the segment a -> b, on its left on screen (outward for a clockwise outline). */
function normalOf(a: Point, b: Point): Point {
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  return { x: (b.y - a.y) / length, y: -(b.x - a.x) / length };
}

/** How far a corner's offset point may move, in distances: sharp tips are cut short rather than spiked. */
const MITER_LIMIT = 4;

/**
 * The outline moved by `distance` along its normals (outward for a closed outline, whichever way it
 * runs; to one side for an open line), with mitred corners; the ends of an open line move straight
 * sideways. Point i of the result belongs to point i of the input.
 */
export function offsetOutline(points: readonly Point[], closed: boolean, distance: number): Point[] {
  const n = points.length;
  const sign = closed && signedArea(points) < 0 ? -1 : 1;
  return points.map((p, i) => {
    const prev = i > 0 ? points[i - 1]! : closed ? points[n - 1]! : null;
    const next = i < n - 1 ? points[i + 1]! : closed ? points[0]! : null;
    const before = prev ? normalOf(prev, p) : null;
    const after = next ? normalOf(p, next) : null;
    let nx: number;
    let ny: number;
    if (before && after) {
      const sx = before.x + after.x;
      const sy = before.y + after.y;
      const length = Math.hypot(sx, sy);
      if (length < 1e-6) {
        nx = after.x;
        ny = after.y;
      } else {
        const scale = 1 / Math.max((sx / length) * after.x + (sy / length) * after.y, 1 / MITER_LIMIT);
        nx = (sx / length) * scale;
        ny = (sy / length) * scale;
      }
    } else {
      const only = (before ?? after)!;
      nx = only.x;
      ny = only.y;
    }
    return { x: p.x + nx * distance * sign, y: p.y + ny * distance * sign };
  });
}
