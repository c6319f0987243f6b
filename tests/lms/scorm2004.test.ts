import { describe, expect, it } from 'vitest';
import { Scorm2004Adapter, type Scorm2004Api } from '../../src/lms/scorm2004.ts';
import type { DecisionReport, FinalReport } from '../../src/lms/adapter.ts';
import type { AttemptRecord } from '../../src/engine/index.ts';

/** A SCORM 2004 LMS in memory that records every call. */
function fakeLms(initial: Record<string, string> = {}) {
  const data: Record<string, string> = {
    'cmi.completion_status': 'unknown',
    'cmi.success_status': 'unknown',
    'cmi.mode': 'normal',
    'cmi.interactions._count': '0',
    ...initial,
  };
  const calls: string[] = [];
  const ok = (call: string) => {
    calls.push(call);
    return 'true';
  };
  const api: Scorm2004Api = {
    Initialize: () => ok('Initialize'),
    Terminate: () => ok('Terminate'),
    GetValue: (e) => data[e] ?? '',
    SetValue: (e, v) => {
      data[e] = v;
      return ok(`SetValue ${e}`);
    },
    Commit: () => ok('Commit'),
    GetLastError: () => '0',
    GetErrorString: () => 'No Error',
  };
  return { api, data, calls };
}

const record = (moves: string[]): AttemptRecord => ({
  format: 1,
  scenarioId: 'tutorial',
  fingerprint: 'a'.repeat(64),
  personaId: 'p',
  seed: 1,
  mode: 'coach',
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
  turn: 2,
  choiceId: 'hold',
  choiceText: 'Hold {firm}',
  tags: ['hold'],
  phase: 'negotiation',
  value: 1,
  walkAwayValue: 0,
  shownAt: new Date(0),
  madeAt: new Date(61_000),
};

describe('SCORM 2004 adapter', () => {
  it('keeps completion and success apart, reports a scaled score, choice interactions and ISO durations', async () => {
    const { api, data, calls } = fakeLms({ 'cmi.learner_id': 'rep-2', 'cmi.learner_name': 'Rep', 'cmi.scaled_passing_score': '0.65' });
    const lms = new Scorm2004Adapter(api, 'coach');
    expect(await lms.start()).toEqual({ saved: null, learner: { id: 'rep-2', name: 'Rep' }, passMark: 65, recording: true });
    expect(data['cmi.completion_status']).toBe('incomplete');
    await lms.recordDecision(decision);
    expect([
      data['cmi.interactions.0.id'],
      data['cmi.interactions.0.type'],
      data['cmi.interactions.0.latency'],
      data['cmi.interactions.0.description'],
    ]).toEqual(['turn-2-hold', 'choice', 'PT1M1S', 'Hold firm [hold]']);
    await lms.saveProgress(record(['x', 'hold']), 2);
    expect([data['cmi.location'], data['cmi.exit']]).toEqual(['turn 2', 'suspend']);
    await lms.finish(final(64));
    expect([data['cmi.completion_status'], data['cmi.success_status'], data['cmi.score.raw'], data['cmi.score.scaled'], data['cmi.exit']]).toEqual([
      'completed',
      'failed',
      '64',
      '0.64',
      'normal',
    ]);
    // A better game in the same attempt (practice or coach) replaces the result.
    await lms.finish(final(80));
    expect([data['cmi.success_status'], data['cmi.score.raw']]).toEqual(['passed', '80']);
    await lms.terminate();
    await lms.terminate();
    expect(calls.filter((c) => c === 'Terminate')).toHaveLength(1);
    expect(data['cmi.session_time']).toMatch(/^PT/);
    expect(data['cmi.exit']).toBe('normal');
  });

  it('reviewing: nothing is marked as begun; an assessment keeps its first result', async () => {
    const review = fakeLms({ 'cmi.mode': 'review' });
    expect((await new Scorm2004Adapter(review.api, 'practice').start()).recording).toBe(false);
    expect(review.data['cmi.completion_status']).toBe('unknown');
    const done = fakeLms({ 'cmi.success_status': 'failed', 'cmi.score.raw': '40' });
    const a = new Scorm2004Adapter(done.api, 'assessment');
    await a.start();
    await a.finish(final(95));
    expect([done.data['cmi.success_status'], done.data['cmi.score.raw']]).toEqual(['failed', '40']);
  });
});
