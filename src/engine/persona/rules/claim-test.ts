import { TUNING } from '../tuning.ts';
import { clamp01 } from './common.ts';
import { react, type TableTurn } from './turn.ts';

/**
 * Answering the counterpart's test of a claimed alternative: only a calm stand on a real claim survives
 * it. The answer is judged here and makes no fresh claim, but a threat or a plea in it still counts.
 */
export function answerClaimTest(turn: TableTurn): void {
  const { m, tags, p } = turn;
  if (!turn.answeringTest || !m.pendingClaim) return;
  const standsFirm = tags.has('hold') || tags.has('batna:strong') || tags.has('claim:alternative');
  const backsDown = tags.has('batna:weak') || tags.has('concede') || !standsFirm;
  if (m.pendingClaim.bluff || backsDown) {
    m.credibility = clamp01(m.credibility * TUNING.bluffCalledCredibility);
    m.belief = clamp01(Math.min(m.belief - m.pendingClaim.gain, m.realBatna * 0.5));
    m.learnedPressure += 1;
    m.tally.bluffsCalled += 1;
    react(turn, 'bluffCalled');
    turn.why.bluffCalled = m.pendingClaim.bluff ? 'Nothing you had prepared backed the claim.' : 'You did not stand on your claim when it was tested.';
  } else {
    m.credibility = clamp01(m.credibility + TUNING.claimProvenCredibility);
    m.belief = clamp01(m.belief + 0.1 * p.sensitivity);
    m.tally.claimsProven += 1;
    react(turn, 'claimProven');
    turn.why.claimProven = 'Your claim was backed by your preparation and you stood on it calmly.';
  }
  m.pendingClaim = null;
}
