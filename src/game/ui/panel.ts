import type Phaser from 'phaser';
import { drawsWithin } from '../render-on-change.ts';
import { registerPanel } from './layout-registry.ts';
import { addSmoothGraphics } from './smooth-graphics.ts';
import { COLORS } from './theme.ts';

/** A flat rounded panel (with its shadow): the surface every group of information sits on. */
export function drawPanel(scene: Phaser.Scene, x: number, y: number, width: number, height: number, color: number = COLORS.panel): Phaser.GameObjects.Graphics {
  const g = addSmoothGraphics(scene);
  g.fillStyle(0x000000, 0.22).fillRoundedRect(x + 4, y + 5, width, height, 16);
  g.fillStyle(color, 1).fillRoundedRect(x, y, width, height, 16);
  registerPanel(scene, { x, y, width, height });
  drawsWithin(g, { x, y, width: width + 4, height: height + 5 });
  return g;
}
