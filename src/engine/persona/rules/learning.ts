import type { CompiledScenario } from '../compile.ts';
import type { Estimate } from '../packages.ts';
import { TUNING } from '../tuning.ts';
import type { TableTurn } from './turn.ts';

/**
 * Scales an estimate back to hundredths that add up to about 100 (whole numbers, so that negotiations
 * that taught the counterpart the same thing meet again).
 */
function normalised(raw: number[]): Estimate {
  const clipped = raw.map((w) => Math.max(0, w));
  const sum = clipped.reduce((a, b) => a + b, 0);
  if (sum <= 0) return raw.map(() => Math.round(100 / raw.length));
  return clipped.map((w) => Math.round((w / sum) * 100));
}

/**
 * Learns from words (what the rep asks for and what it gives up, as IAGO reads preference statements):
 * an issue the rep asks for gains weight in the counterpart's picture of the rep, an issue it gives up
 * loses weight. The counterpart hears the ask whether or not it agrees to it.
 */
export function learnFromTerms(c: CompiledScenario, estimate: Estimate, wants: readonly string[], gives: readonly string[]): Estimate {
  if (wants.length === 0 && gives.length === 0) return estimate;
  const ids = c.space.issueIds;
  const raw = estimate.map((w, i) => w + (wants.includes(ids[i]!) ? TUNING.learnStep : 0) - (gives.includes(ids[i]!) ? TUNING.learnStep : 0));
  return normalised(raw);
}

/** The learning step of a choice at the table: its gets, its gives, and what a structured alternative fixes in the rep's favour. */
export function learnFromChoice(turn: TableTurn): void {
  const { m, c, choice } = turn;
  const wants = Object.keys(choice.get ?? {});
  const gives = Object.keys(choice.give ?? {});
  if (choice.propose) {
    // In a structured alternative, the issues set at the counterpart's least favourite options are the
    // ones the rep cares about; those at its favourite ones are what the rep is willing to give.
    for (const [issueId, optionId] of Object.entries(choice.propose)) {
      const mirror = c.space.mirrorOf(issueId, optionId);
      if (mirror >= 0.5) wants.push(issueId);
      else gives.push(issueId);
    }
  }
  m.estimate = learnFromTerms(c, m.estimate, wants, gives);
}
