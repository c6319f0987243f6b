import type { Persona } from '../../scenario/schema.ts';
import { ownEntry } from '../../text.ts';
import { sortedUnion } from './common.ts';
import { react, type TableTurn } from './turn.ts';

/** The persona's scripted answers to the discovery items asked about, in the order asked. */
function answersTo(p: Persona, ids: string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const a = ownEntry(p.answers, id);
    if (a !== undefined) out.push(a);
  }
  return out;
}

/**
 * A discovery question. They answer with what is true of them (up to two things); only if nothing asked
 * about is true do they say what is not.
 */
export function discover(turn: TableTurn): void {
  const { m, tags, p, choice } = turn;
  if (choice.reveals?.length) {
    const found = choice.reveals.filter((id) => p.signals.includes(id));
    m.discovered = sortedUnion(m.discovered, found);
    m.tally.asks += 1;
    const truths = answersTo(p, found).slice(0, 2);
    turn.answer = truths.length ? truths.join(' ') : (answersTo(p, choice.reveals)[0] ?? null);
    react(turn, 'answered');
  } else if (tags.has('ask:batna')) {
    m.tally.asks += 1;
    react(turn, 'answered');
  }
}
