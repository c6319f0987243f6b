import Cmi5 from '@xapi/cmi5';
import type { Statement } from '@xapi/xapi';
import type { AttemptRecord } from '../engine/index.ts';
import { LmsError, type DecisionReport, type FinalReport, type LmsAdapter, type LmsLaunch } from './adapter.ts';
import { decisionStatement, scoreOf, type StatementContext } from './xapi/statements.ts';

/** Where the AU keeps its suspend state: the xAPI State API, per learner, AU and registration. */
const STATE_ID = 'urn:walkaway:xapi:state:attempt';

/**
 * cmi5 through `@xapi/cmi5`: the library reads the launch parameters, fetches the auth token and the
 * LaunchData, and sends the cmi5-defined statements (initialized, completed, passed/failed,
 * terminated) with the launch's context. Decisions are cmi5 "allowed" statements. The suspend state
 * (the attempt record) lives in the State API.
 */
export class Cmi5Adapter implements LmsAdapter {
  readonly format = 'cmi5' as const;
  private readonly cmi5: Cmi5;
  private initialized = false;
  private terminated = false;
  private finished = false;
  private recording = true;

  private constructor(private readonly statements: Omit<StatementContext, 'actor'>) {
    this.cmi5 = Cmi5.instance;
  }

  static find(context: Omit<StatementContext, 'actor'>): Cmi5Adapter | null {
    try {
      return Cmi5.isCmiAvailable ? new Cmi5Adapter(context) : null;
    } catch {
      return null;
    }
  }

  private stateParams() {
    const p = this.cmi5.getLaunchParameters();
    return { agent: p.actor, activityId: p.activityId, registration: p.registration, stateId: STATE_ID };
  }

  async start(): Promise<LmsLaunch> {
    await wrap('initialize', () => this.cmi5.initialize());
    this.initialized = true;
    const data = this.cmi5.getLaunchData();
    this.recording = data.launchMode === 'Normal';
    let saved: unknown = null;
    try {
      const response = await this.cmi5.xapi!.getState(this.stateParams());
      saved = typeof response.data === 'string' ? JSON.parse(response.data) : response.data;
    } catch (e) {
      // 404: nothing saved yet for this registration. Anything else is a real problem.
      if ((e as { response?: { status?: number } }).response?.status !== 404)
        throw new LmsError(`reading the saved progress failed: ${(e as Error).message}`, { cause: e });
    }
    const actor = this.cmi5.getLaunchParameters().actor;
    const id = actor.account?.name ?? actor.mbox ?? '';
    return {
      saved,
      learner: id ? { id, name: actor.name ?? id } : null,
      passMark: typeof data.masteryScore === 'number' ? Math.round(data.masteryScore * 100) : null,
      recording: this.recording,
    };
  }

  async saveProgress(record: AttemptRecord): Promise<void> {
    if (this.terminated) return;
    await wrap('saving progress', () => this.cmi5.xapi!.setState({ ...this.stateParams(), state: record as never, contentType: 'application/json' }));
  }

  async recordDecision(d: DecisionReport): Promise<void> {
    if (this.terminated || !this.recording) return;
    await wrap('recording a decision', () => this.cmi5.sendXapiStatement(this.withLaunchContext(decisionStatement(this.statements, d))));
  }

  /**
   * cmi5 asks every statement of an AU to build on the LMS's context template (its session id, its
   * grouping) with the launch's actor and registration; the library does it for the cmi5-defined
   * statements, this does it for Walkaway's own.
   */
  private withLaunchContext(statement: Statement): Statement {
    const { actor, registration } = this.cmi5.getLaunchParameters();
    const template = this.cmi5.getLaunchData().contextTemplate ?? {};
    const own = statement.context ?? {};
    const activities = { ...(template.contextActivities ?? {}) } as Record<string, unknown[]>;
    for (const [kind, list] of Object.entries(own.contextActivities ?? {})) {
      activities[kind] = [...(activities[kind] ?? []), ...(Array.isArray(list) ? list : [list])];
    }
    return {
      ...statement,
      actor,
      context: {
        ...template,
        ...own,
        registration,
        contextActivities: activities as NonNullable<Statement['context']>['contextActivities'],
        extensions: { ...(template.extensions ?? {}), ...(own.extensions ?? {}) },
      },
    };
  }

  /** Completed, then passed or failed (both once per registration), then terminated: the game is over. */
  async finish(r: FinalReport): Promise<void> {
    if (this.terminated || this.finished) return;
    this.finished = true;
    await this.saveProgress(r.record);
    if (this.recording) {
      await wrap('completed', () => this.cmi5.complete());
      const score = scoreOf(r.score);
      await wrap(r.passed ? 'passed' : 'failed', () => (r.passed ? this.cmi5.pass(score) : this.cmi5.fail(score)));
    }
    await this.terminate();
  }

  async terminate(): Promise<void> {
    if (this.terminated || !this.initialized) return;
    this.terminated = true;
    await wrap('terminated', () => this.cmi5.terminate());
  }
}

async function wrap<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    const status = (e as { response?: { status?: number } }).response?.status;
    throw new LmsError(`cmi5 ${what} failed${status ? ` (HTTP ${status})` : ''}: ${(e as Error).message}`, { cause: e });
  }
}
