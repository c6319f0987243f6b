import type Phaser from 'phaser';
import type { TermView } from '../../engine/index.ts';
import { drawPanel } from './panel.ts';
import { COLORS, css, FONT, TEXT } from './theme.ts';
import { fmt } from './value-scale.ts';

/** The terms currently on the table, one row per issue, with what each option is worth to the player. */
export class TermsPanel {
  private readonly scene: Phaser.Scene;
  private readonly x: number;
  private readonly y: number;
  private readonly width: number;
  private rows: Phaser.GameObjects.GameObject[] = [];
  private previous = new Map<string, string>();

  constructor(scene: Phaser.Scene, x: number, y: number, width: number, height: number) {
    this.scene = scene;
    this.x = x;
    this.y = y;
    this.width = width;
    drawPanel(scene, x, y, width, height);
    scene.add.text(x + 18, y + 14, 'ON THE TABLE', TEXT.label);
  }

  set(terms: readonly TermView[], unit: string): void {
    for (const r of this.rows) r.destroy();
    this.rows = [];
    // Up to three issues get two-line rows; more issues get one line each so they all fit.
    const compact = terms.length > 3;
    const rowH = compact ? Math.min(34, 180 / Math.max(1, terms.length)) : 46;
    terms.forEach((t, i) => {
      const y = this.y + 40 + i * rowH;
      const changed = this.previous.size > 0 && this.previous.get(t.issue) !== t.option;
      const issue = this.scene.add.text(this.x + 18, compact ? y + 2 : y, t.issueLabel, {
        fontFamily: FONT,
        fontSize: '14px',
        color: css(COLORS.textMuted),
        ...(compact ? { fixedWidth: 124 } : {}),
      });
      const option = this.scene.add.text(compact ? this.x + 146 : this.x + 18, compact ? y : y + 17, t.optionLabel, {
        fontFamily: FONT,
        fontSize: compact ? '16px' : '17px',
        color: css(changed ? COLORS.warm : COLORS.text),
        fontStyle: 'bold',
        ...(compact ? { fixedWidth: this.width - 146 - 70 } : {}),
      });
      const worth = this.scene.add
        .text(this.x + this.width - 18, compact ? y + 1 : y + 17, `${t.value >= 0 ? '' : '−'}${fmt(Math.abs(t.value))} ${unit}`, {
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
