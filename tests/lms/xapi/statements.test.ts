import { describe, expect, it } from 'vitest';
import { decisionStatement, finishStatements, launchedStatement, type StatementContext } from '../../../src/lms/xapi/statements.ts';
import { ACTIVITY_TYPES, EXTENSIONS } from '../../../src/lms/xapi/vocabulary.ts';
import type { DecisionReport, FinalReport } from '../../../src/lms/adapter.ts';
import { xapiProblems } from '../xapi-validator.ts';

const context: StatementContext = {
  actor: { objectType: 'Agent', name: 'Dana Rep', account: { homePage: 'https://lms.example.com', name: 'rep-42' } },
  activityId: 'urn:walkaway:assignment:renewal:returning-vp',
  title: 'The renewal (with Alex)',
  scenarioId: 'renewal',
  personaId: 'returning-vp',
  newId: () => crypto.randomUUID(),
};
const decision: DecisionReport = {
  turn: 4,
  choiceId: 'walk-out',
  choiceText: 'Thank them and leave the table',
  tags: ['walk-away'],
  phase: 'negotiation',
  value: 180,
  walkAwayValue: 200,
  shownAt: new Date('2026-11-30T08:00:00Z'),
  madeAt: new Date('2026-11-30T08:00:12.5Z'),
};
const final: FinalReport = {
  score: 64,
  passed: false,
  passMark: 70,
  outcome: 'walked-away',
  value: 0,
  walkAwayValue: 200,
  record: {} as FinalReport['record'],
  decisions: 9,
};

describe('xAPI statements', () => {
  it('every statement is valid xAPI and has an id of its own', () => {
    const all = [launchedStatement(context), decisionStatement(context, decision), ...finishStatements(context, final, 65_000)];
    for (const s of all) expect(xapiProblems(s), JSON.stringify(s)).toEqual([]);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    // The validator does reject a broken statement (so an empty list means something).
    expect(xapiProblems({ ...launchedStatement(context), verb: { id: 'not an iri' } })).not.toEqual([]);
  });

  it('a decision carries the Walkaway activity type, its tags, the offer value and the walk-away', () => {
    const s = decisionStatement(context, decision);
    expect(s.object).toMatchObject({ id: `${context.activityId}/decision/walk-out`, definition: { type: ACTIVITY_TYPES.decision } });
    expect(s.result?.response).toBe('walk-out');
    expect(s.result?.duration).toBe('PT12.5S');
    expect(s.result?.extensions).toEqual({
      [EXTENSIONS.tags]: ['walk-away'],
      [EXTENSIONS.offerValue]: 180,
      [EXTENSIONS.walkAwayValue]: 200,
      [EXTENSIONS.walkedAway]: true,
    });
    expect(s.context?.contextActivities?.parent).toEqual([expect.objectContaining({ id: context.activityId })]);
  });

  it('the result is completed, then failed below the pass mark with the score scaled', () => {
    const [completed, failed] = finishStatements(context, final, 65_000);
    expect(completed!.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(failed!.verb.id).toBe('http://adlnet.gov/expapi/verbs/failed');
    expect(failed!.result).toMatchObject({ success: false, score: { scaled: 0.64, raw: 64, min: 0, max: 100 }, duration: 'PT1M5S' });
  });
});
