import type Phaser from 'phaser';

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

/** The panels and the measured bounds of every visible text of a scene (stage coordinates). */
export function sceneLayout(scene: Phaser.Scene): SceneLayout {
  const texts: TextBox[] = [];
  for (const child of scene.children.list) {
    if (child.type !== 'Text') continue;
    const t = child as Phaser.GameObjects.Text;
    if (!t.visible || !t.text.trim() || t.alpha === 0) continue;
    const b = t.getBounds();
    texts.push({ text: t.text, bounds: { x: b.x, y: b.y, width: b.width, height: b.height } });
  }
  return { panels: [...(panels.get(scene) ?? [])], texts };
}

/**
 * Text boxes that start inside a panel but run out of it (by more than `slack` px). A text that starts
 * on the backdrop (a screen title) is not inside any panel and is not checked.
 */
export function overflowingTexts(layout: SceneLayout, slack = 2): { text: string; bounds: Rect; panel: Rect }[] {
  const out: { text: string; bounds: Rect; panel: Rect }[] = [];
  const inside = (r: Rect, px: number, py: number) => px >= r.x && px <= r.x + r.width && py >= r.y && py <= r.y + r.height;
  for (const t of layout.texts) {
    const cx = t.bounds.x + Math.min(4, t.bounds.width / 2);
    const cy = t.bounds.y + Math.min(4, t.bounds.height / 2);
    // The smallest panel the text starts in is the one it belongs to.
    const panel = layout.panels.filter((p) => inside(p, cx, cy)).sort((a, b) => a.width * a.height - b.width * b.height)[0];
    if (!panel) continue;
    const b = t.bounds;
    if (b.x < panel.x - slack || b.y < panel.y - slack || b.x + b.width > panel.x + panel.width + slack || b.y + b.height > panel.y + panel.height + slack) {
      out.push({ text: t.text, bounds: b, panel });
    }
  }
  return out;
}
