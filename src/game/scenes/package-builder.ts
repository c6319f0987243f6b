import { formatValue, type IssueView, type SessionSnapshot } from '../../engine/index.ts';
import { drawPanel } from '../ui/panel.ts';
import { COLORS, css, FONT, TEXT } from '../ui/theme.ts';
import { ValueScale } from '../ui/value-scale.ts';
import type { BaseScene } from './base-scene.ts';
import type { GameApp } from '../app.ts';

/** The package being composed: one option per issue. */
export type Package = Record<string, string>;

export interface PackageBuilderHooks {
  /** Redraws the builder with this package (an option was picked). */
  change(terms: Package): void;
  send(terms: Package): void;
  cancel(): void;
}

/** The builder's area: where the choices are at the table (the line stays above it). */
const AREA = { x: 312, y: 262, width: 928, height: 434 };

/** Where the value scale starts, from the area's left edge: 44 px clear of the buttons (which end at 576). */
const SCALE_LEFT = 620;

/** A package to start from: what is on the table now. */
export function startingPackage(snap: SessionSnapshot): Package {
  return { ...snap.terms };
}

/** How a package's worth reads: its value against the walk-away and the target. */
export function worthWords(value: number, walkAway: number, target: number, unit: string): string {
  const v = (n: number) => formatValue(n, unit);
  if (value < walkAway) return `Worth ${v(value)} to you: below your walk-away of ${v(walkAway)}. Walking away would be better than this.`;
  if (value >= target) return `Worth ${v(value)} to you: at or above your target of ${v(target)}.`;
  const share = Math.round(((value - walkAway) / (target - walkAway || 1)) * 100);
  return `Worth ${v(value)} to you: above your walk-away of ${v(walkAway)}, ${share}% of the way to your target of ${v(target)}.`;
}

/**
 * "Propose a package": every issue with its options (pick one each, by mouse, touch, or Tab and Enter on
 * the text version's buttons), what the package is worth to the rep against the walk-away and target,
 * and Send or Back. The engine answers the proposal like any other move.
 */
export function drawPackageBuilder(scene: BaseScene, app: GameApp, snap: SessionSnapshot, terms: Package, hooks: PackageBuilderHooks): void {
  const session = app.requireSession();
  const issues: readonly IssueView[] = snap.issues;
  drawPanel(scene, AREA.x, AREA.y, AREA.width, AREA.height);
  scene.add.text(AREA.x + 20, AREA.y + 12, 'PROPOSE A PACKAGE: PICK ONE OPTION PER ISSUE', TEXT.label);
  app.mirror.text('Propose a package: pick one option for each issue, then send it.', 'builder-intro');
  const labelWidth = 200;
  const rowsTop = AREA.y + 38;
  const rowsBottom = AREA.y + AREA.height - 126;
  const rowH = Math.min(56, (rowsBottom - rowsTop) / Math.max(1, issues.length));
  const chipH = Math.max(40, rowH - 8);
  issues.forEach((issue, row) => {
    const y = rowsTop + row * rowH;
    const label = scene.add.text(AREA.x + 20, y + chipH / 2, issue.label, {
      fontFamily: FONT,
      fontSize: '15px',
      color: css(COLORS.text),
      fontStyle: 'bold',
      wordWrap: { width: labelWidth - 12, useAdvancedWrap: true },
    });
    label.setOrigin(0, 0.5);
    for (let size = 14; label.height > chipH && size >= 12; size--) label.setFontSize(size);
    const group = app.mirror.group(issue.label, `builder-issue-${issue.id}`);
    const n = issue.options.length;
    const gap = 6;
    const chipW = (AREA.width - labelWidth - 40 - gap * (n - 1)) / n;
    issue.options.forEach((o, k) => {
      const picked = terms[issue.id] === o.id;
      scene.addButton({
        x: AREA.x + 20 + labelWidth + k * (chipW + gap),
        y,
        width: chipW,
        height: chipH,
        label: o.label,
        // Many options make narrow chips: a smaller type keeps "$200K" on one line.
        fontSize: chipW < 90 ? 13 : 15,
        variant: 'card',
        align: 'center',
        selected: picked,
        testid: `builder-${issue.id}-${o.id}`,
        mirror: { parent: group, pressed: picked, description: `worth ${formatValue(o.value, issue.money ? snap.moneyUnit : snap.unit)} to you` },
        onActivate: () => hooks.change({ ...terms, [issue.id]: o.id }),
      });
    });
  });

  // What it is worth, against the walk-away and the target.
  const worth = session.worth(terms);
  const words = worthWords(worth.value, worth.walkAwayValue, worth.target, snap.unit);
  const worthY = AREA.y + AREA.height - 118;
  const worthText = scene.add.text(AREA.x + 20, worthY, words, {
    fontFamily: FONT,
    fontSize: '15px',
    color: css(worth.value < worth.walkAwayValue ? COLORS.danger : COLORS.text),
    wordWrap: { width: SCALE_LEFT - 60, useAdvancedWrap: true },
  });
  // Two lines above the buttons (a long unit name can make a third).
  for (let size = 14; worthText.height > 50 && size >= 12; size--) worthText.setFontSize(size);
  // The scale sits right of the worth line and the buttons, with a clear gap: its labels stay within
  // its own width (they reach 36 px above and 40 px below its bar).
  const scaleX = AREA.x + SCALE_LEFT;
  new ValueScale(scene, scaleX, worthY + 40, AREA.x + AREA.width - 28 - scaleX).set({
    value: worth.value,
    walkAway: worth.walkAwayValue,
    target: worth.target,
    unit: snap.unit,
  });
  app.mirror.text(words, 'builder-worth');

  const buttonsY = AREA.y + AREA.height - 60;
  scene.addButton({
    x: AREA.x + 20,
    y: buttonsY,
    width: 300,
    height: 48,
    label: 'Send this package',
    variant: 'primary',
    fontSize: 18,
    testid: 'builder-send',
    onActivate: () => hooks.send(terms),
  });
  scene.addButton({
    x: AREA.x + 336,
    y: buttonsY,
    width: 240,
    height: 48,
    label: 'Back to the choices',
    fontSize: 17,
    testid: 'builder-cancel',
    onActivate: () => hooks.cancel(),
  });
}
