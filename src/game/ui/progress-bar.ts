import type Phaser from 'phaser';
import { addSmoothGraphics } from './smooth-graphics.ts';
import { COLORS } from './theme.ts';

/** A loading bar: an outline and a fill that follows progress from 0 to 1. */
export class ProgressBar {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly x: number;
  private readonly y: number;
  private readonly width: number;

  constructor(scene: Phaser.Scene, x: number, y: number, width: number) {
    this.x = x;
    this.y = y;
    this.width = width;
    this.g = addSmoothGraphics(scene);
    this.set(0);
  }

  set(progress: number): void {
    const p = Math.min(1, Math.max(0, progress));
    this.g.clear();
    this.g.fillStyle(COLORS.panel, 1).fillRoundedRect(this.x, this.y, this.width, 18, 9);
    if (p > 0) this.g.fillStyle(COLORS.accent, 1).fillRoundedRect(this.x, this.y, Math.max(18, this.width * p), 18, 9);
  }
}
