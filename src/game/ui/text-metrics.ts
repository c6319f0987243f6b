import type Phaser from 'phaser';

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
