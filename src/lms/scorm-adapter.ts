import type { AttemptMode, AttemptRecord } from '../engine/index.ts';
import { LmsError, type DecisionReport, type FinalReport, type LmsAdapter, type LmsLaunch } from './adapter.ts';
import { findScormApi, type ApiName } from './find-api.ts';
import { ScormConnection, scormCalls, type ScormApi, type ScormCallNames } from './scorm-connection.ts';
import { decodeSuspendState, encodeSuspendState } from './suspend-state.ts';

/** Element and value pairs to set, in order. */
export type CmiValues = readonly (readonly [string, string])[];

/**
 * What tells SCORM 1.2 and SCORM 2004 apart for Walkaway: the API's name and call names, where each
 * datum lives in the data model, and the few values whose format differs. Everything else (when to
 * commit, what to keep, how to close) is the one connection core below.
 */
export interface ScormDataModel {
  format: 'scorm12' | 'scorm2004';
  apiName: ApiName;
  calls: ScormCallNames;
  /** Characters the LMS must keep in cmi.suspend_data. */
  suspendLimit: number;
  elements: {
    learnerId: string;
    learnerName: string;
    /** 'review' here: the LMS launched for review, nothing is recorded. */
    mode: string;
    /** Where passed/failed is read and written. */
    success: string;
    scoreRaw: string;
    location: string;
    exit: string;
    sessionTime: string;
  };
  /** cmi.exit once the game is over (a suspended game exits with 'suspend'). */
  exitWhenOver: string;
  duration(ms: number): string;
  /** The pass mark (0..100) the LMS imposes, read from the data model; null when it gives none. */
  passMark(read: (element: string) => string): number | null;
  /** The values that mark an attempt as begun, given what the LMS holds (none once it has begun). */
  begun(read: (element: string) => string): CmiValues;
  /** The values for a finished game whatever its result, then those for a result that is kept. */
  over: CmiValues;
  scored(r: FinalReport): CmiValues;
  /** One decision's interaction, as elements below cmi.interactions.n. */
  interaction(d: DecisionReport): CmiValues;
}

/**
 * A SCORM run-time session: the standard's data model says where things go; this decides what is sent
 * and when. Progress commits after each decision and the result at the end; practice keeps the best
 * result, an assessment its first finished game; the session is terminated once.
 */
export class ScormAdapter implements LmsAdapter {
  readonly format: 'scorm12' | 'scorm2004';
  private readonly lms: ScormConnection;
  private startedAt = 0;
  private interactions = 0;
  private finished = false;
  private terminated = false;
  private best: { passed: boolean; score: number } | null = null;

  constructor(
    private readonly model: ScormDataModel,
    api: ScormApi,
    private readonly mode: AttemptMode,
  ) {
    this.format = model.format;
    this.lms = new ScormConnection(scormCalls(api, model.calls));
  }

  async start(): Promise<LmsLaunch> {
    const { elements: el } = this.model;
    const read = (e: string) => this.lms.get(e);
    this.lms.call('initialize');
    this.startedAt = performance.now();
    const success = read(el.success);
    const raw = Number.parseFloat(read(el.scoreRaw));
    if (success === 'passed' || success === 'failed') this.best = { passed: success === 'passed', score: Number.isFinite(raw) ? raw : 0 };
    this.interactions = Number.parseInt(read('cmi.interactions._count'), 10) || 0;
    const recording = read(el.mode) !== 'review';
    // Sent with the first commit (after the first decision, or at the end of the session): a refusal is
    // reported then, and never keeps the session from starting.
    if (recording) for (const [e, v] of this.model.begun(read)) this.lms.set(e, v);
    const id = read(el.learnerId);
    return {
      saved: decodeSuspendState(read('cmi.suspend_data')),
      learner: id ? { id, name: read(el.learnerName) } : null,
      passMark: this.model.passMark(read),
      recording,
    };
  }

  async saveProgress(record: AttemptRecord, turn: number): Promise<void> {
    const state = encodeSuspendState(record);
    if (state.length > this.model.suspendLimit)
      throw new LmsError(`the game is too long to save in ${this.model.format === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004'} (${state.length} characters)`);
    this.lms.set('cmi.suspend_data', state);
    this.lms.set(this.model.elements.location, `turn ${turn}`);
    this.lms.set(this.model.elements.exit, 'suspend');
    this.lms.commit();
  }

  async recordDecision(d: DecisionReport): Promise<void> {
    const n = `cmi.interactions.${this.interactions++}`;
    for (const [e, v] of this.model.interaction(d)) this.lms.set(`${n}.${e}`, v);
    this.lms.flush();
  }

  async finish(r: FinalReport): Promise<void> {
    this.finished = true;
    if (this.mode === 'assessment' && this.best) return;
    const better = !this.best || (r.passed && !this.best.passed) || (r.passed === this.best.passed && r.score > this.best.score);
    this.lms.set('cmi.suspend_data', encodeSuspendState(r.record));
    for (const [e, v] of this.model.over) this.lms.set(e, v);
    if (better) {
      for (const [e, v] of this.model.scored(r)) this.lms.set(e, v);
      this.best = { passed: r.passed, score: r.score };
    }
    this.lms.set(this.model.elements.exit, this.model.exitWhenOver);
    this.lms.commit();
  }

  async terminate(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    this.lms.set(this.model.elements.sessionTime, this.model.duration(performance.now() - this.startedAt));
    this.lms.set(this.model.elements.exit, this.finished ? this.model.exitWhenOver : 'suspend');
    // The session is closed even when a last value was refused; the refusal is reported after.
    let refused: unknown = null;
    try {
      this.lms.flush();
    } catch (e) {
      refused = e;
    }
    this.lms.call('terminate');
    if (refused) throw refused;
  }
}

/**
 * The adapter class of one standard: made on that standard's API object (typed as `Api`, the calls under
 * the standard's names), or found on the page by the model's API name.
 */
export function scormAdapterFor<Api extends object>(model: ScormDataModel) {
  return class extends ScormAdapter {
    constructor(api: Api, mode: AttemptMode) {
      super(model, api as unknown as ScormApi, mode);
    }

    /** The adapter on this standard's API up the frame and opener chain, or null when there is no usable one. */
    static find(mode: AttemptMode) {
      const api = findScormApi<ScormApi>(model.apiName);
      return api && typeof api[model.calls.initialize] === 'function' ? new this(api as unknown as Api, mode) : null;
    }
  };
}
