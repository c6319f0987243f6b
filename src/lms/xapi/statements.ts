import type { Statement, Actor, ResultScore } from '@xapi/xapi';
import type { DecisionReport, FinalReport } from '../adapter.ts';
import { isoDuration } from '../timing.ts';
import { ACTIVITY_TYPES, EXTENSIONS, VERBS } from './vocabulary.ts';

/** Who did what in which assignment: everything a statement needs besides the event itself. */
export interface StatementContext {
  /** Absent for cmi5, whose library adds the launch's actor and context. */
  actor?: Actor;
  activityId: string;
  title: string;
  scenarioId: string;
  personaId: string;
  /** A new id for each statement, made once when the statement is made (crypto.randomUUID). */
  newId: () => string;
}

function assignmentActivity(c: StatementContext) {
  return {
    objectType: 'Activity' as const,
    id: c.activityId,
    definition: { type: ACTIVITY_TYPES.simulation, name: { 'en-US': c.title } },
  };
}

function base(c: StatementContext, at: Date): Pick<Statement, 'id' | 'timestamp'> & { actor?: Actor } {
  return { id: c.newId(), timestamp: at.toISOString(), ...(c.actor ? { actor: c.actor } : {}) };
}

function scenarioContext(c: StatementContext, extra: Record<string, unknown> = {}) {
  return { extensions: { [EXTENSIONS.scenario]: c.scenarioId, [EXTENSIONS.persona]: c.personaId, ...extra } };
}

export function launchedStatement(c: StatementContext, at = new Date()): Statement {
  return { ...base(c, at), verb: VERBS.launched, object: assignmentActivity(c), context: scenarioContext(c) } as Statement;
}

/** One decision: the choice as its own activity (same choice, same id across attempts), under the assignment. */
export function decisionStatement(c: StatementContext, d: DecisionReport): Statement {
  return {
    ...base(c, d.madeAt),
    verb: VERBS.responded,
    object: {
      objectType: 'Activity',
      id: `${c.activityId}/decision/${encodeURIComponent(d.choiceId)}`,
      definition: { type: ACTIVITY_TYPES.decision, name: { 'en-US': d.choiceText } },
    },
    result: {
      response: d.choiceId,
      duration: isoDuration(d.madeAt.getTime() - d.shownAt.getTime()),
      extensions: {
        [EXTENSIONS.tags]: [...d.tags],
        [EXTENSIONS.offerValue]: d.value,
        [EXTENSIONS.walkAwayValue]: d.walkAwayValue,
        [EXTENSIONS.walkedAway]: d.tags.includes('walk-away'),
      },
    },
    context: {
      contextActivities: { parent: [assignmentActivity(c)] },
      ...scenarioContext(c, { [EXTENSIONS.turn]: d.turn, [EXTENSIONS.phase]: d.phase }),
    },
  } as Statement;
}

export function scoreOf(total: number): ResultScore {
  return { scaled: total / 100, raw: total, min: 0, max: 100 };
}

/** The finished negotiation: completed, then passed or failed against the pass mark. */
export function finishStatements(c: StatementContext, r: FinalReport, durationMs: number, at = new Date()): Statement[] {
  const context = scenarioContext(c, { [EXTENSIONS.outcome]: r.outcome });
  const duration = isoDuration(durationMs);
  return [
    { ...base(c, at), verb: VERBS.completed, object: assignmentActivity(c), result: { completion: true, duration }, context } as Statement,
    {
      ...base(c, at),
      verb: r.passed ? VERBS.passed : VERBS.failed,
      object: assignmentActivity(c),
      result: { score: scoreOf(r.score), success: r.passed, completion: true, duration },
      context,
    } as Statement,
  ];
}
