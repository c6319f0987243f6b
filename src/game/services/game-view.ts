import type { AttemptMode, SessionSnapshot } from '../../engine/index.ts';
import { MODE_RULES } from '../../engine/training/index.ts';
import type { SessionRunner } from './session-runner.ts';

/**
 * Everything a scene draws for the game on screen, resolved once: the engine's snapshot plus the names
 * and texts the snapshot refers to by id. Scenes read this and never the raw scenario.
 */
export interface GameView {
  snapshot: SessionSnapshot;
  scenarioTitle: string;
  role: string;
  counterpartRole: string;
  briefing: { situation: readonly string[]; facts: readonly string[] };
  /** What is known of the counterpart before the table: their blurb, the briefing, what they remember. */
  counterpartKnown: string[];
  persona: { id: string; name: string; title: string; archetype: string; difficulty: number; index: number };
  /** The other counterparts of this scenario (for "try another counterpart"). */
  otherPersonaIds: string[];
  /** The player's facts and what they learned of the counterpart, as text. */
  facts: string[];
  discovered: string[];
  mode: AttemptMode;
  modeLabel: string;
  canTakeBack: boolean;
  watching: boolean;
}

export function gameView(runner: SessionRunner): GameView {
  const entry = runner.entry;
  const session = runner.session;
  if (!entry || !session) throw new Error('no negotiation on screen');
  const s = entry.scenario;
  const snapshot = session.snapshot();
  const index = s.personas.findIndex((p) => p.id === session.personaId);
  const p = s.personas[index]!;
  return {
    snapshot,
    scenarioTitle: s.title,
    role: s.role,
    counterpartRole: s.counterpartRole,
    briefing: { situation: s.briefing.situation, facts: s.briefing.facts },
    counterpartKnown: [p.blurb, ...s.briefing.known, ...(p.memory?.note ? [`They remember: ${p.memory.note}`] : [])],
    persona: { id: p.id, name: p.name, title: p.title, archetype: p.archetype, difficulty: p.difficulty, index },
    otherPersonaIds: s.personas.filter((x) => x.id !== p.id).map((x) => x.id),
    facts: snapshot.facts.map((id) => s.facts.find((f) => f.id === id)?.text ?? id),
    discovered: snapshot.discovered.map((id) => s.discovery.find((d) => d.id === id)?.label ?? id),
    mode: session.mode,
    modeLabel: MODE_RULES[session.mode].label,
    canTakeBack: runner.canTakeBack(),
    watching: runner.watching,
  };
}
