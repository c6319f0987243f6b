import Phaser from 'phaser';
import type { ChoiceView } from '../../engine/index.ts';
import type { ScreenMirror } from '../a11y/screen-mirror.ts';
import { ActionButton } from './action-button.ts';

export interface ChoiceListConfig {
  x: number;
  y: number;
  width: number;
  height: number;
  choices: readonly ChoiceView[];
  /** Show each choice's `explain` under it (preparation shows what an action changes up front). */
  showExplain: boolean;
  onPick: (choiceId: string) => void;
  onSound: (id: 'ui-click' | 'ui-hover') => void;
  /**
   * The canvas buttons start hidden and are made later (`build()`, or when first shown); their DOM
   * twins exist at once. For choices drawn only once the line has typed out.
   */
  drawLater?: boolean;
}

/**
 * The player's choices as numbered buttons: click or touch on the canvas, keys 1-9, or Tab and Enter on
 * the DOM twins (which are usable at once, even while the line is still being typed).
 */
export class ChoiceList {
  private readonly buttons: ActionButton[] = [];
  /** How many of the buttons `buildNext` has made. */
  private built = 0;

  constructor(scene: Phaser.Scene, mirror: ScreenMirror, cfg: ChoiceListConfig) {
    const group = mirror.group('Your choices', 'choices');
    const n = Math.max(1, cfg.choices.length);
    const gap = 8;
    const withDetail = cfg.showExplain && cfg.choices.some((c) => c.explain);
    // Long choices (or choices with an explanation) get taller buttons while there is room.
    const long = withDetail || cfg.choices.some((c) => c.text.length > 80);
    const h = Math.min(long ? 84 : 66, (cfg.height - gap * (n - 1)) / n);
    cfg.choices.forEach((choice, i) => {
      const button = new ActionButton(
        scene,
        mirror,
        {
          x: cfg.x,
          y: cfg.y + i * (h + gap),
          width: cfg.width,
          height: h,
          label: choice.text,
          ...(cfg.showExplain && choice.explain ? { detail: choice.explain } : {}),
          key: i < 9 ? String(i + 1) : '',
          variant: 'choice',
          fontSize: h < 52 ? 16 : 18,
          testid: `choice-${choice.id}`,
          mirror: { parent: group },
          clickSound: false,
          ...(cfg.drawLater ? { drawLater: true } : {}),
          onActivate: () => cfg.onPick(choice.id),
        },
        cfg.onSound,
      );
      this.buttons.push(button);
    });
    const keyboard = scene.input.keyboard;
    const onKey = (event: KeyboardEvent) => {
      const n = Number(event.key);
      if (!Number.isInteger(n) || n < 1 || n > 9) return;
      const choice = cfg.choices[n - 1];
      if (choice) cfg.onPick(choice.id);
    };
    keyboard?.on('keydown', onKey);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => keyboard?.off('keydown', onKey));
  }

  /** Draws the canvas buttons (after the line has been typed out). */
  setVisible(visible: boolean): void {
    for (const b of this.buttons) b.setVisible(visible);
  }

  /**
   * Makes the next canvas button of a list drawn later, hidden until shown (see `drawLater`); returns
   * whether any is left to make. One a step: the line types on while they are made.
   */
  buildNext(): boolean {
    const next = this.buttons[this.built++];
    next?.build();
    return this.built < this.buttons.length;
  }
}
