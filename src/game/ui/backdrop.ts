import type Phaser from 'phaser';
import { COLORS, css, GAME_HEIGHT, GAME_WIDTH } from './theme.ts';

/** Which room a scene stands in: the meeting room, or the meeting room with the table. */
export type Backdrop = 'room' | 'table';

const backdrops = new WeakMap<Phaser.Scene, Backdrop>();

/**
 * The meeting-room backdrop shared by the scenes: a wall with a window grid and a table edge, in flat
 * shapes. `table` adds the table the counterpart sits behind.
 *
 * The page paints it, under the canvas (a transparent one), not the game: without a GPU every pixel
 * WebGL fills costs main-thread time on every whole frame, and the backdrop was a third of a frame.
 * The browser keeps the picture and composites it under the canvas for nothing. The scene's first
 * whole frame puts it up (showBackdrop, from RenderOnChange), so the backdrop changes with the screen.
 */
export function drawBackdrop(scene: Phaser.Scene, options: { table?: boolean } = {}): void {
  backdrops.set(scene, options.table ? 'table' : 'room');
}

/**
 * Puts the backdrop of the scenes on show under the game's canvas (or none: the game's background
 * colour, which the transparent canvas no longer paints either).
 */
export function showBackdrop(game: Phaser.Game): void {
  const canvas = game.canvas;
  if (!canvas) return;
  if (!canvas.style.backgroundColor) {
    canvas.style.backgroundColor = css(COLORS.background);
    canvas.style.backgroundSize = '100% 100%';
    canvas.style.backgroundRepeat = 'no-repeat';
  }
  const kind = game.scene
    .getScenes(true)
    .map((scene) => backdrops.get(scene))
    .find((b) => b !== undefined);
  const image = kind ? backdropImage(kind) : 'none';
  if (canvas.style.backgroundImage !== image) canvas.style.backgroundImage = image;
}

interface Fill {
  x: number;
  y: number;
  width: number;
  height: number;
  color: number;
}

/** The backdrop's flat shapes, in painting order, in stage coordinates. */
export function backdropShapes(kind: Backdrop): Fill[] {
  const fills: Fill[] = [];
  const fill = (x: number, y: number, width: number, height: number, color: number) => fills.push({ x, y, width, height, color });
  // The window's shade is mixed into the colours below it instead of laid over them.
  const shade = (color: number) => mix(COLORS.background, color, WINDOW_SHADE);
  // Window with a skyline: soft blocks of colour behind everything.
  fill(0, 0, GAME_WIDTH, 430, shade(0x222b3c));
  SKYLINE.forEach((h, i) => fill(i * 82, 430 - h - 120, 70, h + 120, shade(i % 2 ? 0x283349 : 0x2c3850)));
  // The window's frame: bars 6 pixels wide, centred on their lines.
  for (let x = 0; x <= GAME_WIDTH; x += 320) fill(x - 3, 0, 6, 430, 0x161c28);
  fill(0, 427, GAME_WIDTH, 6, 0x161c28);
  fill(0, 430, GAME_WIDTH, GAME_HEIGHT - 430, 0x202838);
  if (kind === 'table') {
    fill(0, 400, GAME_WIDTH, 26, 0x5b4636);
    fill(0, 426, GAME_WIDTH, 10, 0x4a3a2e);
  }
  return fills;
}

const SKYLINE = [60, 120, 90, 160, 70, 140, 110, 180, 95, 130, 75, 150, 100, 170, 85, 125];

const images = new Map<Backdrop, string>();

/** The backdrop as a CSS image (an SVG data URL: the page's policy allows data: images). */
function backdropImage(kind: Backdrop): string {
  let image = images.get(kind);
  if (!image) {
    const rects = backdropShapes(kind)
      .map((f) => `<rect x="${f.x}" y="${f.y}" width="${f.width}" height="${f.height}" fill="${css(f.color)}"/>`)
      .join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${GAME_WIDTH}" height="${GAME_HEIGHT}" viewBox="0 0 ${GAME_WIDTH} ${GAME_HEIGHT}">${rects}</svg>`;
    image = `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
    images.set(kind, image);
  }
  return image;
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
