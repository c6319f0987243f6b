import type Phaser from 'phaser';
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
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly labels: Phaser.GameObjects.Text[] = [];
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
    this.g = scene.add.graphics();
  }

  /** Moves the marker to the new value (animated, so a change is noticed). */
  set(state: ValueScaleState): void {
    this.state = state;
    const from = this.shownValue ?? state.value;
    this.tween?.stop();
    const counter = { v: from };
    this.tween = this.scene.tweens.add({
      targets: counter,
      v: state.value,
      duration: from === state.value || prefersReducedMotion() ? 0 : 450,
      ease: 'Cubic.easeOut',
      onUpdate: () => this.draw(counter.v),
      onComplete: () => this.draw(state.value),
    });
    this.draw(from);
  }

  private draw(value: number): void {
    const s = this.state;
    if (!s) return;
    this.shownValue = value;
    const lo = Math.min(s.walkAway, s.value) - Math.abs(s.target - s.walkAway) * 0.5;
    const hi = Math.max(s.target, s.value) + Math.abs(s.target - s.walkAway) * 0.5;
    const px = (v: number) => this.x + ((v - lo) / (hi - lo || 1)) * this.width;
    const g = this.g.clear();
    const y = this.y;
    g.fillStyle(COLORS.danger, 0.55).fillRect(this.x, y, px(s.walkAway) - this.x, 12);
    g.fillStyle(COLORS.warm, 0.55).fillRect(px(s.walkAway), y, px(s.target) - px(s.walkAway), 12);
    g.fillStyle(COLORS.success, 0.55).fillRect(px(s.target), y, this.x + this.width - px(s.target), 12);
    g.lineStyle(3, COLORS.danger, 1).lineBetween(px(s.walkAway), y - 8, px(s.walkAway), y + 20);
    g.lineStyle(3, COLORS.success, 1).lineBetween(px(s.target), y - 8, px(s.target), y + 20);
    const color = value < s.walkAway ? COLORS.danger : value < s.target ? COLORS.warm : COLORS.success;
    const mx = px(value);
    g.fillStyle(COLORS.text, 1).fillTriangle(mx - 11, y - 14, mx + 11, y - 14, mx, y + 2);
    g.fillStyle(color, 1).fillTriangle(mx - 7, y - 12, mx + 7, y - 12, mx, y - 2);
    for (const t of this.labels) t.destroy();
    this.labels.length = 0;
    const label = (x: number, yy: number, text: string, c: number, originX: number) => {
      const t = this.scene.add.text(x, yy, text, { fontFamily: FONT, fontSize: '14px', color: css(c), fontStyle: 'bold' }).setOrigin(originX, 0);
      // Keep every label inside the scale's own width (the panel edge is just beyond it).
      const left = x - originX * t.width;
      const shift = Math.max(this.x - 8 - left, 0) + Math.min(this.x + this.width + 8 - (left + t.width), 0);
      t.setX(x + shift);
      this.labels.push(t);
    };
    // Walk-away reads to the left of its mark and target to the right, so the two never overlap.
    const low = s.walkAway <= s.target;
    label(px(s.walkAway) + (low ? -4 : 4), y + 22, `walk-away ${fmt(s.walkAway)}`, COLORS.danger, low ? 1 : 0);
    label(px(s.target) + (low ? 4 : -4), y + 22, `target ${fmt(s.target)}`, COLORS.success, low ? 0 : 1);
    label(Math.min(Math.max(mx, this.x + 40), this.x + this.width - 40), y - 36, `on the table: ${fmt(value)}`, COLORS.text, 0.5);
  }
}

export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
