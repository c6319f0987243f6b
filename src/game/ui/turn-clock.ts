import type Phaser from 'phaser';
import { COLORS, css, FONT } from './theme.ts';

/** The counterpart's clock: one pip per negotiation turn up to its deadline (its patience). */
export class TurnClock {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly label: Phaser.GameObjects.Text;
  private readonly x: number;
  private readonly y: number;

  constructor(scene: Phaser.Scene, x: number, y: number) {
    this.x = x;
    this.y = y;
    this.g = scene.add.graphics();
    this.label = scene.add.text(x, y, '', { fontFamily: FONT, fontSize: '15px', color: css(COLORS.textMuted), fontStyle: 'bold' });
  }

  set(clock: number, deadline: number): void {
    this.label.setText(`TURN ${Math.min(clock + 1, deadline)} OF ${deadline}`);
    const g = this.g.clear();
    const startX = this.x + this.label.width + 14;
    for (let i = 0; i < deadline; i++) {
      const used = i < clock;
      const late = i >= deadline - 1;
      g.fillStyle(used ? (late ? COLORS.danger : COLORS.warm) : COLORS.panelLight, 1).fillRoundedRect(startX + i * 20, this.y + 3, 14, 14, 4);
    }
  }
}
