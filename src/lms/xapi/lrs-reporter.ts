import XAPI, { type Actor, type Statement } from '@xapi/xapi';
import type { LrsConfig } from '../assignment.ts';
import type { DecisionReport, FinalReport } from '../adapter.ts';
import { decisionStatement, finishStatements, launchedStatement, type StatementContext } from './statements.ts';
import { StatementQueue, type SendResult } from './statement-queue.ts';

/**
 * The way to one learning record store: statements go through the offline outbox and are sent whenever
 * the device is online (at once, when the browser says it is back, and on a timer while some wait).
 */
export class LrsOutbox {
  private readonly xapi: XAPI;
  private queue: Promise<StatementQueue> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = RETRY_FIRST_MS;
  private readonly onOnline = () => void this.flush();
  private stopped = false;

  /** `outboxName`: the IndexedDB outbox; one per LRS, so waiting statements only ever go to their own. */
  constructor(
    config: LrsConfig,
    private readonly onProblem: (message: string, cause?: unknown) => void,
    private readonly outboxName = 'walkaway-xapi',
  ) {
    this.xapi = new XAPI({ endpoint: config.endpoint, auth: config.auth });
    window.addEventListener('online', this.onOnline);
  }

  private open(): Promise<StatementQueue> {
    this.queue ??= StatementQueue.open(this.outboxName);
    return this.queue;
  }

  async add(statements: Statement[]): Promise<void> {
    await (await this.open()).enqueue(statements);
    await this.flush();
  }

  /** Sends what waits; on a network failure tries again later (doubling the wait up to five minutes). */
  async flush(): Promise<void> {
    clearTimeout(this.retryTimer);
    if (this.stopped) return;
    const queue = await this.open();
    const { waiting } = await queue.flush((s) => this.send(s));
    if (waiting > 0 && !this.stopped) {
      this.retryTimer = setTimeout(() => void this.flush(), this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
    } else this.retryDelay = RETRY_FIRST_MS;
  }

  /** No more sending from this page (the settings changed); what waits stays in the outbox. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    window.removeEventListener('online', this.onOnline);
  }

  private async send(statement: Statement): Promise<SendResult> {
    try {
      await this.xapi.sendStatement({ statement });
      return 'sent';
    } catch (e) {
      const status = (e as { response?: { status?: number } }).response?.status;
      // 409: the LRS already holds a statement with this id (an earlier send whose answer was lost).
      if (status === 409) return 'sent';
      if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
        this.onProblem(`the learning record store refused a statement (HTTP ${status})`, e);
        return 'refused';
      }
      if (navigator.onLine) this.onProblem('the learning record store could not be reached; statements wait on this device', e);
      return 'retry';
    }
  }
}

/**
 * xAPI statements for an organisation's own learning record store about one assignment (or one game):
 * launched, each decision, completed, passed or failed.
 */
export class LrsReporter {
  private readonly startedAt = Date.now();

  constructor(
    private readonly outbox: LrsOutbox,
    private readonly context: StatementContext,
  ) {}

  /** The actor for an LMS learner id (an account on the LMS), or an anonymous one kept on this device. */
  static actorFor(learner: { id: string; name: string } | null, homePage: string): Actor {
    if (learner) return { objectType: 'Agent', name: learner.name || learner.id, account: { homePage, name: learner.id } };
    return { objectType: 'Agent', account: { homePage, name: deviceLearnerId() } };
  }

  launched(): Promise<void> {
    return this.outbox.add([launchedStatement(this.context)]);
  }

  decision(d: DecisionReport): Promise<void> {
    return this.outbox.add([decisionStatement(this.context, d)]);
  }

  finished(r: FinalReport): Promise<void> {
    return this.outbox.add(finishStatements(this.context, r, Date.now() - this.startedAt));
  }
}

const RETRY_FIRST_MS = 15_000;
const RETRY_MAX_MS = 300_000;
const DEVICE_LEARNER_KEY = 'walkaway-xapi-learner';

function deviceLearnerId(): string {
  try {
    const known = localStorage.getItem(DEVICE_LEARNER_KEY);
    if (known) return known;
    const id = crypto.randomUUID();
    localStorage.setItem(DEVICE_LEARNER_KEY, id);
    return id;
  } catch {
    return crypto.randomUUID();
  }
}
