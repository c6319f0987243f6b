import type Phaser from 'phaser';

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

/**
 * What clampLines sets a text to, from its wrapped `lines` and how it wraps any other string; null when
 * the text fits in `maxLines` as it is. For laying text out before it is drawn (see card-columns.ts).
 */
export function clampedText(lines: readonly string[], maxLines: number, wrap: (text: string) => readonly string[]): string | null {
  if (lines.length <= maxLines) return null;
  const kept = lines.slice(0, Math.max(1, maxLines));
  let last = kept.pop() ?? '';
  // Each shorter ending is tried by wrapping it, not by drawing it (a draw renders the text's canvas
  // and uploads it to the GPU): the text is drawn once, cut.
  let cut: string;
  for (;;) {
    cut = [...kept, `${last.replace(/[\s,;:.\-–—]+$/, '')}…`].join('\n');
    if (wrap(cut).length <= kept.length + 1 || !last.includes(' ')) break;
    last = last.slice(0, last.lastIndexOf(' '));
  }
  return cut;
}

/** Shrinks a wrapped text's font (to `minSize` at least) until it is at most `maxHeight` tall. */
export function shrinkToHeight(text: Phaser.GameObjects.Text, maxHeight: number, minSize = 12): Phaser.GameObjects.Text {
  for (let size = (parseInt(String(text.style.fontSize), 10) || 16) - 1; text.height > maxHeight && size >= minSize; size--) text.setFontSize(size);
  return text;
}
