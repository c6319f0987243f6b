import Phaser from 'phaser';
import { arcPoints, ellipseOutline, offsetOutline, type Point, type Radii, type Rect, rectOutline, roundedRectOutline, withoutRepeats } from './outline.ts';

/**
 * A Graphics object whose curved and slanted edges come out smooth without the canvas's multisampling.
 *
 * Without a GPU, WebGL runs in software, and 4x multisampling made every whole frame about four times
 * as expensive (a new screen took 100-500 ms of the main thread). The game turns it off
 * (`antialiasGL: false`) and draws its shapes here instead: each edge gets a one-pixel fringe whose
 * opacity falls from the shape's to nothing across the edge, so a pixel the edge crosses is covered
 * about as much as the edge covers it. The fringe is ordinary flat-coloured triangles (vertex alpha), as
 * cheap to draw as the shape; an edge on a pixel boundary (a panel's straight sides) draws exactly as
 * before. Filled shapes are convex, as every shape of the game is.
 *
 * The drawing methods the game uses keep Phaser's meaning (fillRoundedRect, fillCircle, arc and
 * strokePath, lineBetween, ...).
 */
export class SmoothGraphics extends Phaser.GameObjects.Graphics {
  private fillColor = 0xffffff;
  private fillAlpha = 1;
  private lineWidth = 1;
  private lineColor = 0xffffff;
  private lineAlpha = 1;
  /** The path since beginPath: its subpaths, and whether each was closed. */
  private subpaths: { points: Point[]; closed: boolean }[] = [];

  constructor(scene: Phaser.Scene, options?: Phaser.Types.GameObjects.Graphics.Options) {
    super(scene, options);
    // Styles given as options were set before this object's own fields existed.
    if (this.defaultFillColor > -1) this.fillStyle(this.defaultFillColor, this.defaultFillAlpha);
    if (this.defaultStrokeColor > -1) this.lineStyle(this.defaultStrokeWidth, this.defaultStrokeColor, this.defaultStrokeAlpha);
  }

  override fillStyle(color: number, alpha = 1): this {
    this.fillColor = color;
    this.fillAlpha = alpha;
    return super.fillStyle(color, alpha);
  }

  override lineStyle(lineWidth: number, color: number, alpha = 1): this {
    this.lineWidth = lineWidth;
    this.lineColor = color;
    this.lineAlpha = alpha;
    return super.lineStyle(lineWidth, color, alpha);
  }

  override clear(): this {
    this.subpaths = [];
    return super.clear();
  }

  override fillRect(x: number, y: number, width: number, height: number): this {
    return this.fillOutline(rectOutline(x, y, width, height));
  }

  override strokeRect(x: number, y: number, width: number, height: number): this {
    return this.strokeLine(rectOutline(x, y, width, height), true);
  }

  override fillRoundedRect(
    x: number,
    y: number,
    width: number,
    height: number,
    radius: Phaser.Types.GameObjects.Graphics.RoundedRectRadius | number = 20,
  ): this {
    return this.fillOutline(roundedRectOutline(x, y, width, height, radiiOf(radius)));
  }

  /**
   * Fills a rounded rectangle except `hidden`, a rectangle inside it that something opaque drawn later
   * covers (a panel over its own shadow): without a GPU every pixel filled costs time, and a shadow
   * shows only along its edges.
   */
  fillRoundedRectUnder(x: number, y: number, width: number, height: number, radius: number, hidden: Rect): this {
    return this.fillOutline(roundedRectOutline(x, y, width, height, radiiOf(radius)), hidden.width > 0 && hidden.height > 0 ? hidden : null);
  }

  override strokeRoundedRect(
    x: number,
    y: number,
    width: number,
    height: number,
    radius: Phaser.Types.GameObjects.Graphics.RoundedRectRadius | number = 20,
  ): this {
    return this.strokeLine(roundedRectOutline(x, y, width, height, radiiOf(radius)), true);
  }

  override fillCircle(x: number, y: number, radius: number): this {
    return this.fillOutline(ellipseOutline(x, y, radius * 2, radius * 2));
  }

  override fillEllipse(x: number, y: number, width: number, height: number): this {
    return this.fillOutline(ellipseOutline(x, y, width, height));
  }

  override fillTriangle(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number): this {
    return this.fillOutline([
      { x: x0, y: y0 },
      { x: x1, y: y1 },
      { x: x2, y: y2 },
    ]);
  }

  override lineBetween(x1: number, y1: number, x2: number, y2: number): this {
    return this.strokeLine(
      [
        { x: x1, y: y1 },
        { x: x2, y: y2 },
      ],
      false,
    );
  }

  override beginPath(): this {
    this.subpaths = [];
    return this;
  }

  override moveTo(x: number, y: number): this {
    this.subpaths.push({ points: [{ x, y }], closed: false });
    return this;
  }

  override lineTo(x: number, y: number): this {
    this.currentSubpath().push({ x, y });
    return this;
  }

  override arc(x: number, y: number, radius: number, startAngle: number, endAngle: number, anticlockwise = false): this {
    this.currentSubpath().push(...arcPoints(x, y, radius, startAngle, endAngle, anticlockwise));
    return this;
  }

  override closePath(): this {
    const last = this.subpaths[this.subpaths.length - 1];
    if (last) last.closed = true;
    return this;
  }

  override fillPath(): this {
    for (const { points } of this.subpaths) this.fillOutline(points);
    return this;
  }

  override strokePath(): this {
    for (const { points, closed } of this.subpaths) this.strokeLine(points, closed);
    return this;
  }

  private currentSubpath(): Point[] {
    if (this.subpaths.length === 0) this.subpaths.push({ points: [], closed: false });
    return this.subpaths[this.subpaths.length - 1]!.points;
  }

  /**
   * Fills a convex outline: solid inside the line half a pixel in from the edge, fading to nothing
   * at half a pixel out.
   */
  private fillOutline(outline: readonly Point[], hidden: Rect | null = null): this {
    const points = withoutRepeats(outline, true);
    if (points.length < 3) return this;
    const inner = offsetOutline(points, true, -0.5);
    const outer = offsetOutline(points, true, 0.5);
    const { fillColor: color, fillAlpha: alpha } = this;
    if (hidden) {
      // Each inner point joined to the nearest point of the hidden rectangle: the strips between
      // consecutive pairs tile the ring between the two without overlap (a convex outline around a
      // convex hole), so a translucent fill is not doubled anywhere.
      const nearest = inner.map((p) => ({
        x: Math.min(Math.max(p.x, hidden.x), hidden.x + hidden.width),
        y: Math.min(Math.max(p.y, hidden.y), hidden.y + hidden.height),
      }));
      this.band(inner, nearest, true, alpha, alpha);
    } else {
      const cx = inner.reduce((sum, p) => sum + p.x, 0) / inner.length;
      const cy = inner.reduce((sum, p) => sum + p.y, 0) / inner.length;
      for (let i = 0; i < inner.length; i++) {
        const a = inner[i]!;
        const b = inner[(i + 1) % inner.length]!;
        super.fillTriangle(cx, cy, a.x, a.y, b.x, b.y);
      }
    }
    this.band(inner, outer, true, alpha, 0);
    super.fillStyle(color, alpha);
    return this;
  }

  /** Strokes a line of the current width, solid in its middle with a one-pixel fade on each side. */
  private strokeLine(line: readonly Point[], closed: boolean): this {
    const points = withoutRepeats(line, closed);
    if (points.length < 2) return this;
    const half = this.lineWidth / 2;
    const alpha = this.lineAlpha;
    // A line thinner than a pixel is a fade in and out, as faint as it is thin.
    const [offsets, alphas] =
      half >= 0.5
        ? [
            [-half - 0.5, -half + 0.5, half - 0.5, half + 0.5],
            [0, alpha, alpha, 0],
          ]
        : [
            [-half - 0.5, 0, half + 0.5],
            [0, alpha * half * 2, 0],
          ];
    const sides = offsets.map((d) => offsetOutline(points, closed, d));
    for (let j = 0; j + 1 < sides.length; j++) this.band(sides[j]!, sides[j + 1]!, closed, alphas[j]!, alphas[j + 1]!, this.lineColor);
    super.fillStyle(this.fillColor, this.fillAlpha);
    return this;
  }

  /**
   * Fills the strip between two matching point lists, the opacity going from `fromAlpha` on the first
   * to `toAlpha` on the second (per-vertex colour: no texture, no extra draw call).
   */
  private band(from: readonly Point[], to: readonly Point[], closed: boolean, fromAlpha: number, toAlpha: number, color = this.fillColor): void {
    const count = closed ? from.length : from.length - 1;
    const quads = (emit: (a: Point, b: Point, c: Point, d: Point) => void) => {
      for (let i = 0; i < count; i++) {
        const k = (i + 1) % from.length;
        emit(from[i]!, from[k]!, to[i]!, to[k]!);
      }
    };
    // Triangles with two vertices on the first line, then those with two on the second: one style each.
    super.fillGradientStyle(color, color, color, color, fromAlpha, fromAlpha, toAlpha, toAlpha);
    quads((a, b, c) => super.fillTriangle(a.x, a.y, b.x, b.y, c.x, c.y));
    super.fillGradientStyle(color, color, color, color, fromAlpha, toAlpha, toAlpha, toAlpha);
    quads((_a, b, c, d) => super.fillTriangle(b.x, b.y, d.x, d.y, c.x, c.y));
  }
}

function radiiOf(radius: Phaser.Types.GameObjects.Graphics.RoundedRectRadius | number): Radii {
  if (typeof radius === 'number') return { tl: radius, tr: radius, bl: radius, br: radius };
  return { tl: radius.tl ?? 20, tr: radius.tr ?? 20, bl: radius.bl ?? 20, br: radius.br ?? 20 };
}

/** Adds a SmoothGraphics object to the scene (as `scene.add.graphics` adds a Graphics one). */
export function addSmoothGraphics(scene: Phaser.Scene, options?: Phaser.Types.GameObjects.Graphics.Options): SmoothGraphics {
  return scene.add.existing(new SmoothGraphics(scene, options));
}
