import type Phaser from 'phaser';

/** Width of a piece of text in pixels, as the text will be drawn. */
export type Measure = (text: string) => number;

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Wraps text into lines no wider than `width`, as Phaser's advanced word wrap does: runs of spaces
 * become one, each line is trimmed, a word that does not fit starts the next line, and a word wider than
 * a whole line is broken across lines. Unlike Phaser's own version (which re-measures the rest of the
 * text for every line it makes and shaves an over-long word one letter at a time, so one 10,000-character
 * word froze the page for seconds), every word is measured once and an over-long word is broken in one
 * pass over its letters: the time is linear in the length of the text.
 */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  const out: string[] = [];
  const letterWidths = new Map<string, number>();
  const letterWidth = (ch: string) => {
    let w = letterWidths.get(ch);
    if (w === undefined) {
      w = measure(ch);
      letterWidths.set(ch, w);
    }
    return w;
  };

  for (const raw of text.replace(/ +/g, ' ').split(LINE_BREAK)) {
    const line = raw.replace(/^ +/, '').replace(/\s+$/, '');
    if (line.length === 0 || measure(line) < width) {
      out.push(line);
      continue;
    }
    const words = line.split(' ');
    const widths = words.map((w) => measure(`${w} `));
    const space = letterWidth(' ');
    // What the words from i to the end of the line measure together, kept per i: one pass, not one per line.
    const rest = new Float64Array(words.length + 1);
    for (let i = words.length - 1; i >= 0; i--) rest[i] = rest[i + 1]! + widths[i]!;
    let i = 0;
    let first = true;
    while (i < words.length) {
      // A line that starts mid-way takes all the rest if it fits (the whole line was tried above).
      if (!first && rest[i]! - space < width) {
        out.push(words.slice(i).join(' '));
        break;
      }
      first = false;
      let left = width;
      const start = i;
      while (i < words.length && widths[i]! <= left) left -= widths[i++]!;
      if (i > start) {
        out.push(words.slice(start, i).join(' '));
        continue;
      }
      // A word wider than a whole line: full lines of its letters; the rest of it starts the next line.
      const word = words[i]!;
      let piece = '';
      let pieceWidth = 0;
      let broken = false;
      for (const ch of word) {
        const w = letterWidth(ch);
        if (piece.length > 0 && pieceWidth + w > width) {
          out.push(piece);
          broken = true;
          piece = '';
          pieceWidth = 0;
        }
        piece += ch;
        pieceWidth += w;
      }
      if (!broken) {
        // It fits on its own but not with a space after it.
        out.push(word);
        i++;
        continue;
      }
      words[i] = piece;
      widths[i] = pieceWidth + space;
      rest[i] = rest[i + 1]! + widths[i]!;
    }
  }
  // Phaser drops trailing empty lines too.
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * Whether wrapping `text` into `lines` broke a word of at most `longest` characters across two lines
 * ("$200" above "K"): a word that short fits a line at a smaller size, and read broken it is a misprint.
 * Longer words (a URL, an unbroken string in a trainer's file) must break and are not counted.
 */
export function splitsShortWord(text: string, lines: readonly string[], longest = 20): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  const pieces = lines.flatMap((l) => l.split(/\s+/).filter(Boolean));
  if (pieces.length === words.length) return false;
  // Walk both lists: a piece that is only the start of its word means that word was broken.
  let p = 0;
  for (const word of words) {
    if (pieces[p] === word) {
      p++;
      continue;
    }
    if (word.length <= longest) return true;
    let joined = '';
    while (p < pieces.length && joined.length < word.length) joined += pieces[p++];
  }
  return false;
}

/**
 * Puts a line break inside every word wider than `width`, between the letters where it must break,
 * leaving everything else as it is (for wrapping that keeps spaces as written but would let one long
 * word run off the screen). Linear: each word is measured once, a long word's letters once each.
 */
export function breakLongWords(text: string, width: number, measure: Measure): string {
  return text.replace(/[^\s]+/g, (word) => {
    if (measure(word) <= width) return word;
    const pieces: string[] = [];
    let piece = '';
    let pieceWidth = 0;
    for (const ch of word) {
      const w = measure(ch);
      if (piece.length > 0 && pieceWidth + w > width) {
        pieces.push(piece);
        piece = '';
        pieceWidth = 0;
      }
      piece += ch;
      pieceWidth += w;
    }
    pieces.push(piece);
    return pieces.join('\n');
  });
}

/**
 * Makes every Phaser text with `useAdvancedWrap` wrap through `wrapText`, and plain word wrap break a
 * word wider than its line (Phaser's own lets it run off the screen as one line). Scenario files put any text a
 * trainer writes on screen, so no wrapped text may take more than linear time. Called once, before the
 * game starts.
 */
export function installLinearWordWrap(TextClass: typeof Phaser.GameObjects.Text): void {
  type Wrap = (this: Phaser.GameObjects.Text, text: string, context: CanvasRenderingContext2D, wordWrapWidth: number) => string;
  const proto = TextClass.prototype as unknown as { advancedWordWrap: Wrap; basicWordWrap: Wrap };
  const measureWith = (text: Phaser.GameObjects.Text, context: CanvasRenderingContext2D): Measure => {
    const spacing = text.letterSpacing;
    return (s) => context.measureText(s).width + s.length * spacing;
  };
  proto.advancedWordWrap = function (text, context, wordWrapWidth) {
    return wrapText(text, wordWrapWidth, measureWith(this, context)).join('\n');
  };
  const basic = proto.basicWordWrap;
  proto.basicWordWrap = function (text, context, wordWrapWidth) {
    return basic.call(this, breakLongWords(text, wordWrapWidth, measureWith(this, context)), context, wordWrapWidth);
  };
}
