import type Phaser from 'phaser';
import { bucketed, type DimensionProgress } from '../../engine/training/index.ts';
import { addSmoothGraphics } from './smooth-graphics.ts';
import { addText } from './text-metrics.ts';
import { COLORS, css, FONT } from './theme.ts';

/** One colour per dimension, in DIMENSIONS order, distinct on the dark panel. */
export const DIMENSION_COLORS = [0x3cc6b4, 0xf2a65a, 0x8fa8ff, 0xe0605e, 0xd9d36a, 0xc78bd8] as const;

/** At most this many points per line: a long record is averaged into groups of consecutive games. */
const MAX_POINTS = 40;
/** Each point is the mean of this many games up to it: single games swing from 0 to 100 %. */
const ROLLING = 5;

function rolling(values: readonly number[], window: number): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i]!;
    if (i >= window) sum -= values[i - window]!;
    out.push(sum / Math.min(window, i + 1));
  }
  return out;
}

/**
 * Each dimension over the games played, drawn with Phaser graphics like the debrief's offer chart (no
 * chart library: six polylines on a fixed grid are a few dozen draw calls, and the numbers are in the
 * accessibility layer as a table). Values are shares of each dimension's maximum, 0..100 %.
 */
export function drawDimensionChart(scene: Phaser.Scene, x: number, y: number, width: number, height: number, dims: readonly DimensionProgress[]): void {
  const g = addSmoothGraphics(scene);
  const legendH = 60;
  const plotH = height - legendH - 18;
  const plotX = x + 34;
  const plotW = width - 44;
  g.lineStyle(1, COLORS.line, 1);
  for (const v of [0, 50, 100]) {
    const yy = y + plotH - (plotH * v) / 100;
    g.lineBetween(plotX, yy, plotX + plotW, yy);
    addText(scene, x, yy - 8, `${v}%`, { fontFamily: FONT, fontSize: '11px', color: css(COLORS.textMuted) });
  }
  const games = dims[0]?.values.length ?? 0;
  addText(scene, plotX, y + plotH + 4, `${games} game${games === 1 ? '' : 's'}, oldest left; each point the mean of up to ${ROLLING} games`, {
    fontFamily: FONT,
    fontSize: '11px',
    color: css(COLORS.textMuted),
  });
  dims.forEach((d, i) => {
    const color = DIMENSION_COLORS[i % DIMENSION_COLORS.length]!;
    const pts = bucketed(rolling(d.values, ROLLING), MAX_POINTS);
    g.lineStyle(2.5, color, 0.95);
    const px = (k: number) => (pts.length === 1 ? plotX + plotW / 2 : plotX + (plotW * k) / (pts.length - 1));
    const py = (v: number) => y + plotH - (plotH * v) / 100;
    if (pts.length === 1) g.fillStyle(color, 1).fillCircle(px(0), py(pts[0]!), 4);
    else {
      g.beginPath();
      pts.forEach((v, k) => (k === 0 ? g.moveTo(px(k), py(v)) : g.lineTo(px(k), py(v))));
      g.strokePath();
    }
    // Legend: label, recent level and trend.
    const col = i % 2;
    const row = Math.floor(i / 2);
    const lx = x + col * (width / 2);
    const ly = y + plotH + 22 + row * 17;
    g.fillStyle(color, 1).fillRect(lx, ly + 5, 12, 4);
    const arrow = d.trend === 'improving' ? ' ↑' : d.trend === 'slipping' ? ' ↓' : '';
    addText(scene, lx + 16, ly - 1, `${d.label} ${Math.round(d.recent)}%${arrow}`, { fontFamily: FONT, fontSize: '12px', color: css(COLORS.text) });
  });
}
