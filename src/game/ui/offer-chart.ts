import type Phaser from 'phaser';
import type { AntiPatternHit, SessionResult } from '../../engine/index.ts';
import { COLORS, css, FONT } from './theme.ts';
import { fmt } from './value-scale.ts';

/**
 * Both sides' positions over the turns: the counterpart's offer (valued for the player) and the player's
 * own ask, against the walk-away and target lines. Anti-patterns are pinned to the turn they happened.
 */
export function drawOfferChart(
  scene: Phaser.Scene,
  x: number,
  y: number,
  width: number,
  height: number,
  result: Pick<SessionResult, 'offers' | 'walkAwayValue' | 'target' | 'unit'>,
  antiPatterns: readonly AntiPatternHit[],
): void {
  const g = scene.add.graphics();
  const text = (tx: number, ty: number, s: string, color: number, originX = 0, originY = 0, size = 13) =>
    scene.add.text(tx, ty, s, { fontFamily: FONT, fontSize: `${size}px`, color: css(color) }).setOrigin(originX, originY);
  const offers = result.offers;
  const left = x + 44;
  const right = x + width - 10;
  const top = y + 10;
  const bottom = y + height - 26;
  const values = [result.walkAwayValue, result.target, ...offers.flatMap((o) => [o.theirs, o.yours])];
  const span = Math.max(...values) - Math.min(...values) || 1;
  const lo = Math.min(...values) - span * 0.1;
  const hi = Math.max(...values) + span * 0.1;
  const turns = [...offers.map((o) => o.turn), ...antiPatterns.map((a) => a.turn)];
  const t0 = Math.min(...turns, offers[0]?.turn ?? 1);
  const t1 = Math.max(...turns, t0 + 1);
  const px = (turn: number) => left + ((turn - t0) / (t1 - t0)) * (right - left);
  const py = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);

  g.fillStyle(COLORS.backgroundDeep, 0.6).fillRect(left, top, right - left, bottom - top);
  g.lineStyle(1, COLORS.line, 1).strokeRect(left, top, right - left, bottom - top);
  for (let t = t0; t <= t1; t++) text(px(t), bottom + 6, String(t), COLORS.textMuted, 0.5);
  text(left - 6, top, fmt(Math.round(hi)), COLORS.textMuted, 1, 0);
  text(left - 6, py(lo), fmt(Math.round(lo)), COLORS.textMuted, 1, 1);

  const dashed = (v: number, color: number, label: string) => {
    g.lineStyle(2, color, 0.9);
    for (let dx = left; dx < right; dx += 14) g.lineBetween(dx, py(v), Math.min(dx + 8, right), py(v));
    text(right - 4, py(v) - 2, `${label} ${fmt(v)}`, color, 1, 1, 12);
  };
  dashed(result.walkAwayValue, COLORS.danger, 'walk-away');
  dashed(result.target, COLORS.success, 'target');

  const series = (pick: (o: (typeof offers)[number]) => number, color: number) => {
    g.lineStyle(4, color, 1);
    offers.forEach((o, i) => {
      const prev = offers[i - 1];
      if (prev) g.lineBetween(px(prev.turn), py(pick(prev)), px(o.turn), py(pick(o)));
    });
    g.fillStyle(color, 1);
    for (const o of offers) g.fillCircle(px(o.turn), py(pick(o)), 6);
  };
  series((o) => o.yours, COLORS.yours);
  series((o) => o.theirs, COLORS.theirs);

  // Numbered pins, stacked downwards when several anti-patterns share a turn.
  const perTurn = new Map<number, number>();
  antiPatterns.forEach((a, i) => {
    const ax = px(a.turn);
    const stack = perTurn.get(a.turn) ?? 0;
    perTurn.set(a.turn, stack + 1);
    const ay = top + 4 + stack * 18;
    g.fillStyle(COLORS.warm, 1).fillCircle(ax, ay + 7, 8);
    text(ax, ay, String(i + 1), COLORS.backgroundDeep, 0.5, 0, 11);
  });

  g.fillStyle(COLORS.yours, 1).fillCircle(x + 50, y + height + 6, 6);
  text(x + 62, y + height - 2, 'your position', COLORS.text);
  g.fillStyle(COLORS.theirs, 1).fillCircle(x + 190, y + height + 6, 6);
  text(x + 202, y + height - 2, 'their offer (value to you)', COLORS.text);
  text(right, y + height - 2, `turn →   ${result.unit}`, COLORS.textMuted, 1, 0);
}
