import type Phaser from 'phaser';
import { COLORS, GAME_HEIGHT, GAME_WIDTH } from './theme.ts';

/**
 * The meeting-room backdrop shared by the scenes: a wall with a window grid and a table edge, in flat
 * shapes. `table` adds the table the counterpart sits behind.
 */
export function drawBackdrop(scene: Phaser.Scene, options: { table?: boolean } = {}): Phaser.GameObjects.Graphics {
  const g = scene.add.graphics();
  // Every pixel is painted once where it can be: without a GPU each layer of fill costs a whole
  // frame's worth of time. The wall and the floor cover the stage (the game's clear colour is under
  // them), and the window's shade is mixed into the colours below it instead of laid over them.
  const shade = (color: number) => mix(COLORS.background, color, WINDOW_SHADE);
  // Window with a skyline: soft blocks of colour behind everything. The sky is painted around the
  // blocks (above each and in the gaps between), not under them.
  const skyline = [60, 120, 90, 160, 70, 140, 110, 180, 95, 130, 75, 150, 100, 170, 85, 125];
  g.fillStyle(shade(0x222b3c), 1);
  skyline.forEach((h, i) => {
    g.fillRect(i * 82, 0, 70, 430 - h - 120);
    g.fillRect(i * 82 + 70, 0, 12, 430);
  });
  skyline.forEach((h, i) => {
    g.fillStyle(shade(i % 2 ? 0x283349 : 0x2c3850), 1).fillRect(i * 82, 430 - h - 120, 70, h + 120);
  });
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

/** How much of the room's colour shades the window (the dusk outside). */
const WINDOW_SHADE = 0.55;

/** `over` laid on `under` at `alpha`, as the renderer blends them (per channel, rounded). */
function mix(over: number, under: number, alpha: number): number {
  let out = 0;
  for (const shift of [16, 8, 0]) {
    const channel = Math.round(((over >> shift) & 0xff) * alpha + ((under >> shift) & 0xff) * (1 - alpha));
    out |= channel << shift;
  }
  return out;
}
