import type Phaser from 'phaser';
import { buttonPadding, cardDetailLines, cardLabelLines, detailFontSize } from './action-button.ts';
import { clampedText } from './clamp-text.ts';
import { registerColumn } from './layout-registry.ts';
import { measurerFor, styleOf } from './text-metrics.ts';
import { COLORS, css, FONT } from './theme.ts';
import { splitsShortWord, wrapText } from './wrap-text.ts';

type TextStyle = Phaser.Types.GameObjects.Text.TextStyle;

/** A list of card buttons of one size, one under the other (ActionButton's 'card' variant with a detail). */
export interface CardList {
  x: number;
  /** The top of the first card. */
  y: number;
  width: number;
  height: number;
  /** From the top of one card to the top of the next. */
  pitch: number;
  /** The labels' size, as the buttons' `fontSize`. */
  fontSize: number;
  rows: readonly { label: string; detail: string }[];
}

/** One column: its lines, where its first line's box starts, and its style. */
interface Column {
  x: number;
  y: number;
  lines: string[];
  style: TextStyle;
}

/** The labels and the details of a card list, laid out as each button would lay out its own. */
export interface CardColumns {
  pitch: number;
  label: Column;
  detail: Column;
}

/**
 * Lays out the labels and details of a card list as two columns of one line per card, where each
 * button would draw its own (ActionButton.addTexts: the same styles, the same cut with "…", the same
 * place in the card). Drawn as two texts for the whole list, a list of ten cards uploads two textures
 * rather than twenty. Null when a card's label or detail would take more than one line or a smaller
 * size: then the buttons draw their own.
 */
export function cardColumns(list: CardList): CardColumns | null {
  const { x, y, width, height, pitch, fontSize, rows } = list;
  if (!rows.length || rows.some((r) => !r.detail)) return null;
  const pad = buttonPadding(width);
  const wrapWidth = width - pad * 2;
  const labelStyle: TextStyle = { fontFamily: FONT, fontSize: `${fontSize}px`, color: css(COLORS.text), fontStyle: 'bold', align: 'left' };
  const detailStyle: TextStyle = { fontFamily: FONT, fontSize: `${detailFontSize(fontSize)}px`, color: css(COLORS.textMuted), align: 'left' };
  const labelHeight = styleOf(labelStyle).getTextMetrics().fontSize;
  const detailHeight = styleOf(detailStyle).getTextMetrics().fontSize;
  // A label taller than its room would be drawn smaller.
  if (labelHeight > height - 26) return null;
  /** The one line a text is drawn as, cut to `maxLines` as clampLines cuts it; null if it takes more. */
  const oneLine = (text: string, maxLines: number, measure: (s: string) => number): { line: string; text: string } | null => {
    const wrap = (s: string) => wrapText(s, wrapWidth, measure);
    const cut = clampedText(wrap(text), maxLines, wrap);
    const shown = cut ?? text;
    const lines = wrap(shown);
    return lines.length === 1 ? { line: lines[0]!, text: shown } : null;
  };
  const measureLabel = measurerFor(labelStyle);
  const measureDetail = measurerFor(detailStyle);
  const labels: string[] = [];
  const details: string[] = [];
  const detailLines = cardDetailLines(height, labelHeight, fontSize);
  for (const row of rows) {
    const label = oneLine(row.label, cardLabelLines(height), measureLabel);
    const detail = oneLine(row.detail, detailLines, measureDetail);
    if (!label || !detail || splitsShortWord(label.text, [label.line])) return null;
    labels.push(label.line);
    details.push(detail.line);
  }
  const labelTop = y + (height - (labelHeight + 4 + detailHeight)) / 2;
  return {
    pitch,
    label: { x: x + pad, y: labelTop, lines: labels, style: { ...labelStyle, lineSpacing: pitch - labelHeight } },
    detail: { x: x + pad, y: labelTop + labelHeight + 4, lines: details, style: { ...detailStyle, lineSpacing: pitch - detailHeight } },
  };
}

/** Draws laid-out card columns; call after the buttons, so the texts lie over their backgrounds. */
export function addCardColumns(scene: Phaser.Scene, columns: CardColumns): void {
  for (const column of [columns.label, columns.detail]) {
    registerColumn(scene.add.text(column.x, column.y, column.lines, column.style), columns.pitch);
  }
}
