import type { BeatDef, ChoiceDef, Persona, ReactionKey } from '../../scenario/schema.ts';
import type { CompiledScenario } from '../compile.ts';
import type { Draft } from './common.ts';

/**
 * Which reaction the counterpart voices when one choice sets off several, highest first. Every step of
 * a turn only proposes reactions; the one highest in this list is what the rep hears. The order says
 * what matters most to the rep: the negotiation ending, then what happened to the terms on the table,
 * then the verdict on a tested claim, then how a signal landed, then small talk.
 */
export const REACTION_PRECEDENCE: readonly ReactionKey[] = [
  'counterpartWalks',
  'proposalAccepted',
  'lastPush',
  'proposalRejected',
  'tradeRefused',
  'traded',
  'conceded',
  'claimWithdrawn',
  'claimStands',
  'bluffCalled',
  'claimProven',
  'threatened',
  'signalStrong',
  'signalWeak',
  'paused',
  'answered',
  'held',
];
const RANK = new Map(REACTION_PRECEDENCE.map((k, i) => [k, i]));

/** One choice at the table, as the steps of `applyAtTable` share it. */
export interface TableTurn extends Draft {
  c: CompiledScenario;
  p: Persona;
  beat: BeatDef;
  choice: ChoiceDef;
  tags: ReadonlySet<string>;
  /** Whether the choice answers the counterpart's test of a claim (then it makes no fresh claim). */
  answeringTest: boolean;
  /** Whether one of the facts the choice cites is held. */
  backed: boolean;
  /** The reactions proposed so far; the winner is decided by `REACTION_PRECEDENCE`. */
  reactions: ReactionKey[];
  /** The counterpart's own words when it answers a question. */
  answer: string | null;
  /** What decided the voiced reaction, in words the rep can check (shown with it). */
  why: Partial<Record<ReactionKey, string | null>>;
}

export function react(turn: TableTurn, key: ReactionKey): void {
  turn.reactions.push(key);
}

/** The reaction the rep hears: the proposed one highest in precedence, or none. */
export function winningReaction(turn: TableTurn): ReactionKey | null {
  let best: ReactionKey | null = null;
  for (const k of turn.reactions) if (best === null || RANK.get(k)! < RANK.get(best)!) best = k;
  return best;
}
