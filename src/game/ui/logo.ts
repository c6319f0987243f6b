import type Phaser from 'phaser';
import { addSmoothGraphics } from './smooth-graphics.ts';
import { COLORS } from './theme.ts';

/** The Walkaway mark (an open door and a step out), the same drawing as assets/art/logo.svg. */
export function drawLogo(scene: Phaser.Scene, x: number, y: number, size: number): Phaser.GameObjects.Graphics {
  const k = size / 96;
  const g = addSmoothGraphics(scene, { x, y });
  g.fillStyle(COLORS.panel, 1).fillRoundedRect(4 * k, 4 * k, 88 * k, 88 * k, 20 * k);
  g.fillStyle(COLORS.backgroundDeep, 1).fillRoundedRect(26 * k, 18 * k, 40 * k, 62 * k, 4 * k);
  g.fillStyle(COLORS.accent, 1);
  g.beginPath();
  g.moveTo(26 * k, 18 * k);
  g.lineTo(52 * k, 24 * k);
  g.lineTo(52 * k, 86 * k);
  g.lineTo(26 * k, 80 * k);
  g.closePath();
  g.fillPath();
  g.fillStyle(COLORS.backgroundDeep, 1).fillCircle(46 * k, 54 * k, 3 * k);
  g.lineStyle(6 * k, COLORS.warm, 1);
  g.lineBetween(60 * k, 50 * k, 78 * k, 50 * k);
  g.lineBetween(70 * k, 42 * k, 78 * k, 50 * k);
  g.lineBetween(78 * k, 50 * k, 70 * k, 58 * k);
  return g;
}
