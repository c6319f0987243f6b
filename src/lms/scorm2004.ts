import type { AttemptRecord } from '../engine/index.ts';
import type { DecisionReport, FinalReport, LmsAdapter, LmsLaunch } from './adapter.ts';
import { findScormApi } from './find-api.ts';
import { ScormConnection } from './scorm-connection.ts';
import { decodeSuspendState, encodeSuspendState } from './suspend-state.ts';
import { isoDuration } from './timing.ts';

/** The SCORM 2004 run-time API object an LMS puts on a window as `API_1484_11`. */
export interface Scorm2004Api {
  Initialize(arg: ''): string;
  Terminate(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
}

/** SCORM 2004 4th edition: completion and success apart, scaled score, ISO durations, choice interactions. */
export class Scorm2004Adapter implements LmsAdapter {
  readonly format = 'scorm2004' as const;
  private readonly lms: ScormConnection;
  private startedAt = 0;
  private interactions = 0;
  private finished = false;
  private terminated = false;
  private best: { passed: boolean; score: number } | null = null;

  constructor(api: Scorm2004Api, private readonly mode: 'practice' | 'assessment') {
    this.lms = new ScormConnection({
      initialize: () => api.Initialize(''),
      terminate: () => api.Terminate(''),
      getValue: (e) => api.GetValue(e),
      setValue: (e, v) => api.SetValue(e, v),
      commit: () => api.Commit(''),
      getLastError: () => api.GetLastError(),
      getErrorString: (c) => api.GetErrorString(c),
      name: (c) => ({ initialize: 'Initialize', terminate: 'Terminate', getValue: 'GetValue', setValue: 'SetValue', commit: 'Commit' })[c],
    });
  }

  static find(mode: 'practice' | 'assessment'): Scorm2004Adapter | null {
    const api = findScormApi<Scorm2004Api>('API_1484_11');
    return api && typeof api.Initialize === 'function' ? new Scorm2004Adapter(api, mode) : null;
  }

  async start(): Promise<LmsLaunch> {
    this.lms.call('initialize');
    this.startedAt = performance.now();
    const success = this.lms.get('cmi.success_status');
    const raw = Number.parseFloat(this.lms.get('cmi.score.raw'));
    if (success === 'passed' || success === 'failed') this.best = { passed: success === 'passed', score: Number.isFinite(raw) ? raw : 0 };
    this.interactions = Number.parseInt(this.lms.get('cmi.interactions._count'), 10) || 0;
    const scaledPass = Number.parseFloat(this.lms.get('cmi.scaled_passing_score'));
    const recording = this.lms.get('cmi.mode') !== 'review';
    if (recording && this.lms.get('cmi.completion_status') !== 'completed') {
      // Sent with the first commit (after the first decision, or at LMSFinish): a refusal is reported
      // then, and never keeps the session from starting.
      this.lms.set('cmi.completion_status', 'incomplete');
    }
    const id = this.lms.get('cmi.learner_id');
    return {
      saved: decodeSuspendState(this.lms.get('cmi.suspend_data')),
      learner: id ? { id, name: this.lms.get('cmi.learner_name') } : null,
      passMark: Number.isFinite(scaledPass) ? Math.round(scaledPass * 100) : null,
      recording,
    };
  }

  async saveProgress(record: AttemptRecord, turn: number): Promise<void> {
    this.lms.set('cmi.suspend_data', encodeSuspendState(record));
    this.lms.set('cmi.location', `turn ${turn}`);
    this.lms.set('cmi.exit', 'suspend');
    this.lms.commit();
  }

  async recordDecision(d: DecisionReport): Promise<void> {
    const n = `cmi.interactions.${this.interactions++}`;
    this.lms.set(`${n}.id`, `turn-${d.turn}-${d.choiceId}`);
    this.lms.set(`${n}.type`, 'choice');
    d.tags.forEach((tag, i) => this.lms.set(`${n}.objectives.${i}.id`, tag));
    this.lms.set(`${n}.timestamp`, d.madeAt.toISOString().slice(0, 19));
    this.lms.set(`${n}.learner_response`, d.choiceId);
    this.lms.set(`${n}.result`, 'neutral');
    this.lms.set(`${n}.latency`, isoDuration(d.madeAt.getTime() - d.shownAt.getTime()));
    const description = `${d.choiceText} [${d.tags.join(', ')}]`.replace(/[{}]/g, '');
    this.lms.set(`${n}.description`, description.length > 250 ? `${description.slice(0, 249)}…` : description);
    this.lms.flush();
  }

  async finish(r: FinalReport): Promise<void> {
    this.finished = true;
    if (this.mode === 'assessment' && this.best) return;
    const better = !this.best || (r.passed && !this.best.passed) || (r.passed === this.best.passed && r.score > this.best.score);
    this.lms.set('cmi.suspend_data', encodeSuspendState(r.record));
    this.lms.set('cmi.completion_status', 'completed');
    this.lms.set('cmi.progress_measure', '1');
    if (better) {
      this.lms.set('cmi.score.min', '0');
      this.lms.set('cmi.score.max', '100');
      this.lms.set('cmi.score.raw', String(r.score));
      this.lms.set('cmi.score.scaled', String(r.score / 100));
      this.lms.set('cmi.success_status', r.passed ? 'passed' : 'failed');
      this.best = { passed: r.passed, score: r.score };
    }
    this.lms.set('cmi.exit', 'normal');
    this.lms.commit();
  }

  async terminate(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    this.lms.set('cmi.session_time', isoDuration(performance.now() - this.startedAt));
    this.lms.set('cmi.exit', this.finished ? 'normal' : 'suspend');
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
