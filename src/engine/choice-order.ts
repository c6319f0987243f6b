import { nextRandom, seedState } from './rng.ts';

/**
 * The order in which a turn's choices are shown. Scenario writers tend to list the sound move first, so
 * a rep who always takes the first button would be taught by the file's layout rather than by the
 * negotiation. Each turn shows its choices in an order drawn from the seed and the turn: a view of the
 * same choices, never a change to what they do (the same moves give the same outcome under any seed).
 */
export function presentationOrder<T>(choices: readonly T[], seed: number, turn: number): T[] {
  const out = [...choices];
  let state = seedState(Math.imul(seed, 0x9e3779b1) ^ Math.imul(turn + 1, 0x85ebca6b));
  for (let i = out.length - 1; i > 0; i--) {
    const r = nextRandom(state);
    state = r.state;
    const j = Math.floor(r.value * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
