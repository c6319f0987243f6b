import type Phaser from 'phaser';
import type { AntiPatternHit, SessionResult } from '../../engine/index.ts';
import { addSmoothGraphics } from './smooth-graphics.ts';
import { COLORS, css, FONT } from './theme.ts';
import { fmt } from './value-scale.ts';

/** What the "your position" line means, shown under the chart and in the text version. */
export const YOUR_POSITION_MEANS =
  'Your position: the best deal you were still asking for at each turn, valued to you. Every give lowers it; holding keeps it up. Their offer: what their terms were worth to you.';

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
  const g = addSmoothGraphics(scene);
  const text = (tx: number, ty: number, s: string, color: number, originX = 0, originY = 0, size = 13) =>
    scene.add.text(tx, ty, s, { fontFamily: FONT, fontSize: `${size}px`, color: css(color) }).setOrigin(originX, originY);
  const offers = result.offers;
  const turns = [...offers.map((o) => o.turn), ...antiPatterns.map((a) => a.turn)];
  const t0 = Math.min(...turns, offers[0]?.turn ?? 1);
  const t1 = Math.max(...turns, t0 + 1);
  // Anti-pattern pins sit in a strip above the plot (stacked when several share a turn), and the
  // walk-away and target labels in a margin on the right: markers never cover the axis or a label.
  const perTurnCount = new Map<number, number>();
  for (const a of antiPatterns) perTurnCount.set(a.turn, (perTurnCount.get(a.turn) ?? 0) + 1);
  const pinRows = Math.max(0, ...perTurnCount.values());
  const left = x + 52;
  const right = x + width - 118;
  const top = y + 6 + pinRows * 18;
  const bottom = y + height - 64;
  const values = [result.walkAwayValue, result.target, ...offers.flatMap((o) => [o.theirs, o.yours])];
  const span = Math.max(...values) - Math.min(...values) || 1;
  const lo = Math.min(...values) - span * 0.1;
  const hi = Math.max(...values) + span * 0.1;
  const px = (turn: number) => left + 14 + ((turn - t0) / (t1 - t0)) * (right - left - 28);
  const py = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);

  g.fillStyle(COLORS.backgroundDeep, 0.6).fillRect(left, top, right - left, bottom - top);
  g.lineStyle(1, COLORS.line, 1).strokeRect(left, top, right - left, bottom - top);
  for (let t = t0; t <= t1; t++) text(px(t), bottom + 6, String(t), COLORS.textMuted, 0.5);
  text(left - 6, top, fmt(Math.round(hi)), COLORS.textMuted, 1, 0);
  text(left - 6, bottom, fmt(Math.round(lo)), COLORS.textMuted, 1, 1);

  const dashed = (v: number, color: number, label: string) => {
    g.lineStyle(2, color, 0.9);
    for (let dx = left; dx < right; dx += 14) g.lineBetween(dx, py(v), Math.min(dx + 8, right), py(v));
    return text(right + 8, py(v), `${label} ${fmt(v)}`, color, 0, 0.5, 13);
  };
  const walk = dashed(result.walkAwayValue, COLORS.danger, 'walk-away');
  const target = dashed(result.target, COLORS.success, 'target');
  // Close values: the two labels move apart rather than print over each other.
  if (Math.abs(walk.y - target.y) < 16) {
    const mid = (walk.y + target.y) / 2;
    target.setY(mid - 8);
    walk.setY(mid + 8);
  }

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

  // Numbered pins above the plot, one row per anti-pattern at the same turn.
  const perTurn = new Map<number, number>();
  antiPatterns.forEach((a, i) => {
    const ax = px(a.turn);
    const stack = perTurn.get(a.turn) ?? 0;
    perTurn.set(a.turn, stack + 1);
    const ay = y + stack * 18;
    g.fillStyle(COLORS.warm, 1).fillCircle(ax, ay + 8, 8);
    text(ax, ay + 8, String(i + 1), COLORS.backgroundDeep, 0.5, 0.5, 11);
  });

  const legendY = bottom + 30;
  g.fillStyle(COLORS.yours, 1).fillCircle(left + 6, legendY, 6);
  text(left + 18, legendY, 'your position', COLORS.text, 0, 0.5);
  g.fillStyle(COLORS.theirs, 1).fillCircle(left + 150, legendY, 6);
  text(left + 162, legendY, 'their offer (value to you)', COLORS.text, 0, 0.5);
  const units = text(left, legendY + 22, `Across: turns. Up: value to you, in ${result.unit}.`, COLORS.textMuted, 0, 0.5);
  units.setWordWrapWidth(right - left + 110, true);
}
