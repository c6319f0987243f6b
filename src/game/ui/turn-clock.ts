import type Phaser from 'phaser';
import type { TurnClockWords } from '../../engine/index.ts';
import { addSmoothGraphics } from './smooth-graphics.ts';
import { COLORS, css, FONT } from './theme.ts';

/**
 * The turn and the counterpart's clock: the turn number as the debrief and saves count it, and one pip
 * per turn of the counterpart's patience (all spent once the final offer is on the table).
 */
export class TurnClock {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly label: Phaser.GameObjects.Text;
  private readonly x: number;
  private readonly y: number;

  constructor(scene: Phaser.Scene, x: number, y: number) {
    this.x = x;
    this.y = y;
    this.g = addSmoothGraphics(scene);
    this.label = scene.add.text(x, y, '', { fontFamily: FONT, fontSize: '15px', color: css(COLORS.textMuted), fontStyle: 'bold' });
  }

  set(words: TurnClockWords, deadline: number): void {
    this.label.setText(words.text.toUpperCase());
    const g = this.g.clear();
    const startX = this.x + this.label.width + 14;
    const spent = deadline - words.patienceLeft;
    for (let i = 0; i < deadline; i++) {
      const used = i < spent;
      const late = i >= deadline - 1;
      g.fillStyle(used ? (late ? COLORS.danger : COLORS.warm) : COLORS.panelLight, 1).fillRoundedRect(startX + i * 20, this.y + 3, 14, 14, 4);
    }
  }
}
