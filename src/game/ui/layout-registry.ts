import type Phaser from 'phaser';
import { splitsShortWord } from './wrap-text.ts';

/** A rectangle on the 1280x720 stage. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextBox {
  text: string;
  bounds: Rect;
  /** The lines as wrapped on screen. */
  lines?: string[];
  /** Lines wrapped but not drawn (a `maxLines` style that cut the text off without a word). */
  hiddenLines?: number;
  /** Whether a line is wider than a fixed width that clips it (the end of the line not drawn). */
  clipped?: boolean;
}

export interface SceneLayout {
  panels: Rect[];
  texts: TextBox[];
}

/**
 * Where a scene's panels and buttons are, so the drawn text can be checked against them: the screenshot
 * sweep reads this through the debug hook and flags any text box that runs out of the panel it starts in.
 */
const panels = new WeakMap<Phaser.Scene, Rect[]>();

export function registerPanel(scene: Phaser.Scene, rect: Rect): void {
  const list = panels.get(scene) ?? [];
  // A scene object lives across restarts: a new screen starts with no panels.
  if (!list.length) scene.events.once('shutdown', () => panels.delete(scene));
  list.push(rect);
  panels.set(scene, list);
}

/** Texts that are a column of one-line values, one per row `pitch` apart (each row its own box). */
const columns = new WeakMap<Phaser.GameObjects.Text, number>();

/**
 * Says that `text` draws one value per line, each line the row of a list `pitch` pixels apart (a
 * column of labels across a list of buttons): the layout checks see each line where it is drawn,
 * inside its own row's button, rather than one box across all of them.
 */
export function registerColumn(text: Phaser.GameObjects.Text, pitch: number): void {
  columns.set(text, pitch);
}

/** The panels and the measured bounds of every visible text of a scene (stage coordinates). */
export function sceneLayout(scene: Phaser.Scene): SceneLayout {
  const texts: TextBox[] = [];
  for (const child of scene.children.list) {
    if (child.type !== 'Text') continue;
    const t = child as Phaser.GameObjects.Text;
    if (!t.visible || !t.text.trim() || t.alpha === 0) continue;
    const b = t.getBounds();
    const pitch = columns.get(t);
    if (pitch !== undefined) {
      const lineHeight = t.style.getTextMetrics().fontSize;
      t.getWrappedText().forEach((line, i) => {
        if (line.trim()) texts.push({ text: line, bounds: { x: b.x, y: b.y + i * pitch, width: b.width, height: lineHeight }, lines: [line] });
      });
      continue;
    }
    const lines = t.getWrappedText();
    const max = t.style.maxLines;
    const fixed = t.style.fixedWidth;
    if (fixed > 0) t.style.syncFont(t.canvas, t.context);
    texts.push({
      text: t.text,
      bounds: { x: b.x, y: b.y, width: b.width, height: b.height },
      lines,
      hiddenLines: max > 0 && lines.length > max ? lines.length - max : 0,
      clipped: fixed > 0 && lines.some((l) => t.context.measureText(l).width > fixed + 1),
    });
  }
  return { panels: [...(panels.get(scene) ?? [])], texts };
}

export interface MisplacedText {
  text: string;
  bounds: Rect;
  /** The panel the text runs out of, or the panel (a button, a card) it runs into. */
  panel: Rect;
  kind: 'overflow' | 'overlap' | 'collision' | 'broken-word' | 'cut-off';
  /** For a broken word or a cut-off text: the lines as wrapped; for a collision: the other text. */
  lines?: string[];
}

const inside = (r: Rect, px: number, py: number) => px >= r.x && px <= r.x + r.width && py >= r.y && py <= r.y + r.height;
const contains = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** The panel a text belongs to: the smallest one its first letter sits in (none for a text on the backdrop). */
function homePanel(layout: SceneLayout, t: TextBox): Rect | undefined {
  const cx = t.bounds.x + Math.min(4, t.bounds.width / 2);
  const cy = t.bounds.y + Math.min(4, t.bounds.height / 2);
  return layout.panels.filter((p) => inside(p, cx, cy)).sort((a, b) => a.width * a.height - b.width * b.height)[0];
}

/**
 * Text boxes that start inside a panel but run out of it (by more than `slack` px). A text that starts
 * on the backdrop (a screen title) is not inside any panel and is not checked.
 */
export function overflowingTexts(layout: SceneLayout, slack = 2): MisplacedText[] {
  const out: MisplacedText[] = [];
  for (const t of layout.texts) {
    const panel = homePanel(layout, t);
    if (!panel) continue;
    const b = t.bounds;
    if (b.x < panel.x - slack || b.y < panel.y - slack || b.x + b.width > panel.x + panel.width + slack || b.y + b.height > panel.y + panel.height + slack) {
      out.push({ text: t.text, bounds: b, panel, kind: 'overflow' });
    }
  }
  return out;
}

/**
 * Text boxes that run into a panel they do not belong to (by more than `slack` px each way): a label
 * reaching under a button, a caption crossing into the next card. The panels around a text's own panel
 * are where it sits, not an overlap.
 */
export function overlappingTexts(layout: SceneLayout, slack = 2): MisplacedText[] {
  const out: MisplacedText[] = [];
  for (const t of layout.texts) {
    const home = homePanel(layout, t);
    const b = t.bounds;
    for (const p of layout.panels) {
      if (p === home || (home && contains(p, home))) continue;
      const w = Math.min(b.x + b.width, p.x + p.width) - Math.max(b.x, p.x);
      const h = Math.min(b.y + b.height, p.y + p.height) - Math.max(b.y, p.y);
      if (w > slack && h > slack) {
        out.push({ text: t.text, bounds: b, panel: p, kind: 'overlap' });
        break;
      }
    }
  }
  return out;
}

/** Texts drawn over one another (each pair once: the later text, with the earlier one's box as `panel`). */
export function collidingTexts(layout: SceneLayout, slack = 2): MisplacedText[] {
  const out: MisplacedText[] = [];
  layout.texts.forEach((t, i) => {
    const b = t.bounds;
    const hit = layout.texts.slice(0, i).find((o) => {
      const w = Math.min(b.x + b.width, o.bounds.x + o.bounds.width) - Math.max(b.x, o.bounds.x);
      const h = Math.min(b.y + b.height, o.bounds.y + o.bounds.height) - Math.max(b.y, o.bounds.y);
      return w > slack && h > slack;
    });
    if (hit) out.push({ text: t.text, bounds: b, panel: hit.bounds, kind: 'collision', lines: [hit.text] });
  });
  return out;
}

/** Texts that break a short word across two lines ("$200" over "K"). */
export function brokenWordTexts(layout: SceneLayout): TextBox[] {
  return layout.texts.filter((t) => t.lines && splitsShortWord(t.text, t.lines));
}

/**
 * Every text that runs out of its panel or into another one, is drawn over another text, breaks a short
 * word, or is cut off unmarked.
 */
export function misplacedTexts(layout: SceneLayout, slack = 2): MisplacedText[] {
  const broken = brokenWordTexts(layout).map((t) => ({ text: t.text, bounds: t.bounds, panel: t.bounds, kind: 'broken-word' as const, lines: t.lines }));
  const cut = layout.texts
    .filter((t) => (t.hiddenLines ?? 0) > 0 || t.clipped)
    .map((t) => ({ text: t.text, bounds: t.bounds, panel: t.bounds, kind: 'cut-off' as const, lines: t.lines }));
  return [...overflowingTexts(layout, slack), ...overlappingTexts(layout, slack), ...collidingTexts(layout, slack), ...broken, ...cut];
}
