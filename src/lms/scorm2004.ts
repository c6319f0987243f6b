import { scormAdapterFor, type ScormDataModel } from './scorm-adapter.ts';
import { SUSPEND_LIMIT } from './suspend-state.ts';
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
export const SCORM2004_MODEL: ScormDataModel = {
  format: 'scorm2004',
  apiName: 'API_1484_11',
  calls: {
    initialize: 'Initialize',
    terminate: 'Terminate',
    getValue: 'GetValue',
    setValue: 'SetValue',
    commit: 'Commit',
    getLastError: 'GetLastError',
    getErrorString: 'GetErrorString',
  },
  suspendLimit: SUSPEND_LIMIT.scorm2004,
  elements: {
    learnerId: 'cmi.learner_id',
    learnerName: 'cmi.learner_name',
    mode: 'cmi.mode',
    success: 'cmi.success_status',
    scoreRaw: 'cmi.score.raw',
    location: 'cmi.location',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
  },
  exitWhenOver: 'normal',
  duration: isoDuration,
  passMark(read) {
    const scaled = Number.parseFloat(read('cmi.scaled_passing_score'));
    return Number.isFinite(scaled) ? Math.round(scaled * 100) : null;
  },
  begun: (read) => (read('cmi.completion_status') !== 'completed' ? [['cmi.completion_status', 'incomplete']] : []),
  over: [
    ['cmi.completion_status', 'completed'],
    ['cmi.progress_measure', '1'],
  ],
  scored: (r) => [
    ['cmi.score.min', '0'],
    ['cmi.score.max', '100'],
    ['cmi.score.raw', String(r.score)],
    ['cmi.score.scaled', String(r.score / 100)],
    ['cmi.success_status', r.passed ? 'passed' : 'failed'],
  ],
  interaction(d) {
    const description = `${d.choiceText} [${d.tags.join(', ')}]`.replace(/[{}]/g, '');
    return [
      ['id', `turn-${d.turn}-${d.choiceId}`],
      ['type', 'choice'],
      ...d.tags.map((tag, i) => [`objectives.${i}.id`, tag] as const),
      ['timestamp', d.madeAt.toISOString().slice(0, 19)],
      ['learner_response', d.choiceId],
      ['result', 'neutral'],
      ['latency', isoDuration(d.madeAt.getTime() - d.shownAt.getTime())],
      ['description', description.length > 250 ? `${description.slice(0, 249)}…` : description],
    ];
  },
};

export class Scorm2004Adapter extends scormAdapterFor<Scorm2004Api>(SCORM2004_MODEL) {}
