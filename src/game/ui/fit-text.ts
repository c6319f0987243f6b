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
