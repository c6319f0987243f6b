import { LmsError } from './adapter.ts';

/**
 * The calls both SCORM run-times share, each checked: a call that reports failure is turned into a
 * readable problem ("LMSSetValue cmi.core.score.raw: 405 Incorrect Data Type") with the LMS's own words.
 * Setters collect their problems so one refused value does not stop the others from being sent.
 */
/** The run-time API's calls, by what they do; each standard names them its own way. */
export type ScormCall = 'initialize' | 'terminate' | 'getValue' | 'setValue' | 'commit' | 'getLastError' | 'getErrorString';
export type ScormCallNames = Readonly<Record<ScormCall, string>>;

/** The API object an LMS puts on a window: its methods under the standard's names. */
export type ScormApi = Record<string, unknown>;

/** The standard's calls of one API object, with their names for messages. */
export interface ScormCalls {
  initialize(): string;
  terminate(): string;
  getValue(element: string): string;
  setValue(element: string, value: string): string;
  commit(): string;
  getLastError(): string;
  getErrorString(code: string): string;
  /** The standard's name for a call, for messages. */
  name(call: 'initialize' | 'terminate' | 'getValue' | 'setValue' | 'commit'): string;
}

/** Binds an API object's methods by the standard's names (calls taking no argument get the empty string). */
export function scormCalls(api: ScormApi, names: ScormCallNames): ScormCalls {
  const fn =
    (call: ScormCall) =>
    (...args: string[]) =>
      (api[names[call]] as (...a: string[]) => string).call(api, ...args);
  return {
    initialize: () => fn('initialize')(''),
    terminate: () => fn('terminate')(''),
    getValue: (e) => fn('getValue')(e),
    setValue: (e, v) => fn('setValue')(e, v),
    commit: () => fn('commit')(''),
    getLastError: () => fn('getLastError')(),
    getErrorString: (c) => fn('getErrorString')(c),
    name: (call) => names[call],
  };
}

export class ScormConnection {
  private problems: string[] = [];
  constructor(private readonly api: ScormCalls) {}

  private failure(call: Parameters<ScormCalls['name']>[0], what: string): string {
    let code = '';
    let text = '';
    try {
      code = String(this.api.getLastError());
      text = String(this.api.getErrorString(code));
    } catch {
      // An API that cannot even report its error: the call name is all there is to say.
    }
    return `${this.api.name(call)}${what ? ` ${what}` : ''}: ${code || '?'} ${text}`.trim();
  }

  private ok(result: unknown): boolean {
    return String(result) === 'true';
  }

  /** Runs a call that returns "true"/"false"; throws LmsError when it fails or throws. */
  call(call: 'initialize' | 'terminate' | 'commit'): void {
    let result: unknown;
    try {
      result = this.api[call]();
    } catch (e) {
      throw new LmsError(`${this.api.name(call)} threw: ${(e as Error).message}`, { cause: e });
    }
    if (!this.ok(result)) throw new LmsError(this.failure(call, ''));
  }

  /** A value, or '' when the LMS has none (or refuses: reading is never fatal). */
  get(element: string): string {
    try {
      const value = this.api.getValue(element);
      return typeof value === 'string' ? value : String(value ?? '');
    } catch {
      return '';
    }
  }

  /** Sets a value; a refusal is remembered and reported by the next `flush()`. */
  set(element: string, value: string): void {
    try {
      if (!this.ok(this.api.setValue(element, value))) this.problems.push(this.failure('setValue', element));
    } catch (e) {
      this.problems.push(`${this.api.name('setValue')} ${element} threw: ${(e as Error).message}`);
    }
  }

  /** Commits, then throws one LmsError naming every refused value and a failed commit, if any. */
  commit(): void {
    try {
      this.call('commit');
    } catch (e) {
      this.problems.push((e as Error).message);
    }
    this.flush();
  }

  flush(): void {
    if (this.problems.length === 0) return;
    const message = this.problems.join('; ');
    this.problems = [];
    throw new LmsError(message);
  }
}
