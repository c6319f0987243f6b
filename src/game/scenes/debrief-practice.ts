import { MODE_RULES } from '../../engine/training/index.ts';
import { SCENES, type GameApp } from '../app.ts';
import { clampLines } from '../ui/fit-text.ts';
import { COLORS, css, FONT } from '../ui/theme.ts';
import type { BaseScene } from './base-scene.ts';

/**
 * The practice parts of the debrief, kept apart from the scored debrief itself: the mode's verdict
 * (assessment: passed or not, and why), the take-backs a coach game used, whether this was a retry, a
 * changed scenario, and the entry points to re-watch the game and to try again from a turn.
 */

/** The practice notes of this game: short lines for the canvas, full sentences for the text version. */
function practiceNotes(app: GameApp): { short: string[]; full: string[]; color: number } | null {
  const notes = app.practice.notesFor(app.runner);
  if (!notes) return null;
  const short: string[] = [];
  const full: string[] = [];
  let color: number = COLORS.textMuted;
  if (notes.verdict) {
    const v = notes.verdict;
    color = v.passed ? COLORS.success : COLORS.danger;
    short.push(v.passed ? `Assessment passed (pass mark ${v.passMark})` : `Assessment not passed (pass mark ${v.passMark})`);
    full.push(v.why);
    if (notes.counts) full.push(notes.counts);
  } else {
    short.push(`${MODE_RULES[notes.mode as keyof typeof MODE_RULES].label} mode`);
  }
  if (notes.takeBacks.length) {
    const moves = notes.takeBacks.join(', ');
    short.push(`${notes.takeBacks.length} take-back${notes.takeBacks.length > 1 ? 's' : ''} (move ${moves})`);
    full.push(`You took back move ${moves} (coach mode only: practice and assessment allow none).`);
  }
  if (notes.retryOf) {
    short.push(`Retry from turn ${notes.retryOf.turn + 1}`);
    full.push(`This game is a retry from turn ${notes.retryOf.turn + 1} of an earlier one.`);
  }
  if (notes.changed) {
    short.push('Scenario changed since');
    full.push(notes.changed);
  }
  return { short, full, color };
}

/** The practice notes in the text version (the full sentences). */
export function mirrorPracticeNotes(app: GameApp): void {
  const notes = practiceNotes(app);
  if (notes) app.mirror.text([notes.short[0], ...notes.full].join(' '), 'debrief-practice');
}

/** The practice notes on the canvas: short lines (the full sentences are in the text version). */
export function drawPracticeNotes(scene: BaseScene, app: GameApp, x: number, y: number, width: number): void {
  const notes = practiceNotes(app);
  if (!notes) return;
  const text = scene.add.text(x, y, notes.short.join(' · '), {
    fontFamily: FONT,
    fontSize: '14px',
    color: css(notes.color),
    fontStyle: 'bold',
    wordWrap: { width, useAdvancedWrap: true },
  });
  clampLines(text, 3);
}

/** The turn "try again" starts from: just before the first anti-pattern, else before the last move. */
export function retryTurn(app: GameApp): number {
  const r = app.result();
  const moves = app.session?.moves.length ?? 0;
  const first = r?.antiPatterns[0];
  if (first) {
    const index = r.transcript.findIndex((t) => t.turn === first.turn);
    if (index >= 0) return index;
  }
  return Math.max(0, moves - 1);
}

/** Re-watch and try-again buttons; assessment games cannot be retried (the first attempt counts). */
export function addPracticeButtons(scene: BaseScene, app: GameApp, at: { x: number; y: number; height: number }): number {
  let x = at.x;
  const recordId = app.runner.recordId;
  if (!recordId) return x;
  const mode = app.session?.mode ?? 'practice';
  scene.addButton({
    x,
    y: at.y,
    width: 140,
    height: at.height,
    label: 'Re-watch',
    fontSize: 17,
    testid: 'rewatch',
    onActivate: () => scene.go(SCENES.rewatch, { recordId, turn: 0 }),
  });
  x += 148;
  if (MODE_RULES[mode].retry) {
    const turn = retryTurn(app);
    scene.addButton({
      x,
      y: at.y,
      width: 190,
      height: at.height,
      label: `Try from turn ${turn + 1}`,
      fontSize: 17,
      testid: 'retry-from-turn',
      onActivate: () => {
        const record = app.practice.find(recordId);
        if (record && app.retryFrom(record, turn)) scene.go(app.sceneFor(app.requireSession().snapshot()));
      },
    });
    x += 198;
  }
  return x;
}
