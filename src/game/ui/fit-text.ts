import type Phaser from 'phaser';
import { clampedText } from './clamp-text.ts';
import { measurerFor } from './text-metrics.ts';

/** Shrinks a one-line text's font until it fits `maxWidth` (titles from scenario files vary in length). */
export function fitText(text: Phaser.GameObjects.Text, maxWidth: number, minSize = 16): Phaser.GameObjects.Text {
  let size = parseInt(String(text.style.fontSize), 10) || 20;
  while (text.width > maxWidth && size > minSize) {
    size -= 2;
    text.setFontSize(size);
  }
  if (text.width > maxWidth) text.setWordWrapWidth(maxWidth, true);
  return text;
}

/**
 * Adds a one-line text at a size fitText would try (2 px steps down from the style's, to `minSize`),
 * measured without drawing it: the text is drawn (and uploaded to the GPU) once, not once per size. The
 * width compared is Phaser's (each line measured and rounded up, plus the stroke). The size is the one
 * predicted to fit, checked, and stepped down from if it does not.
 */
export function addFittedText(
  scene: Phaser.Scene,
  x: number,
  y: number,
  text: string,
  style: Phaser.Types.GameObjects.Text.TextStyle,
  maxWidth: number,
  minSize = 16,
): Phaser.GameObjects.Text {
  let size = parseInt(String(style.fontSize), 10) || 20;
  if (!style.wordWrap && !style.letterSpacing && !style.padding) {
    const widthAt = (px: number) => {
      const measure = measurerFor({ ...style, fontSize: `${px}px` });
      const stroke = style.strokeThickness ?? 0;
      return Math.max(...text.split(/\r\n|\r|\n/).map((line) => Math.ceil(stroke + measure(line))));
    };
    const start = size;
    const atStart = widthAt(start);
    if (atStart > maxWidth) {
      // A text's width grows about in proportion to its size: go straight to the size predicted to fit
      // (on fitText's 2 px steps), then check it, rather than measure every size on the way. Each size of
      // a font is a lookup the browser makes once, a few milliseconds while the page is loading.
      const predicted = start - 2 * Math.ceil((start - (start * maxWidth) / atStart) / 2);
      const lowest = start - 2 * Math.ceil((start - minSize) / 2);
      size = Math.max(lowest, predicted);
      while (widthAt(size) > maxWidth && size > minSize) size -= 2;
    }
  }
  return fitText(scene.add.text(x, y, text, { ...style, fontSize: `${size}px` }), maxWidth, minSize);
}

/**
 * Keeps a wrapped text to `maxLines` lines; when it is longer, the last line kept ends with "…" (never a
 * line cut off mid-sentence as if it were whole). The full text is in the text version. Returns whether
 * it was cut.
 */
export function clampLines(text: Phaser.GameObjects.Text, maxLines: number): boolean {
  const cut = clampedText(text.getWrappedText(), maxLines, (s) => text.getWrappedText(s));
  if (cut === null) return false;
  text.setText(cut);
  return true;
}

/** Shrinks a wrapped text's font (to `minSize` at least) until it is at most `maxHeight` tall. */
export function shrinkToHeight(text: Phaser.GameObjects.Text, maxHeight: number, minSize = 12): Phaser.GameObjects.Text {
  for (let size = (parseInt(String(text.style.fontSize), 10) || 16) - 1; text.height > maxHeight && size >= minSize; size--) text.setFontSize(size);
  return text;
}
