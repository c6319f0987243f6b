import type { NegotiationModel } from '../context.ts';
import { TUNING } from '../tuning.ts';
import { counterpartAspiration, counterpartFloor, counterpartReservation, effectiveBatna, withOffer } from './counterpart.ts';
import { react, winningReaction, type TableTurn } from './turn.ts';

/**
 * Whether a last push at the final offer earns one more step: only from a rep who showed more real
 * strength (calm signals, backed claims, trades) than need, was never caught bluffing and never
 * threatened. All of it is what the rep did and can read back in the transcript.
 */
export function lastPushEarned(m: NegotiationModel): boolean {
  const t = m.tally;
  return t.bluffsCalled === 0 && m.hardened === 0 && t.strongSignals + t.backedClaims + t.trades > t.weakSignals + t.panics;
}

/**
 * The counterpart's clock moves on and it answers with a new offer. At the final offer, anything but
 * accepting or walking is a last push: a credible rep may get one small step more; otherwise they leave.
 * At no goodwill they leave whatever the beat.
 */
export function counterOffer(turn: TableTurn): void {
  const { m, c, p, tags, beat } = turn;
  m.clock += 1;
  if (beat.id === c.scenario.flow.finalOffer) {
    const pushes = tags.has('hold') || tags.has('batna:strong') || tags.has('pace:pause') || tags.has('walk-to');
    const canPush = pushes && lastPushEarned(m);
    const accepted = winningReaction(turn) === 'proposalAccepted';
    if (m.closingRounds === 0 && (canPush || accepted)) {
      // The least it can go to now: its reservation, or the alternative it still leans on.
      const line = Math.max(counterpartReservation(c, p, m), effectiveBatna(c, p, m) - TUNING.bluffCaughtStep * m.bluffsCaught);
      const level = Math.max(line, counterpartFloor(c, p, m) - (canPush ? TUNING.lastPushStep : 0));
      Object.assign(m, withOffer(c, m, level));
      m.closingRounds = 1;
      react(turn, 'lastPush');
      if (canPush)
        turn.why.lastPush = 'Your push earned one more step: you had shown more real strength than need, and were never caught bluffing or threatening.';
    } else {
      m.outcome = 'counterpart-walked';
      react(turn, 'counterpartWalks');
      turn.why.counterpartWalks =
        m.closingRounds > 0
          ? 'They had already made their last move; pushing again ended the talks.'
          : pushes
            ? 'A push at the final offer pays only after you have shown more real strength than need, with no bluff caught and no threat.'
            : 'At the final offer, anything but signing, walking or a calm push ends the talks.';
    }
  } else {
    Object.assign(m, withOffer(c, m, counterpartAspiration(c, p, m)));
  }
  if (m.trust <= 1e-9 && !m.outcome) {
    m.outcome = 'counterpart-walked';
    react(turn, 'counterpartWalks');
    turn.why.counterpartWalks = 'Their goodwill ran out.';
  }
}
