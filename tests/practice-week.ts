import { Session, type CompiledScenario } from '../src/engine/index.ts';
import { entryFor, type RecordEntry } from '../src/engine/training/index.ts';
import { compiledShipped } from './helpers.ts';

/**
 * A week of practice, really played: `count` finished negotiations spread over seven days, on the
 * shipped scenarios, by a rep who starts careless and improves (early games pick the first choice that
 * gives ground; later games prepare, ask and trade). Every entry replays to its cached summary.
 */
export function weekOfPractice(count = 30, start = '2026-11-20T09:00:00.000Z'): RecordEntry[] {
  const games: [CompiledScenario, string][] = [];
  for (const id of ['tutorial', 'enterprise-deal', 'renewal', 'dominant-vendor']) {
    const c = compiledShipped(id);
    for (const p of c.scenario.personas) games.push([c, p.id]);
  }
  const t0 = Date.parse(start);
  const entries: RecordEntry[] = [];
  for (let i = 0; i < count; i++) {
    const [c, personaId] = games[(i * 7) % games.length]!;
    const skill = i / Math.max(1, count - 1);
    const s = Session.create(c, personaId, 1000 + i, i % 5 === 4 ? 'coach' : 'practice');
    let turn = 0;
    while (!s.isOver()) {
      const snap = s.snapshot();
      const careful = pseudo(i * 131 + turn) < skill;
      s.choose(careful ? goodChoice(snap) : poorChoice(snap, i + turn));
      turn++;
    }
    const playedAt = new Date(t0 + Math.floor((i * 7 * 24 * 3600_000) / count)).toISOString();
    entries.push(entryFor(s, playedAt));
  }
  return entries;
}

type Snap = ReturnType<Session['snapshot']>;

function goodChoice(snap: Snap): string {
  const accept = snap.choices.find((c) => c.tags.includes('accept'));
  if (accept && snap.stage === 'closing' && snap.value >= snap.walkAwayValue) return accept.id;
  const avoid = ['walk-away', 'threat', 'batna:weak', 'pace:panic', 'concede', 'claim:alternative'];
  const safe = snap.choices.filter((c) => !c.tags.some((t) => avoid.includes(t)));
  const pool = safe.length ? safe : snap.choices;
  if (snap.turn > 14) return (snap.choices.find((c) => c.tags.includes('accept')) ?? pool[0]!).id;
  for (const tag of ['prep', 'ask:batna', 'trade', 'batna:strong', 'hold', 'accept']) {
    const hit = pool.find((c) => c.tags.includes(tag));
    if (hit) return hit.id;
  }
  return pool[0]!.id;
}

function poorChoice(snap: Snap, k: number): string {
  if (snap.turn > 14) return (snap.choices.find((c) => c.tags.includes('accept')) ?? snap.choices[0]!).id;
  const giving = snap.choices.filter((c) => c.tags.some((t) => ['concede', 'batna:weak', 'pace:panic'].includes(t)));
  const pool = giving.length ? giving : snap.choices;
  return pool[k % pool.length]!.id;
}

/** A small deterministic generator (0..1) so the week is the same on every run. */
function pseudo(n: number): number {
  const x = Math.sin(n * 12.9898) * 43758.5453;
  return x - Math.floor(x);
}
