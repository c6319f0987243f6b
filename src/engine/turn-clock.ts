import type { SessionSnapshot } from './session.ts';

/**
 * The one turn numbering every front end shows. A turn is a decision of the player, preparation
 * included, counted from 1: the table, the debrief, saves, the terminal and JSONL all say "turn N" for
 * the same decision (the transcript's `turn`). The counterpart's patience is a separate clock, worded
 * so it can never contradict the line: once the final offer is on the table it says so.
 */
export interface TurnClockWords {
  /** The number of the decision the player is about to make (transcript numbering). */
  turn: number;
  /** Whether the counterpart's final offer is on the table now. */
  finalOffer: boolean;
  /** Negotiation turns of patience the counterpart has left before it makes its final offer. */
  patienceLeft: number;
  /** One short line: "Turn 6 · at most 2 more turns before their final offer", "Turn 9 · Their final offer". */
  text: string;
}

export function turnClock(s: Pick<SessionSnapshot, 'turn' | 'phase' | 'stage' | 'clock' | 'deadline'>): TurnClockWords {
  const turn = s.turn + 1;
  const finalOffer = s.phase === 'negotiation' && s.stage === 'closing';
  const patienceLeft = finalOffer ? 0 : Math.max(0, s.deadline - s.clock);
  const rest =
    s.phase === 'prep'
      ? 'Preparation'
      : finalOffer
        ? 'Their final offer'
        : patienceLeft <= 1
          ? 'Their final offer comes next'
          : `at most ${patienceLeft} more turns before their final offer`;
  return { turn, finalOffer, patienceLeft, text: `Turn ${turn} · ${rest}` };
}
