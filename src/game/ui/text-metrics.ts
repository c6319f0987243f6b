import Phaser from 'phaser';

type TextStyle = Phaser.Types.GameObjects.Text.TextStyle;
type TextMetrics = Phaser.Types.GameObjects.Text.TextMetrics;

/** Font metrics already measured, by the font they were measured for. */
const measured = new Map<string, TextMetrics>();

function fontOf(style: TextStyle): string {
  return style.font ?? `${style.fontStyle ?? ''} ${style.fontSize ?? ''} ${style.fontFamily ?? ''}`;
}

/**
 * Adds a Text, measuring its font only the first time that font is used. Phaser measures the font of
 * every new Text on a canvas of its own; a screen of a hundred texts in five fonts would measure the
 * same five fonts a hundred times. The metrics depend on the font alone, so reusing them draws the same.
 */
export function addText(scene: Phaser.Scene, x: number, y: number, text: string | string[], style: TextStyle): Phaser.GameObjects.Text {
  const font = fontOf(style);
  const metrics = measured.get(font);
  const added = scene.add.text(x, y, text, metrics ? { ...style, metrics } : style);
  if (!metrics) measured.set(font, added.style.getTextMetrics());
  return added;
}

/**
 * A column of one-line values `pitch` pixels apart (each line where a Text of its own at
 * `y + i * pitch` would be), as one Text: a table of numbers is then one texture per column instead
 * of one per cell.
 */
export function addColumn(scene: Phaser.Scene, x: number, y: number, lines: readonly string[], pitch: number, style: TextStyle): Phaser.GameObjects.Text {
  const font = fontOf(style);
  if (!measured.has(font)) addText(scene, 0, 0, '', style).destroy();
  const metrics = measured.get(font)!;
  // Phaser spaces lines by the font's height (ascent + descent) plus the line spacing.
  return addText(scene, x, y, [...lines], { ...style, lineSpacing: pitch - metrics.fontSize - (style.strokeThickness ?? 0) });
}

/**
 * Phaser's reading of a style without a Text: its metrics (measured once per font, see
 * installFontMetricsCache) and the font it sets on a canvas (`syncFont`), for laying text out before
 * drawing it.
 */
export function styleOf(style: TextStyle): Phaser.GameObjects.TextStyle {
  // A TextStyle only reaches its text when told to redraw it, which building one does not.
  return new Phaser.GameObjects.TextStyle(null as unknown as Phaser.GameObjects.Text, style);
}

let measuring: CanvasRenderingContext2D | null = null;

/**
 * How wide a piece of text in `style` is drawn, as Phaser measures it (its font on a canvas, no letter
 * spacing), without a Text.
 */
export function measurerFor(style: TextStyle): (text: string) => number {
  measuring ??= document.createElement('canvas').getContext('2d');
  const context = measuring;
  if (!context) throw new Error('This browser gives no 2D canvas to measure text with');
  // Built with stand-in metrics, the style measures nothing itself: only widths are measured, here.
  const font = styleOf({ ...style, metrics: { ascent: 0, descent: 0, fontSize: 0 } });
  return (text) => {
    font.syncFont(context.canvas, context);
    return context.measureText(text).width;
  };
}

/** What Phaser's TextStyle is to the cache below (the fields it reads and the two methods it replaces). */
interface StyleInternals {
  _font: string;
  testString: string;
  fontStyle: string;
  fontSize: string;
  fontFamily: string;
  metrics: TextMetrics | undefined;
  parent: Phaser.GameObjects.Text;
  setStyle(style: TextStyle | undefined, updateText?: boolean, setDefaults?: boolean): Phaser.GameObjects.Text;
  update(recalculateMetrics: boolean): Phaser.GameObjects.Text;
}

/**
 * Makes every Phaser text measure its font once per font rather than once per text. Phaser measures
 * the font of each new Text (and again at each size a text is shrunk to) on a canvas of its own; a
 * screen of forty texts in a dozen fonts measured them forty times. The measure is the same as
 * Phaser's (`measureText` of the style's test string, its actual ascent and descent), so the texts draw
 * the same. Installed only where the browser gives those bounds (every current one); elsewhere
 * Phaser's own scan of pixels stays. Called once, before the game starts.
 */
export function installFontMetricsCache(TextStyleClass: typeof Phaser.GameObjects.TextStyle): void {
  // Asked of the interface, not of a measure: a first measure would look up the canvas's default font.
  if (typeof window.TextMetrics !== 'function' || !('actualBoundingBoxAscent' in window.TextMetrics.prototype)) return;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return;
  const byFont = new Map<string, TextMetrics>();
  const metricsOf = (style: StyleInternals): TextMetrics => {
    const key = `${style._font}\n${style.testString}`;
    let metrics = byFont.get(key);
    if (!metrics) {
      context.font = style._font;
      const m = context.measureText(style.testString);
      metrics = { ascent: m.actualBoundingBoxAscent, descent: m.actualBoundingBoxDescent, fontSize: m.actualBoundingBoxAscent + m.actualBoundingBoxDescent };
      byFont.set(key, metrics);
    }
    // A copy: a text's metrics are its own to change.
    return { ...metrics };
  };
  const proto = TextStyleClass.prototype as unknown as StyleInternals;
  const setStyle = proto.setStyle;
  // Phaser measures in setStyle unless the style brings metrics (or keeps its old ones when it does not
  // redraw): it is handed stand-in metrics, and the font's own are set once the style knows its font.
  proto.setStyle = function (this: StyleInternals, style, updateText = true, setDefaults = false) {
    if (style?.metrics) return setStyle.call(this, style, updateText, setDefaults);
    const kept = this.metrics;
    setStyle.call(this, { ...style, metrics: kept ?? { ascent: 0, descent: 0, fontSize: 0 } }, false, setDefaults);
    this.metrics = updateText || !kept ? metricsOf(this) : kept;
    return updateText ? this.parent.updateText() : this.parent;
  };
  proto.update = function (this: StyleInternals, recalculateMetrics) {
    if (recalculateMetrics) {
      this._font = [this.fontStyle, this.fontSize, this.fontFamily].join(' ').trim();
      this.metrics = metricsOf(this);
    }
    return this.parent.updateText();
  };
}
