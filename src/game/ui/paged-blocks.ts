import type Phaser from 'phaser';
import { FONT } from './theme.ts';

/** One line of a block: its text, colour and weight; `indent` moves it right under a heading line. */
export interface BlockLine {
  text: string;
  color: string;
  bold?: boolean;
  size?: number;
  indent?: number;
}

/** Lines that belong together (a check and its advice, a move and its explanation): never split across pages. */
export type Block = readonly BlockLine[];

export interface PagedArea {
  x: number;
  y: number;
  width: number;
  height: number;
  columns?: number;
  columnGap?: number;
}

/**
 * Lays blocks out top to bottom in columns, and columns into pages, and draws the page asked for: every
 * item of a long debrief is reachable (page by page) and nothing runs out of its panel. Returns how many
 * pages there are and which one is drawn (clamped).
 */
export function drawPaged(scene: Phaser.Scene, blocks: readonly Block[], area: PagedArea, page: number): { pages: number; page: number } {
  const columns = area.columns ?? 1;
  const gap = area.columnGap ?? 24;
  const colWidth = (area.width - gap * (columns - 1)) / columns;
  const drawn = blocks.map((block) => drawBlock(scene, block, colWidth, area.height));
  let p = 0;
  let col = 0;
  let y = 0;
  const placed: { page: number; col: number; y: number }[] = [];
  drawn.forEach((b) => {
    if (y > 0 && y + b.height > area.height) {
      col++;
      y = 0;
      if (col >= columns) {
        col = 0;
        p++;
      }
    }
    placed.push({ page: p, col, y });
    y += b.height + 12;
  });
  const pages = p + 1;
  const shown = Math.max(0, Math.min(pages - 1, page));
  drawn.forEach((b, i) => {
    const at = placed[i]!;
    if (at.page !== shown) {
      for (const t of b.texts) t.destroy();
      return;
    }
    for (const t of b.texts) t.setPosition(area.x + at.col * (colWidth + gap) + (t.getData('indent') as number), area.y + at.y + (t.getData('dy') as number));
  });
  return { pages, page: shown };
}

function drawBlock(scene: Phaser.Scene, block: Block, width: number, maxHeight: number): { texts: Phaser.GameObjects.Text[]; height: number } {
  const make = (shrink: number) => {
    let dy = 0;
    return block.map((line, i) => {
      const indent = line.indent ?? 0;
      const t = scene.add.text(0, 0, line.text, {
        fontFamily: FONT,
        fontSize: `${(line.size ?? 15) - shrink}px`,
        color: line.color,
        fontStyle: line.bold ? 'bold' : 'normal',
        wordWrap: { width: width - indent, useAdvancedWrap: true },
        lineSpacing: 2,
      });
      t.setData('indent', indent).setData('dy', dy);
      dy += t.height + (i < block.length - 1 ? 2 : 0);
      return t;
    });
  };
  // A block taller than the whole area (a very long scenario line) shrinks until it fits.
  for (let shrink = 0; ; shrink++) {
    const texts = make(shrink);
    const last = texts[texts.length - 1];
    const height = last ? (last.getData('dy') as number) + last.height : 0;
    if (height <= maxHeight || shrink >= 3) return { texts, height };
    for (const t of texts) t.destroy();
  }
}
