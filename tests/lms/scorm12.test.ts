import { describe, expect, it } from 'vitest';
import { Scorm12Adapter, type Scorm12Api } from '../../src/lms/scorm12.ts';
import { LmsError, type DecisionReport, type FinalReport } from '../../src/lms/adapter.ts';
import type { AttemptRecord } from '../../src/engine/index.ts';

/** A SCORM 1.2 LMS in memory that records every call and can be told to refuse some. */
function fakeLms(initial: Record<string, string> = {}, refuse: (call: string, element?: string) => boolean = () => false) {
  const data: Record<string, string> = {
    'cmi.core.lesson_status': 'not attempted',
    'cmi.core.lesson_mode': 'normal',
    'cmi.interactions._count': '0',
    ...initial,
  };
  const calls: string[] = [];
  let lastError = '0';
  const answer = (call: string, element?: string) => {
    calls.push(element ? `${call} ${element}` : call);
    const refused = refuse(call, element);
    lastError = refused ? '101' : '0';
    return refused ? 'false' : 'true';
  };
  const api: Scorm12Api = {
    LMSInitialize: () => answer('LMSInitialize'),
    LMSFinish: () => answer('LMSFinish'),
    LMSGetValue: (e) => data[e] ?? '',
    LMSSetValue: (e, v) => {
      const r = answer('LMSSetValue', e);
      if (r === 'true') data[e] = v;
      return r;
    },
    LMSCommit: () => answer('LMSCommit'),
    LMSGetLastError: () => lastError,
    LMSGetErrorString: (c) => (c === '101' ? 'General Exception' : 'No Error'),
  };
  return { api, data, calls };
}

const record = (moves: string[]): AttemptRecord => ({
  format: 1,
  scenarioId: 'tutorial',
  fingerprint: 'a'.repeat(64),
  personaId: 'p',
  seed: 1,
  mode: 'practice',
  moves,
});
const final = (score: number, passMark = 70): FinalReport => ({
  score,
  passed: score >= passMark,
  passMark,
  outcome: 'deal',
  value: 10,
  walkAwayValue: 5,
  record: record(['a', 'b']),
  decisions: 2,
});
const decision: DecisionReport = {
  turn: 1,
  choiceId: 'ask-why',
  choiceText: 'Ask why',
  tags: ['ask:batna', 'prep'],
  phase: 'prep',
  value: 1,
  walkAwayValue: 0,
  shownAt: new Date(0),
  madeAt: new Date(4500),
};

describe('SCORM 1.2 adapter', () => {
  it('starts incomplete, saves the record as suspend data, records decisions and the result, terminates once', async () => {
    const { api, data, calls } = fakeLms({ 'cmi.core.student_id': 'rep-9', 'cmi.core.student_name': 'Rep', 'cmi.student_data.mastery_score': '60' });
    const lms = new Scorm12Adapter(api, 'practice');
    const launch = await lms.start();
    expect(launch).toEqual({ saved: null, learner: { id: 'rep-9', name: 'Rep' }, passMark: 60, recording: true });
    expect(data['cmi.core.lesson_status']).toBe('incomplete');
    await lms.recordDecision(decision);
    await lms.saveProgress(record(['ask-why']), 1);
    expect(JSON.parse(data['cmi.suspend_data']!)).toEqual(record(['ask-why']));
    expect(data['cmi.interactions.0.id']).toBe('turn-1-ask-why');
    expect(data['cmi.interactions.0.objectives.1.id']).toBe('prep');
    expect(data['cmi.interactions.0.latency']).toBe('00:00:04.50');
    expect(data['cmi.core.exit']).toBe('suspend');
    await lms.finish(final(82));
    expect([data['cmi.core.lesson_status'], data['cmi.core.score.raw'], data['cmi.core.score.min'], data['cmi.core.score.max']]).toEqual([
      'passed',
      '82',
      '0',
      '100',
    ]);
    await lms.terminate();
    await lms.terminate();
    expect(calls.filter((c) => c === 'LMSFinish')).toHaveLength(1);
    expect(data['cmi.core.exit']).toBe('');
    expect(data['cmi.core.session_time']).toMatch(/^\d\d:\d\d:\d\d\.\d\d$/);
  });

  it('a relaunch gets the suspend data back and continues the interaction numbering', async () => {
    const { api, data } = fakeLms({
      'cmi.core.lesson_status': 'incomplete',
      'cmi.suspend_data': JSON.stringify(record(['x'])),
      'cmi.interactions._count': '3',
    });
    const lms = new Scorm12Adapter(api, 'practice');
    expect((await lms.start()).saved).toEqual(record(['x']));
    await lms.recordDecision(decision);
    expect(data['cmi.interactions.3.id']).toBe('turn-1-ask-why');
  });

  it('practice keeps the best result; an assessment keeps its first', async () => {
    const practice = fakeLms({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '75' });
    const p = new Scorm12Adapter(practice.api, 'practice');
    await p.start();
    await p.finish(final(50));
    expect([practice.data['cmi.core.lesson_status'], practice.data['cmi.core.score.raw']]).toEqual(['passed', '75']);
    await p.finish(final(90));
    expect(practice.data['cmi.core.score.raw']).toBe('90');
    const assessment = fakeLms({ 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '40' });
    const a = new Scorm12Adapter(assessment.api, 'assessment');
    await a.start();
    await a.finish(final(95));
    expect([assessment.data['cmi.core.lesson_status'], assessment.data['cmi.core.score.raw']]).toEqual(['failed', '40']);
  });

  it('a refused value is reported with the LMS error, the other values still go, and the session still closes', async () => {
    const { api, data, calls } = fakeLms({}, (call, element) => call === 'LMSSetValue' && element === 'cmi.core.lesson_location');
    const lms = new Scorm12Adapter(api, 'practice');
    await lms.start();
    await expect(lms.saveProgress(record(['a']), 1)).rejects.toThrow(new LmsError('LMSSetValue cmi.core.lesson_location: 101 General Exception'));
    expect(data['cmi.suspend_data']).toBeDefined();
    expect(calls).toContain('LMSCommit');
    const failing = fakeLms({}, (call, element) => call === 'LMSSetValue' && element === 'cmi.core.session_time');
    const other = new Scorm12Adapter(failing.api, 'practice');
    await other.start();
    await expect(other.terminate()).rejects.toThrow(/session_time/);
    expect(failing.calls).toContain('LMSFinish');
  });

  it('an LMS that will not initialize fails the start with its reason', async () => {
    const { api } = fakeLms({}, (call) => call === 'LMSInitialize');
    await expect(new Scorm12Adapter(api, 'practice').start()).rejects.toThrow('LMSInitialize: 101 General Exception');
  });
});
