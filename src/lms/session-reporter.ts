import type { Session, SessionSnapshot } from '../engine/index.ts';
import type { DecisionReport, FinalReport, LmsAdapter } from './adapter.ts';
import type { LrsReporter } from './xapi/lrs-reporter.ts';

/**
 * Turns a negotiation's moves into LMS reports: one interaction per decision, the attempt record as the
 * suspend state after each, the result when it ends. Calls go out one after another in the order they
 * happened (a later call never overtakes an earlier one); a failure is handed to `onProblem` and the
 * next report still goes out, so play never waits on the LMS and never stops for it.
 */
export class SessionReporter {
  private chain: Promise<void> = Promise.resolve();
  private shownAt = new Date();
  /** The attempt whose result was reported: reported once. */
  private reported = new WeakSet<Session>();

  constructor(
    private readonly lms: { adapter: LmsAdapter | null; recording: boolean },
    private readonly lrs: LrsReporter | null,
    private readonly passMark: number,
    private readonly onProblem: (message: string, cause?: unknown) => void,
  ) {}

  private run(what: string, call: () => Promise<void>): void {
    this.chain = this.chain.then(call).catch((e: unknown) => this.onProblem(`${what}: ${(e as Error).message}`, e));
  }

  /** A negotiation is shown (new, or resumed at its turn): the next decision's clock starts. */
  shown(): void {
    this.shownAt = new Date();
  }

  /** A move was made: `before` is what was on screen when the rep chose. */
  moved(session: Session, choiceId: string, before: SessionSnapshot): void {
    const choice = before.choices.find((c) => c.id === choiceId);
    const after = session.snapshot();
    const decision: DecisionReport = {
      turn: before.turn + 1,
      choiceId,
      choiceText: choice?.text ?? choiceId,
      tags: choice?.tags ?? [],
      phase: before.phase,
      value: after.value,
      walkAwayValue: after.walkAwayValue,
      shownAt: this.shownAt,
      madeAt: new Date(),
    };
    this.shownAt = decision.madeAt;
    const record = session.attempt();
    const { adapter, recording } = this.lms;
    if (this.lrs) this.run('sending a statement', () => this.lrs!.decision(decision));
    if (adapter && recording) {
      this.run('recording the decision', () => adapter.recordDecision(decision));
      if (!after.over) this.run('saving progress', () => adapter.saveProgress(record, decision.turn));
    }
    if (after.over) this.finished(session);
  }

  /** The negotiation ended: completion, success against the pass mark and the score. */
  finished(session: Session): void {
    if (this.reported.has(session)) return;
    this.reported.add(session);
    const result = session.result();
    if (!result) return;
    const report: FinalReport = {
      score: result.score.total,
      passed: result.score.total >= this.passMark,
      passMark: this.passMark,
      outcome: result.outcome,
      value: result.value,
      walkAwayValue: result.walkAwayValue,
      record: session.attempt(),
      decisions: session.snapshot().turn,
    };
    const { adapter, recording } = this.lms;
    if (this.lrs) this.run('sending the result', () => this.lrs!.finished(report));
    if (adapter && recording) this.run('recording the result', () => adapter.finish(report));
  }

  /** The page is going away: close the LMS session (once; the adapter ignores later calls). */
  close(): Promise<void> {
    const adapter = this.lms.adapter;
    if (adapter) this.run('closing the LMS session', () => adapter.terminate());
    return this.chain;
  }

  /** Resolves when every report so far has been answered (for tests and for closing). */
  settled(): Promise<void> {
    return this.chain;
  }
}
