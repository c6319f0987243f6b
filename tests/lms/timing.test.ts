import { describe, expect, it } from 'vitest';
import { isoDuration, scorm12Timespan } from '../../src/lms/timing.ts';

describe('session time formats', () => {
  it('SCORM 1.2 CMITimespan is HH:MM:SS.SS, hours two to four digits', () => {
    expect(scorm12Timespan(0)).toBe('00:00:00.00');
    expect(scorm12Timespan(3_723_456)).toBe('01:02:03.46');
    expect(scorm12Timespan(59_999)).toBe('00:01:00.00');
    expect(scorm12Timespan(150 * 3_600_000)).toBe('150:00:00.00');
  });

  it('SCORM 2004 and xAPI durations are ISO 8601', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(3_723_456)).toBe('PT1H2M3.46S');
    expect(isoDuration(90_000)).toBe('PT1M30S');
  });
});
