import { readFileSync } from 'node:fs';
import { compileScenario, loadScenario, Session, type CompiledScenario } from '../src/engine/index.ts';

const root = new URL('../', import.meta.url);

export function compiledFixture(name: string): CompiledScenario {
  return compileScenario(loadScenario(readFileSync(new URL(`tests/fixtures/${name}.yaml`, root), 'utf8'), `${name}.yaml`));
}

export function compiledShipped(id: string): CompiledScenario {
  return compileScenario(loadScenario(readFileSync(new URL(`scenarios/${id}.yaml`, root), 'utf8'), `${id}.yaml`));
}

/** Plays an exact list of choice ids (throws if one is not available when its turn comes). */
export function playChoices(c: CompiledScenario, personaId: string, seed: number, choices: string[]): Session {
  const s = Session.create(c, personaId, seed);
  for (const id of choices) s.choose(id);
  return s;
}

/**
 * Plays to the end choosing, at each turn, the first available choice from `prefs`, never the same
 * choice twice in a row (a push at the final offer is made once). Robust to the interjections a persona
 * opens (tactics, tests), which differ by persona and seed.
 */
export function playPreferring(c: CompiledScenario, personaId: string, seed: number, prefs: string[], stopBefore?: string): Session {
  const s = Session.create(c, personaId, seed);
  while (!s.isOver()) {
    const available = s.snapshot().choices.map((ch) => ch.id);
    const last = s.moves[s.moves.length - 1];
    const pick = prefs.find((p) => available.includes(p) && p !== last);
    if (!pick) throw new Error(`no preferred choice among ${available.join(', ')} (turn ${s.snapshot().turn + 1})`);
    if (pick === stopBefore) return s;
    s.choose(pick);
  }
  return s;
}

/** The clean way through enterprise-deal: prepare fully, discover, signal real strength, trade, push once calmly at the end. */
export const ENTERPRISE_CLEAN = [
  'build-pipeline',
  'set-walk-away',
  'research-buyer',
  'ask-what-if-not',
  'ask-alternatives',
  'trade-term-for-price',
  'mention-pipeline',
  'test-stand',
  'let-them-choose',
  'probe-vendor',
  'calm-on-deadline',
  'cost-of-status-quo',
  'keep-what-you-have',
  'trade-implementation',
  'pause-to-think',
  'final-hold',
  'accept-final',
];
