import type Phaser from 'phaser';
import { fitText } from './fit-text.ts';
import type { TermView } from '../../engine/index.ts';
import { drawPanel } from './panel.ts';
import { COLORS, css, FONT, TEXT } from './theme.ts';
import { fmt } from './value-scale.ts';

/** Height of one issue's row: roomy for a few issues, tighter for many so they all fit. */
export function termRowHeight(issues: number): number {
  return issues > 3 ? 34 : 46;
}

/** The panel's height for a number of issues, leaving room under the rows for the value scale. */
export function termsPanelHeight(issues: number): number {
  return 40 + issues * termRowHeight(issues) + 92;
}

/** The terms currently on the table, one row per issue, with what each option is worth to the player. */
export class TermsPanel {
  private readonly scene: Phaser.Scene;
  private readonly x: number;
  private readonly y: number;
  private readonly width: number;
  private rows: Phaser.GameObjects.GameObject[] = [];
  private previous = new Map<string, string>();
  private readonly unitLabel: Phaser.GameObjects.Text;

  constructor(scene: Phaser.Scene, x: number, y: number, width: number, height: number) {
    this.scene = scene;
    this.x = x;
    this.y = y;
    this.width = width;
    drawPanel(scene, x, y, width, height);
    scene.add.text(x + 18, y + 14, 'ON THE TABLE', TEXT.label);
    this.unitLabel = scene.add.text(x + width - 18, y + 14, '', { ...TEXT.label, fontStyle: 'normal' }).setOrigin(1, 0);
  }

  /**
   * Shows `terms`, the options that changed since the last terms shown (or since `previous`, when
   * given: the terms before a move, which need not be drawn first) marked.
   */
  set(terms: readonly TermView[], unit: string, previous?: readonly TermView[]): void {
    if (previous) this.previous = new Map(previous.map((t) => [t.issue, t.option]));
    for (const r of this.rows) r.destroy();
    this.rows = [];
    // The unit once in the header (it can be long, e.g. "$K saved over three years"); rows show numbers.
    this.unitLabel.setText(`value to you, ${unit}`);
    fitText(this.unitLabel, this.width - 150, 10);
    // Up to three issues get roomy rows; more issues get tighter ones so they all fit.
    const compact = terms.length > 3;
    const rowH = termRowHeight(terms.length);
    terms.forEach((t, i) => {
      const y = this.y + 40 + i * rowH;
      const changed = this.previous.size > 0 && this.previous.get(t.issue) !== t.option;
      const issue = this.scene.add.text(this.x + 18, y, t.issueLabel, { fontFamily: FONT, fontSize: compact ? '12px' : '14px', color: css(COLORS.textMuted) });
      const option = this.scene.add.text(this.x + 18, y + (compact ? 14 : 17), t.optionLabel, {
        fontFamily: FONT,
        fontSize: compact ? '15px' : '17px',
        color: css(changed ? COLORS.warm : COLORS.text),
        fontStyle: 'bold',
      });
      fitText(option, this.width - 36 - 64, 11);
      const worth = this.scene.add
        .text(this.x + this.width - 18, y + (compact ? 14 : 17), `${t.value >= 0 ? '' : '−'}${fmt(Math.abs(t.value))}`, {
          fontFamily: FONT,
          fontSize: '15px',
          color: css(COLORS.textMuted),
        })
        .setOrigin(1, 0);
      this.rows.push(issue, option, worth);
    });
    this.previous = new Map(terms.map((t) => [t.issue, t.option]));
  }
}
