import type Phaser from 'phaser';
import { drawsWithin } from '../render-on-change.ts';
import { registerPanel } from './layout-registry.ts';
import { addSmoothGraphics } from './smooth-graphics.ts';
import { COLORS } from './theme.ts';

/** A flat rounded panel (with its shadow): the surface every group of information sits on. */
export function drawPanel(scene: Phaser.Scene, x: number, y: number, width: number, height: number, color: number = COLORS.panel): Phaser.GameObjects.Graphics {
  const g = addSmoothGraphics(scene);
  // The shadow shows only along the panel's edges: its middle is not filled at all.
  g.fillStyle(0x000000, 0.22).fillRoundedRectUnder(x + 4, y + 5, width, height, 16, { x: x + 16, y: y + 16, width: width - 32, height: height - 32 });
  g.fillStyle(color, 1).fillRoundedRect(x, y, width, height, 16);
  registerPanel(scene, { x, y, width, height });
  // With the half pixel its smooth edges reach beyond the shapes.
  drawsWithin(g, { x: x - 1, y: y - 1, width: width + 6, height: height + 7 });
  return g;
}
