import type Phaser from 'phaser';
import { COLORS, GAME_HEIGHT, GAME_WIDTH } from './theme.ts';

/**
 * The meeting-room backdrop shared by the scenes: a wall with a window grid and a table edge, in flat
 * shapes. `table` adds the table the counterpart sits behind.
 */
export function drawBackdrop(scene: Phaser.Scene, options: { table?: boolean } = {}): Phaser.GameObjects.Graphics {
  const g = scene.add.graphics();
  g.fillStyle(COLORS.background, 1).fillRect(0, 0, GAME_WIDTH, GAME_HEIGHT);
  // Window with a skyline: soft blocks of colour behind everything.
  g.fillStyle(0x222b3c, 1).fillRect(0, 0, GAME_WIDTH, 430);
  const skyline = [60, 120, 90, 160, 70, 140, 110, 180, 95, 130, 75, 150, 100, 170, 85, 125];
  skyline.forEach((h, i) => {
    g.fillStyle(i % 2 ? 0x283349 : 0x2c3850, 1).fillRect(i * 82, 430 - h - 120, 70, h + 120);
  });
  g.fillStyle(0x1b2230, 0.55).fillRect(0, 0, GAME_WIDTH, 430);
  g.lineStyle(6, 0x161c28, 1);
  for (let x = 0; x <= GAME_WIDTH; x += 320) g.lineBetween(x, 0, x, 430);
  g.lineBetween(0, 430, GAME_WIDTH, 430);
  g.fillStyle(0x202838, 1).fillRect(0, 430, GAME_WIDTH, GAME_HEIGHT - 430);
  if (options.table) {
    g.fillStyle(0x5b4636, 1).fillRect(0, 400, GAME_WIDTH, 26);
    g.fillStyle(0x4a3a2e, 1).fillRect(0, 426, GAME_WIDTH, 10);
  }
  return g;
}
