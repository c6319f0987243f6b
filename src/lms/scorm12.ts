import type { AttemptRecord } from '../engine/index.ts';
import { LmsError, type DecisionReport, type FinalReport, type LmsAdapter, type LmsLaunch } from './adapter.ts';
import { findScormApi } from './find-api.ts';
import { ScormConnection } from './scorm-connection.ts';
import { decodeSuspendState, encodeSuspendState, SUSPEND_LIMIT } from './suspend-state.ts';
import { scorm12Timespan } from './timing.ts';

/** The SCORM 1.2 run-time API object an LMS puts on a window as `API`. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}

/** SCORM 1.2: cmi.core.* for status, score and session time, cmi.suspend_data, cmi.interactions.n.*. */
export class Scorm12Adapter implements LmsAdapter {
  readonly format = 'scorm12' as const;
  private readonly lms: ScormConnection;
  private startedAt = 0;
  private interactions = 0;
  private finished = false;
  private terminated = false;
  private best: { passed: boolean; score: number } | null = null;

  constructor(api: Scorm12Api, private readonly mode: 'practice' | 'assessment') {
    this.lms = new ScormConnection({
      initialize: () => api.LMSInitialize(''),
      terminate: () => api.LMSFinish(''),
      getValue: (e) => api.LMSGetValue(e),
      setValue: (e, v) => api.LMSSetValue(e, v),
      commit: () => api.LMSCommit(''),
      getLastError: () => api.LMSGetLastError(),
      getErrorString: (c) => api.LMSGetErrorString(c),
      name: (c) => ({ initialize: 'LMSInitialize', terminate: 'LMSFinish', getValue: 'LMSGetValue', setValue: 'LMSSetValue', commit: 'LMSCommit' })[c],
    });
  }

  static find(mode: 'practice' | 'assessment'): Scorm12Adapter | null {
    const api = findScormApi<Scorm12Api>('API');
    return api && typeof api.LMSInitialize === 'function' ? new Scorm12Adapter(api, mode) : null;
  }

  async start(): Promise<LmsLaunch> {
    this.lms.call('initialize');
    this.startedAt = performance.now();
    const status = this.lms.get('cmi.core.lesson_status');
    const raw = Number.parseFloat(this.lms.get('cmi.core.score.raw'));
    if (status === 'passed' || status === 'failed') this.best = { passed: status === 'passed', score: Number.isFinite(raw) ? raw : 0 };
    this.interactions = Number.parseInt(this.lms.get('cmi.interactions._count'), 10) || 0;
    const mastery = Number.parseFloat(this.lms.get('cmi.student_data.mastery_score'));
    const recording = this.lms.get('cmi.core.lesson_mode') !== 'review';
    if (recording && (status === 'not attempted' || status === '')) {
      // Sent with the first commit (after the first decision, or at LMSFinish): a refusal is reported
      // then, and never keeps the session from starting.
      this.lms.set('cmi.core.lesson_status', 'incomplete');
    }
    const id = this.lms.get('cmi.core.student_id');
    return {
      saved: decodeSuspendState(this.lms.get('cmi.suspend_data')),
      learner: id ? { id, name: this.lms.get('cmi.core.student_name') } : null,
      passMark: Number.isFinite(mastery) ? mastery : null,
      recording,
    };
  }

  async saveProgress(record: AttemptRecord, turn: number): Promise<void> {
    const state = encodeSuspendState(record);
    if (state.length > SUSPEND_LIMIT.scorm12) throw new LmsError(`the game is too long to save in SCORM 1.2 (${state.length} characters)`);
    this.lms.set('cmi.suspend_data', state);
    this.lms.set('cmi.core.lesson_location', `turn ${turn}`);
    this.lms.set('cmi.core.exit', 'suspend');
    this.lms.commit();
  }

  async recordDecision(d: DecisionReport): Promise<void> {
    const n = `cmi.interactions.${this.interactions++}`;
    // SCORM 1.2 limits a "choice" response to single letters; a named move is a "performance" step.
    this.lms.set(`${n}.id`, `turn-${d.turn}-${d.choiceId}`.slice(0, 255));
    d.tags.forEach((tag, i) => this.lms.set(`${n}.objectives.${i}.id`, tag.slice(0, 255)));
    this.lms.set(`${n}.time`, d.madeAt.toTimeString().slice(0, 8));
    this.lms.set(`${n}.type`, 'performance');
    this.lms.set(`${n}.student_response`, d.choiceId.slice(0, 255));
    this.lms.set(`${n}.result`, 'neutral');
    this.lms.set(`${n}.latency`, scorm12Timespan(d.madeAt.getTime() - d.shownAt.getTime()));
    this.lms.flush();
  }

  async finish(r: FinalReport): Promise<void> {
    // Practice keeps the best result of the attempt; an assessment reports its first finished game only.
    this.finished = true;
    if (this.mode === 'assessment' && this.best) return;
    const better = !this.best || (r.passed && !this.best.passed) || (r.passed === this.best.passed && r.score > this.best.score);
    this.lms.set('cmi.suspend_data', encodeSuspendState(r.record));
    if (better) {
      this.lms.set('cmi.core.score.min', '0');
      this.lms.set('cmi.core.score.max', '100');
      this.lms.set('cmi.core.score.raw', String(r.score));
      this.lms.set('cmi.core.lesson_status', r.passed ? 'passed' : 'failed');
      this.best = { passed: r.passed, score: r.score };
    }
    this.lms.set('cmi.core.exit', '');
    this.lms.commit();
  }

  async terminate(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    this.lms.set('cmi.core.session_time', scorm12Timespan(performance.now() - this.startedAt));
    this.lms.set('cmi.core.exit', this.finished ? '' : 'suspend');
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
