import Phaser from 'phaser';
import { prefersReducedMotion } from '../a11y/reduced-motion.ts';
import { animatesOnly, type Region } from '../render-on-change.ts';

/**
 * Types a line out character by character at the player's chosen speed. A click or a key shows the rest
 * at once (the scene wires that up); the whole line is always in the accessibility layer immediately.
 */
export class Typewriter {
  readonly text: Phaser.GameObjects.Text;
  private readonly scene: Phaser.Scene;
  private full = '';
  private shown = 0;
  private timer: Phaser.Time.TimerEvent | null = null;
  private onDone: (() => void) | null = null;

  private readonly maxHeight: number;
  private readonly backing: Phaser.GameObjects.GameObject | null;

  /**
   * `maxHeight`: a long line is set in a smaller font so it fits its speech bubble. `backing`: the
   * opaque panel the line lies on, wholly covering the line's box (frames drawn while it types then
   * leave out what lies under it).
   */
  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    style: Phaser.Types.GameObjects.Text.TextStyle,
    maxHeight = Infinity,
    backing: Phaser.GameObjects.GameObject | null = null,
  ) {
    this.scene = scene;
    this.maxHeight = maxHeight;
    this.backing = backing;
    this.text = scene.add.text(x, y, '', style);
  }

  private fit(line: string): void {
    this.text.setText(line);
    let size = parseInt(String(this.text.style.fontSize), 10) || 20;
    while (this.text.height > this.maxHeight && size > 13) this.text.setFontSize(--size);
  }

  get typing(): boolean {
    return this.timer !== null;
  }

  start(line: string, charsPerSecond: number, onDone: () => void): void {
    this.stopTimer();
    this.onDone = onDone;
    this.fit(line);
    // Type through the line as already wrapped, so a word never jumps to the next line half-typed.
    this.full = this.text.getWrappedText(line).join('\n');
    // While typing, only the line's own box changes: the renderer redraws that box alone (the text
    // holds the whole line now, so its bounds cover every character still to come).
    const box: Region = this.text.getBounds();
    animatesOnly(this.scene, () => (this.typing ? box : null), this.backing);
    if (!Number.isFinite(charsPerSecond) || line.length === 0 || prefersReducedMotion()) {
      this.finish();
      return;
    }
    this.shown = 0;
    this.text.setText('');
    // Progress follows elapsed time, not frame count, so a slow device types at the same speed.
    const startedAt = this.scene.time.now;
    this.timer = this.scene.time.addEvent({
      delay: 16,
      loop: true,
      callback: () => {
        const due = Math.floor(((this.scene.time.now - startedAt) / 1000) * charsPerSecond);
        if (due === this.shown) return;
        this.shown = Math.min(this.full.length, due);
        this.text.setText(this.full.slice(0, this.shown));
        if (this.shown >= this.full.length) this.finish();
      },
    });
  }

  /**
   * A click on the canvas outside a button, or Space/Enter while no DOM control has focus, shows the
   * rest of the line (keys on a focused DOM button belong to that button).
   */
  bindSkipInput(): void {
    const scene = this.scene;
    const onPointer = (_p: Phaser.Input.Pointer, over: Phaser.GameObjects.GameObject[]) => {
      if (over.length === 0) this.skip();
    };
    scene.input.on('pointerdown', onPointer);
    const onKey = (event: KeyboardEvent) => {
      const focus = document.activeElement;
      const onControl = focus instanceof HTMLButtonElement || focus instanceof HTMLInputElement;
      if (!onControl && (event.key === ' ' || event.key === 'Enter' || event.key === 'Escape')) this.skip();
    };
    scene.input.keyboard?.on('keydown', onKey);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      scene.input.keyboard?.off('keydown', onKey);
      scene.input.off('pointerdown', onPointer);
      this.stopTimer();
    });
  }

  /** Shows the whole line now. */
  skip(): void {
    if (this.typing) this.finish();
  }

  private finish(): void {
    this.stopTimer();
    this.text.setText(this.full);
    const done = this.onDone;
    this.onDone = null;
    done?.();
  }

  private stopTimer(): void {
    this.timer?.remove();
    this.timer = null;
  }
}
