import type { AttemptRecord } from '../engine/index.ts';

/**
 * The suspend state an LMS keeps between launches is the attempt record, as JSON: choices, not
 * snapshots. Restoring it is `replayAttempt` (which checks it). SCORM 1.2 keeps at most 4,096
 * characters; a test proves the longest game of every shipped scenario fits.
 */
export const SUSPEND_LIMIT = { scorm12: 4096, scorm2004: 64000 } as const;

export function encodeSuspendState(record: AttemptRecord): string {
  return JSON.stringify(record);
}

/** The stored text as data for `replayAttempt`, or null when there is none. Throws on text that is not JSON. */
export function decodeSuspendState(text: string): unknown {
  if (!text.trim()) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error('the saved progress is not readable');
  }
}
