import type Phaser from 'phaser';
import type { Mood } from '../../engine/index.ts';
import { addSmoothGraphics } from './smooth-graphics.ts';
import { COLORS } from './theme.ts';

/**
 * Looks drawn from the persona itself (a hash of its id and name picks each feature on its own), so
 * every counterpart of every scenario gets its own face rather than one per position in the file.
 */
const SKIN = [0xf1c7a5, 0xc68c62, 0x8d5a3b, 0xe8b48f, 0x5e3a26, 0xf5d3b8];
const HAIR = [0x2b1d14, 0x9a5b2e, 0x1a1a1a, 0xd9b36c, 0x6b6f78, 0xb5402f];
const SUIT = [0x3d5a80, 0x7a4e8c, 0x2f6f5e, 0x8c4a3d, 0x4a4f63, 0x9c7a2f];
const BACKDROP = [0x2e3a52, 0x3b3350, 0x2d4546, 0x47363a, 0x353c4a, 0x44412f];
const HAIR_STYLES = ['short', 'bob', 'bun', 'curly', 'side', 'long'] as const;

/**
 * A counterpart's portrait drawn from shapes, in the game's flat style, with five expressions: the
 * mood the engine reports (neutral, pleased, skeptical, annoyed, pressing).
 */
export class Portrait {
  readonly container: Phaser.GameObjects.Container;
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly index: number;
  private readonly size: number;

  /** `look`: a persona's id and name (or a fixed number for the coach). */
  constructor(scene: Phaser.Scene, x: number, y: number, look: number | string, size = 280) {
    this.index = typeof look === 'number' ? Math.abs(look) : lookHash(look);
    this.size = size;
    this.g = addSmoothGraphics(scene);
    this.container = scene.add.container(x, y, [this.g]);
  }

  draw(mood: Mood): void {
    const s = this.size / 280; // drawn on a 280-wide grid, then scaled
    const i = this.index;
    const { skin, hair, suit, style, backdrop, glasses, earrings } = lookOf(i);
    const g = this.g.clear();
    const X = (v: number) => v * s;
    const lean = mood === 'pressing' ? 8 : 0; // leaning in
    const cx = X(140);
    const headY = X(128 - lean / 2);

    // Backdrop card.
    g.fillStyle(backdrop, 1).fillRoundedRect(0, 0, X(280), X(300), X(20));

    // Shoulders and collar.
    // Shoulders stop at the card's bottom edge (rounded on top only) so the portrait never spills out.
    g.fillStyle(suit, 1).fillRoundedRect(X(40 - lean), X(228 - lean), X(200 + lean * 2), X(72 + lean), { tl: X(60), tr: X(60), bl: 0, br: 0 });
    g.fillStyle(0xf4f1ea, 1).fillTriangle(X(112), X(230 - lean), X(168), X(230 - lean), X(140), X(272 - lean));
    g.fillStyle(COLORS.backgroundDeep, 0.9).fillTriangle(X(134), X(244 - lean), X(146), X(244 - lean), X(140), X(284 - lean));
    // Neck.
    g.fillStyle(darken(skin, 0.85), 1).fillRect(X(122), X(186 - lean), X(36), X(48));

    // Hair behind the head.
    g.fillStyle(hair, 1);
    if (style === 'long') g.fillRoundedRect(cx - X(72), headY - X(60), X(144), X(150), X(50));
    if (style === 'bob') g.fillRoundedRect(cx - X(70), headY - X(62), X(140), X(118), X(46));
    if (style === 'bun') g.fillCircle(cx, headY - X(78), X(26));

    // Head and ears.
    g.fillStyle(skin, 1)
      .fillCircle(cx - X(62), headY + X(6), X(13))
      .fillCircle(cx + X(62), headY + X(6), X(13));
    g.fillEllipse(cx, headY, X(124), X(148));

    // Hair on top.
    g.fillStyle(hair, 1);
    switch (style) {
      case 'short':
        g.fillEllipse(cx, headY - X(52), X(122), X(58));
        break;
      case 'curly':
        for (let k = -3; k <= 3; k++) g.fillCircle(cx + X(k * 17), headY - X(60 - Math.abs(k) * 4), X(19));
        break;
      case 'side':
        g.fillEllipse(cx - X(16), headY - X(54), X(110), X(50)).fillEllipse(cx + X(34), headY - X(46), X(64), X(40));
        break;
      default:
        g.fillEllipse(cx, headY - X(56), X(126), X(48));
        g.fillTriangle(cx - X(60), headY - X(50), cx - X(10), headY - X(60), cx - X(62), headY - X(4));
    }

    // Face features by mood.
    const eyeY = headY + X(2);
    const eyeDX = X(24);
    const ink = 0x2a2230;
    g.fillStyle(ink, 1);
    g.lineStyle(X(5), ink, 1);
    if (mood === 'pleased') {
      // Smiling eyes: upward arcs.
      for (const d of [-1, 1]) {
        g.beginPath();
        g.arc(cx + d * eyeDX, eyeY + X(4), X(9), Math.PI * 1.1, Math.PI * 1.9, false);
        g.strokePath();
      }
    } else {
      const h = mood === 'pressing' || mood === 'annoyed' ? X(6) : X(10);
      g.fillEllipse(cx - eyeDX, eyeY, X(11), h).fillEllipse(cx + eyeDX, eyeY, X(11), h);
    }

    // Brows: [left inner y, left outer y, right inner y, right outer y] relative to the eyes.
    const brows: Record<Mood, [number, number, number, number]> = {
      neutral: [-20, -20, -20, -20],
      pleased: [-26, -23, -26, -23],
      skeptical: [-18, -18, -30, -24],
      annoyed: [-12, -24, -12, -24],
      pressing: [-14, -18, -14, -18],
    };
    const [li, lo, ri, ro] = brows[mood];
    g.lineStyle(X(6), darken(hair, 0.9), 1);
    g.lineBetween(cx - X(12), eyeY + X(li), cx - X(36), eyeY + X(lo));
    g.lineBetween(cx + X(12), eyeY + X(ri), cx + X(36), eyeY + X(ro));

    // Nose.
    g.lineStyle(X(3), darken(skin, 0.75), 1);
    g.lineBetween(cx, eyeY + X(12), cx - X(5), eyeY + X(32));
    g.lineBetween(cx - X(5), eyeY + X(32), cx + X(4), eyeY + X(33));

    // Mouth.
    const mouthY = headY + X(50);
    g.lineStyle(X(5), 0x8a3b3b, 1);
    switch (mood) {
      case 'pleased':
        g.fillStyle(0x8a3b3b, 1);
        g.beginPath();
        g.arc(cx, mouthY - X(6), X(20), Math.PI * 0.1, Math.PI * 0.9, false);
        g.closePath();
        g.fillPath();
        break;
      case 'skeptical':
        g.lineBetween(cx - X(18), mouthY + X(2), cx + X(16), mouthY - X(5));
        break;
      case 'annoyed':
        g.beginPath();
        g.arc(cx, mouthY + X(16), X(18), Math.PI * 1.15, Math.PI * 1.85, false);
        g.strokePath();
        break;
      case 'pressing':
        g.fillStyle(0x6d2c2c, 1).fillEllipse(cx, mouthY, X(24), X(12));
        break;
      default:
        g.lineBetween(cx - X(16), mouthY, cx + X(16), mouthY);
    }

    // Cheeks warm up when pleased, flush when annoyed.
    if (mood === 'pleased' || mood === 'annoyed') {
      g.fillStyle(mood === 'pleased' ? 0xff9a8a : 0xe05050, mood === 'pleased' ? 0.35 : 0.3);
      g.fillCircle(cx - X(38), eyeY + X(30), X(12)).fillCircle(cx + X(38), eyeY + X(30), X(12));
    }

    // Accessories: glasses over the eyes, small earrings.
    if (glasses) {
      g.lineStyle(X(3), 0x1f1f26, 1);
      g.strokeRoundedRect(cx - eyeDX - X(15), eyeY - X(11), X(30), X(22), X(6));
      g.strokeRoundedRect(cx + eyeDX - X(15), eyeY - X(11), X(30), X(22), X(6));
      g.lineBetween(cx - eyeDX + X(15), eyeY - X(2), cx + eyeDX - X(15), eyeY - X(2));
    }
    if (earrings)
      g.fillStyle(0xf2c14e, 1)
        .fillCircle(cx - X(62), headY + X(22), X(4))
        .fillCircle(cx + X(62), headY + X(22), X(4));
  }
}

/** The features of a look; each reads its own digits of it, so two personas rarely share more than one. */
export function lookOf(look: number) {
  const pick = <T>(list: readonly T[], digit: number) => list[Math.floor(look / 7 ** digit) % list.length]!;
  return {
    skin: pick(SKIN, 0),
    hair: pick(HAIR, 1),
    suit: pick(SUIT, 2),
    style: pick(HAIR_STYLES, 3),
    backdrop: pick(BACKDROP, 4),
    glasses: Math.floor(look / 7 ** 5) % 3 === 0,
    earrings: Math.floor(look / 7 ** 6) % 3 === 0,
  };
}

/** A stable number from a persona's id and name (FNV-1a), spread over the looks. */
export function lookHash(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return (h >>> 0) % 7 ** 7;
}

function darken(color: number, f: number): number {
  const r = Math.round(((color >> 16) & 0xff) * f);
  const gr = Math.round(((color >> 8) & 0xff) * f);
  const b = Math.round((color & 0xff) * f);
  return (r << 16) | (gr << 8) | b;
}
