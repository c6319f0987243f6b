import type { BeatDef, ChoiceDef, Persona } from '../../scenario/schema.ts';
import { personaText } from '../../text.ts';
import type { CompiledScenario } from '../compile.ts';
import { answerClaimTest } from './claim-test.ts';
import { flagAntiPattern, scriptedNext, type Draft } from './common.ts';
import { counterOffer } from './counter-offer.ts';
import { counterpartFloor, withOffer } from './counterpart.ts';
import { discover } from './discovery.ts';
import { endingMove } from './ending.ts';
import { calmStrength, claimAlternative, pause, threat, weakSignals } from './signals.ts';
import { learnFromChoice } from './learning.ts';
import { testTheirClaim, useFacts } from './their-claims.ts';
import { giveAndGet, hold, proposal } from './terms.ts';
import { winningReaction, type TableTurn } from './turn.ts';
import type { ReactionKey } from '../../scenario/schema.ts';

/**
 * The steps of a choice at the table, in the order they apply. Each changes the model and proposes
 * reactions; which reaction is voiced is decided afterwards by `REACTION_PRECEDENCE`, never by the order
 * of the steps.
 */
const STEPS: readonly ((turn: TableTurn) => void)[] = [
  useFacts,
  answerClaimTest,
  testTheirClaim,
  weakSignals,
  calmStrength,
  claimAlternative,
  threat,
  pause,
  discover,
  giveAndGet,
  proposal,
  hold,
  learnFromChoice,
  (turn) => {
    for (const id of turn.choice.antiPatterns ?? []) flagAntiPattern(turn, id, turn.choice.id);
  },
  counterOffer,
];

/** Reactions that carry a consequence the player must hear; a choice's scripted reply never hides them. */
const CONSEQUENCES: ReadonlySet<ReactionKey> = new Set([
  'claimWithdrawn',
  'claimStands',
  'tradeRefused',
  'bluffCalled',
  'claimProven',
  'proposalAccepted',
  'proposalRejected',
  'lastPush',
  'counterpartWalks',
]);

export function reactionText(c: CompiledScenario, p: Persona, key: ReactionKey, choice?: ChoiceDef): string {
  const own = choice?.reply !== undefined && !CONSEQUENCES.has(key) ? personaText(choice.reply, p.id) : undefined;
  return own ?? personaText(p.reactions?.[key], p.id) ?? personaText(c.scenario.reactions[key], p.id) ?? '';
}

/** Applies one choice made at the table (not in preparation). */
export function applyAtTable(c: CompiledScenario, p: Persona, d: Draft, beat: BeatDef, choice: ChoiceDef): void {
  const m = d.m;
  const turn: TableTurn = {
    m: d.m,
    log: d.log,
    c,
    p,
    beat,
    choice,
    tags: c.choiceTags.get(choice.id) ?? new Set(choice.tags),
    answeringTest: m.pendingClaim !== null && beat.id === c.scenario.flow.bluffTest,
    backed: (choice.backedBy ?? []).some((f) => m.facts.includes(f)),
    reactions: [],
    answer: null,
    why: {},
  };
  if (endingMove(turn)) {
    d.log = turn.log;
    return;
  }
  for (const step of STEPS) step(turn);
  d.log = turn.log;
  const reaction = winningReaction(turn);
  const text = reaction === 'answered' && turn.answer ? turn.answer : reaction ? reactionText(c, p, reaction, choice) : '';
  const why = reaction ? turn.why[reaction] : null;
  m.reaction = reaction ? { key: reaction, text, ...(why ? { why } : {}) } : null;
  m.nextBeat = m.outcome ? null : scriptedNext(c, m, choice);
  if (m.nextBeat === c.scenario.flow.finalOffer && m.beat !== c.scenario.flow.finalOffer) finalOffer(c, p, m);
}

/**
 * The counterpart's final offer is its floor: the least it accepts given everything the rep has shown
 * and uncovered. How many turns the script took to get there changes nothing (a shorter road, say by
 * trading, must not cost the rep), so what a final offer is worth is decided by the rep's moves alone.
 */
function finalOffer(c: CompiledScenario, p: Persona, m: Draft['m']): void {
  Object.assign(m, withOffer(c, m, counterpartFloor(c, p, m)));
}
