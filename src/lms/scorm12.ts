import { scormAdapterFor, type ScormDataModel } from './scorm-adapter.ts';
import { SUSPEND_LIMIT } from './suspend-state.ts';
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
export const SCORM12_MODEL: ScormDataModel = {
  format: 'scorm12',
  apiName: 'API',
  calls: {
    initialize: 'LMSInitialize',
    terminate: 'LMSFinish',
    getValue: 'LMSGetValue',
    setValue: 'LMSSetValue',
    commit: 'LMSCommit',
    getLastError: 'LMSGetLastError',
    getErrorString: 'LMSGetErrorString',
  },
  suspendLimit: SUSPEND_LIMIT.scorm12,
  elements: {
    learnerId: 'cmi.core.student_id',
    learnerName: 'cmi.core.student_name',
    mode: 'cmi.core.lesson_mode',
    success: 'cmi.core.lesson_status',
    scoreRaw: 'cmi.core.score.raw',
    location: 'cmi.core.lesson_location',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
  },
  exitWhenOver: '',
  duration: scorm12Timespan,
  passMark(read) {
    const mastery = Number.parseFloat(read('cmi.student_data.mastery_score'));
    return Number.isFinite(mastery) ? mastery : null;
  },
  begun(read) {
    const status = read('cmi.core.lesson_status');
    return status === 'not attempted' || status === '' ? [['cmi.core.lesson_status', 'incomplete']] : [];
  },
  // One status holds completion and success: passed or failed says both.
  over: [],
  scored: (r) => [
    ['cmi.core.score.min', '0'],
    ['cmi.core.score.max', '100'],
    ['cmi.core.score.raw', String(r.score)],
    ['cmi.core.lesson_status', r.passed ? 'passed' : 'failed'],
  ],
  // SCORM 1.2 limits a "choice" response to single letters; a named move is a "performance" step.
  interaction: (d) => [
    ['id', `turn-${d.turn}-${d.choiceId}`.slice(0, 255)],
    ...d.tags.map((tag, i) => [`objectives.${i}.id`, tag.slice(0, 255)] as const),
    ['time', d.madeAt.toTimeString().slice(0, 8)],
    ['type', 'performance'],
    ['student_response', d.choiceId.slice(0, 255)],
    ['result', 'neutral'],
    ['latency', scorm12Timespan(d.madeAt.getTime() - d.shownAt.getTime())],
  ],
};

export class Scorm12Adapter extends scormAdapterFor<Scorm12Api>(SCORM12_MODEL) {}
