import Phaser from 'phaser';
import type { ScreenMirror, MirrorButtonOptions } from '../a11y/screen-mirror.ts';
import { registerPanel } from './layout-registry.ts';
import { addSmoothGraphics, type SmoothGraphics } from './smooth-graphics.ts';
import { COLORS, css, FONT } from './theme.ts';
import { clampLines } from './fit-text.ts';
import { splitsShortWord } from './wrap-text.ts';

export interface ActionButtonConfig {
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  /** The DOM twin's test id (data-testid). */
  testid: string;
  onActivate: () => void;
  /** Second line of smaller text (a prep action's effect, a persona's title). */
  detail?: string;
  /** Shown before the label (the key that picks a choice). */
  key?: string;
  variant?: 'primary' | 'secondary' | 'choice' | 'card';
  selected?: boolean;
  fontSize?: number;
  align?: 'left' | 'center';
  /** Where the DOM twin goes (a group); default the screen's action list. */
  mirror?: MirrorButtonOptions;
  /** Whether activating it plays the generic click (choices play their own cue). */
  clickSound?: boolean;
  /**
   * Creates only the DOM twin now (usable at once); the canvas button is made, hidden, by `build()`, or
   * shown by `setVisible(true)`. For buttons not drawn in a screen's first frame (the choices, shown
   * once the line has typed out): their texts need not be made in the task that builds the screen.
   */
  drawLater?: boolean;
  /**
   * Whether the button draws its label and detail (default yes). A list of cards of one size may have
   * them drawn for the whole list at once (see card-columns.ts): the button is then its background,
   * its hit zone and its DOM twin.
   */
  drawsText?: boolean;
}

/**
 * A canvas button and its real <button> twin in the accessibility layer: same text, same action. Mouse
 * and touch use the canvas one; Tab, Enter and Space use the DOM one, whose focus is drawn on the canvas.
 */
/** The padding inside a button `width` wide: a narrow chip (nine prices in a row) keeps less, so "$200K" stays on one line. */
export const buttonPadding = (width: number): number => Math.max(6, Math.min(16, Math.round(width * 0.08)));

/** The size of a button's detail under a label of `fontSize`. */
export const detailFontSize = (fontSize: number): number => Math.max(13, fontSize - 5);

/** The most lines a card's label takes before it is cut with "…" (the DOM twin has the full text). */
export const cardLabelLines = (height: number): number => (height < 70 ? 1 : 2);

/** The most lines a card's detail takes under a label `labelHeight` tall, before it is cut with "…". */
export const cardDetailLines = (height: number, labelHeight: number, fontSize: number): number =>
  Math.max(1, Math.floor((height - labelHeight - 16) / (fontSize - 1)));

export class ActionButton {
  readonly dom: HTMLButtonElement;
  /** The canvas button: none yet for a button drawn later, until `build()`. */
  private bg: SmoothGraphics | null = null;
  private readonly texts: Phaser.GameObjects.Text[] = [];
  private zone: Phaser.GameObjects.Zone | null = null;
  private readonly scene: Phaser.Scene;
  private readonly cfg: ActionButtonConfig;
  private readonly activate: () => void;
  private readonly onSound: ((id: 'ui-click' | 'ui-hover') => void) | undefined;
  private hovered = false;
  private focused = false;
  private selected: boolean;
  /** Whether the canvas button is shown (for a button drawn later, applied when it is built). */
  private visible: boolean;

  constructor(scene: Phaser.Scene, mirror: ScreenMirror, cfg: ActionButtonConfig, onSound?: (id: 'ui-click' | 'ui-hover') => void) {
    this.scene = scene;
    this.cfg = cfg;
    this.onSound = onSound;
    this.selected = cfg.selected ?? false;
    this.visible = !cfg.drawLater;
    const activate = () => {
      if (cfg.clickSound !== false) onSound?.('ui-click');
      cfg.onActivate();
    };
    this.activate = activate;
    if (!cfg.drawLater) this.build();

    const mirrorOptions: MirrorButtonOptions = { ...cfg.mirror };
    if (cfg.detail && mirrorOptions.description === undefined) mirrorOptions.description = cfg.detail;
    this.dom = mirror.button(cfg.label, cfg.testid, activate, mirrorOptions);
    const onFocus = () => {
      this.focused = true;
      this.draw();
    };
    const onBlur = () => {
      this.focused = false;
      this.draw();
    };
    this.dom.addEventListener('focus', onFocus);
    this.dom.addEventListener('blur', onBlur);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.dom.removeEventListener('focus', onFocus);
      this.dom.removeEventListener('blur', onBlur);
    });
  }

  /** Makes the canvas button (once; a button not drawn later has it from the start), shown or hidden as set. */
  build(): void {
    if (this.bg) return;
    const { scene, cfg, activate } = this;
    const onSound = this.onSound;
    const { x, y, width, height } = cfg;
    this.bg = addSmoothGraphics(scene);
    if (cfg.drawsText !== false) this.addTexts(scene, cfg);
    registerPanel(scene, { x, y, width, height });
    this.zone = scene.add.zone(x, y, width, height).setOrigin(0, 0).setInteractive({ useHandCursor: true });
    this.zone.on('pointerover', () => {
      this.hovered = true;
      onSound?.('ui-hover');
      this.draw();
    });
    this.zone.on('pointerout', () => {
      this.hovered = false;
      this.draw();
    });
    this.zone.on('pointerup', activate);
    this.draw();
    if (!this.visible) this.setVisible(false);
  }

  /** The label (with its key badge) and the detail, laid out in the button. */
  private addTexts(scene: Phaser.Scene, cfg: ActionButtonConfig): void {
    const { x, y, width, height } = cfg;
    const pad = buttonPadding(width);
    const align = cfg.align ?? (cfg.variant === 'choice' || cfg.variant === 'card' ? 'left' : 'center');
    const fontSize = cfg.fontSize ?? (cfg.variant === 'choice' ? 18 : 20);
    let textX = align === 'left' ? x + pad : x + width / 2;
    if (cfg.key) {
      const badge = scene.add.text(x + pad, y + height / 2, cfg.key, {
        fontFamily: FONT,
        fontSize: `${fontSize}px`,
        color: css(COLORS.backgroundDeep),
        fontStyle: 'bold',
      });
      badge.setOrigin(0.5, 0.5).setX(x + pad + 12);
      this.texts.push(badge);
      textX += 34;
    }
    const wrap = width - pad * 2 - (cfg.key ? 34 : 0);
    const label = scene.add.text(textX, y + height / 2, cfg.label, {
      fontFamily: FONT,
      fontSize: `${fontSize}px`,
      color: css(cfg.variant === 'primary' ? COLORS.backgroundDeep : COLORS.text),
      fontStyle: cfg.variant === 'primary' || cfg.variant === 'card' ? 'bold' : 'normal',
      wordWrap: { width: wrap, useAdvancedWrap: true },
      align,
    });
    label.setOrigin(align === 'left' ? 0 : 0.5, 0.5);
    if (cfg.variant === 'card' && cfg.detail) {
      // A menu card keeps its title short, marked "…" when cut (the DOM twin has the full text).
      clampLines(label, cardLabelLines(height));
    } else if (cfg.variant === 'card') {
      // A chip ("$180K (10% off)" among nine in a row) takes a smaller size rather than lose words.
      for (let size = fontSize - 1; label.height > height - 6 && size >= 11; size--) label.setFontSize(size);
      clampLines(label, Math.max(1, Math.floor((height - 6) / (label.height / Math.max(1, label.getWrappedText().length)))));
    }
    // A long label shrinks to fit its button rather than spilling over the next one.
    const room = height - (cfg.detail ? 26 : 10);
    for (let size = parseInt(String(label.style.fontSize), 10) - 1; label.height > room && size >= 13; size--) label.setFontSize(size);
    // Never a short word broken across lines: a smaller size first.
    for (let size = parseInt(String(label.style.fontSize), 10) - 1; splitsShortWord(label.text, label.getWrappedText()) && size >= 10; size--) {
      label.setFontSize(size);
    }
    this.texts.push(label);
    if (cfg.detail) {
      const detail = scene.add.text(textX, 0, cfg.detail, {
        fontFamily: FONT,
        fontSize: `${detailFontSize(fontSize)}px`,
        color: css(COLORS.textMuted),
        wordWrap: { width: wrap, useAdvancedWrap: true },
        align,
      });
      // The full text is in the DOM twin; on the canvas a long description is cut to fit the card, marked "…".
      clampLines(detail, cardDetailLines(height, label.height, fontSize));
      detail.setOrigin(align === 'left' ? 0 : 0.5, 0);
      const total = label.height + 4 + detail.height;
      label.setY(y + (height - total) / 2 + label.height / 2);
      detail.setY(label.y + label.height / 2 + 4);
      this.texts.push(detail);
    }
  }

  setSelected(selected: boolean): void {
    this.selected = selected;
    this.dom.setAttribute('aria-pressed', String(selected));
    this.draw();
  }

  /**
   * Shows or hides the canvas button (the DOM twin stays usable: hidden only means "not drawn yet"). A
   * button drawn later is built when first shown, if it has not been yet.
   */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (!this.bg || !this.zone) {
      if (visible) this.build();
      return;
    }
    this.bg.setVisible(visible);
    for (const t of this.texts) t.setVisible(visible);
    if (visible) this.zone.setInteractive({ useHandCursor: true });
    else this.zone.disableInteractive();
  }

  private draw(): void {
    if (!this.bg) return;
    const { x, y, width, height, variant = 'secondary' } = this.cfg;
    const g = this.bg.clear();
    const fill =
      variant === 'primary' ? (this.hovered ? 0x5fe0cf : COLORS.accent) : this.selected ? COLORS.accentDark : this.hovered ? COLORS.panelLight : COLORS.panel;
    g.fillStyle(0x000000, 0.25).fillRoundedRectUnder(x + 3, y + 4, width, height, 12, { x: x + 12, y: y + 12, width: width - 24, height: height - 24 });
    g.fillStyle(fill, 1).fillRoundedRect(x, y, width, height, 12);
    if (this.cfg.key) g.fillStyle(COLORS.warm, 1).fillCircle(x + 28, y + height / 2, 14);
    if (this.selected && variant !== 'primary') g.lineStyle(2, COLORS.accent, 1).strokeRoundedRect(x, y, width, height, 12);
    if (this.focused) g.lineStyle(4, COLORS.focus, 1).strokeRoundedRect(x - 4, y - 4, width + 8, height + 8, 15);
  }
}
