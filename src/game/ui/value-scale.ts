import type Phaser from 'phaser';
import { registerPanel } from './layout-registry.ts';
import { addSmoothGraphics } from './smooth-graphics.ts';
import { COLORS, css, FONT } from './theme.ts';
import { prefersReducedMotion } from '../a11y/reduced-motion.ts';

export interface ValueScaleState {
  value: number;
  walkAway: number;
  target: number;
  unit: string;
}

/**
 * The value of what is on the table, on one line with the player's walk-away and target marked: below
 * the walk-away is red, between the two amber, at or above the target green.
 */
export class ValueScale {
  /** The bars, the walk-away and target marks: drawn once per value. */
  private readonly g: Phaser.GameObjects.Graphics;
  /** The marker, redrawn on every step of its move. */
  private readonly marker: Phaser.GameObjects.Graphics;
  private readonly labels: Phaser.GameObjects.Text[] = [];
  private valueLabel: Phaser.GameObjects.Text | null = null;
  private readonly scene: Phaser.Scene;
  private readonly x: number;
  private readonly y: number;
  private readonly width: number;
  private shownValue: number | null = null;
  private tween: Phaser.Tweens.Tween | null = null;
  private state: ValueScaleState | null = null;

  constructor(scene: Phaser.Scene, x: number, y: number, width: number) {
    this.scene = scene;
    this.x = x;
    this.y = y;
    this.width = width;
    this.g = addSmoothGraphics(scene);
    this.marker = addSmoothGraphics(scene);
    // Its area, labels included, for the layout checks: nothing else may run into it, nor its labels out of it.
    registerPanel(scene, { x, y: y - 36, width, height: 76 });
  }

  /**
   * Moves the marker to the new value (animated, so a change is noticed), from `from` when given (the
   * value before a move, which need not be drawn first), else from where it is.
   */
  set(state: ValueScaleState, from: number = this.shownValue ?? state.value): void {
    this.state = state;
    this.tween?.stop();
    this.drawScale(state);
    const counter = { v: from };
    this.tween = this.scene.tweens.add({
      targets: counter,
      v: state.value,
      duration: from === state.value || prefersReducedMotion() ? 0 : 450,
      ease: 'Cubic.easeOut',
      onUpdate: () => this.drawMarker(counter.v),
      onComplete: () => this.drawMarker(state.value),
    });
    this.drawMarker(from);
  }

  /** Where a value lies on the scale: the walk-away, the target and the value on the table always fit. */
  private position(s: ValueScaleState, v: number): number {
    const lo = Math.min(s.walkAway, s.value) - Math.abs(s.target - s.walkAway) * 0.5;
    const hi = Math.max(s.target, s.value) + Math.abs(s.target - s.walkAway) * 0.5;
    return this.x + ((v - lo) / (hi - lo || 1)) * this.width;
  }

  /** A label at `x` (its anchor by `originX`), kept inside the scale's own width: whatever sits beside the scale stays clear. */
  private label(x: number, y: number, text: string, color: number, originX: number): Phaser.GameObjects.Text {
    const t = this.scene.add.text(x, y, text, { fontFamily: FONT, fontSize: '14px', color: css(color), fontStyle: 'bold' });
    t.setX(clampSpan(x - originX * t.width, t.width, this.x, this.x + this.width));
    return t;
  }

  private drawScale(s: ValueScaleState): void {
    const px = (v: number) => this.position(s, v);
    const g = this.g.clear();
    const y = this.y;
    g.fillStyle(COLORS.danger, 0.55).fillRect(this.x, y, px(s.walkAway) - this.x, 12);
    g.fillStyle(COLORS.warm, 0.55).fillRect(px(s.walkAway), y, px(s.target) - px(s.walkAway), 12);
    g.fillStyle(COLORS.success, 0.55).fillRect(px(s.target), y, this.x + this.width - px(s.target), 12);
    g.lineStyle(3, COLORS.danger, 1).lineBetween(px(s.walkAway), y - 8, px(s.walkAway), y + 20);
    g.lineStyle(3, COLORS.success, 1).lineBetween(px(s.target), y - 8, px(s.target), y + 20);
    for (const t of this.labels) t.destroy();
    this.labels.length = 0;
    // Walk-away reads to the left of its mark and target to the right, so the two rarely meet; when the
    // marks are close (an offer far beyond both squeezes them), the target label moves right of the
    // walk-away one, or to a line of its own below it.
    const low = s.walkAway <= s.target;
    const walkLabel = this.label(px(s.walkAway) + (low ? -4 : 4), y + 22, `walk-away ${fmt(s.walkAway)}`, COLORS.danger, low ? 1 : 0);
    const targetLabel = this.label(px(s.target) + (low ? 4 : -4), y + 22, `target ${fmt(s.target)}`, COLORS.success, low ? 0 : 1);
    this.labels.push(walkLabel, targetLabel);
    const [left, right] = walkLabel.x <= targetLabel.x ? [walkLabel, targetLabel] : [targetLabel, walkLabel];
    if (right.x < left.x + left.width + LABEL_GAP) {
      const pushed = left.x + left.width + LABEL_GAP;
      if (pushed + right.width <= this.x + this.width) right.setX(pushed);
      else right.setPosition(clampSpan(right.x, right.width, this.x, this.x + this.width), y + 22 + right.height + 2);
    }
  }

  /** The marker and its label at `value` (a step of the move: the rest of the scale stays as drawn). */
  private drawMarker(value: number): void {
    const s = this.state;
    if (!s) return;
    this.shownValue = value;
    const y = this.y;
    const color = value < s.walkAway ? COLORS.danger : value < s.target ? COLORS.warm : COLORS.success;
    const mx = this.position(s, value);
    const g = this.marker.clear();
    g.fillStyle(COLORS.text, 1).fillTriangle(mx - 11, y - 14, mx + 11, y - 14, mx, y + 2);
    g.fillStyle(color, 1).fillTriangle(mx - 7, y - 12, mx + 7, y - 12, mx, y - 2);
    const text = `on the table: ${fmt(value)}`;
    if (!this.valueLabel) {
      this.valueLabel = this.label(mx, y - 36, text, COLORS.text, 0.5);
      return;
    }
    const label = this.valueLabel;
    if (label.text !== text) label.setText(text);
    label.setX(clampSpan(mx - 0.5 * label.width, label.width, this.x, this.x + this.width));
  }
}

/** Space kept between the walk-away and target labels. */
const LABEL_GAP = 10;

/** The left edge of a span of `width` placed at `left`, moved the least to lie within [min, max]. */
export function clampSpan(left: number, width: number, min: number, max: number): number {
  return Math.max(min, Math.min(left, max - width));
}

export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
