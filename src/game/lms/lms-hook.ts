// First, before any schema exists (see src/web/zod-jitless.ts).
import '../../web/zod-jitless.ts';
import { AttemptError, replayAttempt, type Session } from '../../engine/index.ts';
import { AssignmentSchema, type Assignment } from '../../lms/assignment.ts';
import type { LmsAdapter, LmsLaunch } from '../../lms/adapter.ts';
import { CourseSchema, STEP_META, unitForPage } from '../../lms/course.ts';
import { findAdapter } from '../../lms/find-adapter.ts';
import { SessionReporter } from '../../lms/session-reporter.ts';
import type { LrsReporter } from '../../lms/xapi/lrs-reporter.ts';
import { loadLrsSettings, lrsConfigOf, outboxNameFor } from '../../lms/xapi/lrs-settings.ts';
import { SCENES, type GameApp } from '../app.ts';
import type { ScenarioEntry } from '../scenario/catalog.ts';
import { newSlotId } from '../storage/game-slots.ts';
import { followMoves } from './follow-moves.ts';

/** How often, at most, the rep is told that progress may not be recorded (the log gets every problem). */
const NOTICE_EVERY_MS = 30_000;

/**
 * The game inside an LMS: restricts the game to the packaged assignment, opens the LMS session,
 * resumes the saved negotiation from the LMS's suspend state (by replaying its attempt record), then
 * reports every move and result. Runs before the game opens. No LMS found: the game plays as usual.
 */
export async function connectLms(app: GameApp, raw: unknown): Promise<void> {
  const assignment = assignmentOfPage(raw);
  if (!assignment) return;
  await app.loading.done;
  await app.whenPlayable();
  const entry = restrictToAssignment(app, assignment);
  if (!entry) {
    app.notices.show(`This package's scenario "${assignment.scenarioId}" is missing; choose another negotiation.`);
    return;
  }

  let lastNotice = -Infinity;
  const onProblem = (message: string, cause?: unknown) => {
    console.error(`[lms] ${message}`, cause ?? '');
    if (performance.now() - lastNotice < NOTICE_EVERY_MS) return;
    lastNotice = performance.now();
    app.notices.show('Your progress may not be recorded: the learning system did not answer as expected. You can keep playing.');
  };

  let adapter: LmsAdapter | null = await findAdapter(assignment);
  let launch: LmsLaunch | null = null;
  if (adapter) {
    try {
      launch = await adapter.start();
    } catch (e) {
      onProblem(`starting the LMS session: ${(e as Error).message}`, e);
      adapter = null;
    }
  }
  // Statements go to the LRS of the package's options, else (SCORM) to the one saved in this device's
  // settings; cmi5 has the LMS's own. The xAPI client loads only when there is one.
  let lrs: LrsReporter | null = null;
  const device = assignment.lrs || assignment.format === 'cmi5' ? null : loadLrsSettings();
  const lrsConfig = assignment.lrs ?? (device ? lrsConfigOf(device) : null);
  if (lrsConfig) {
    const { LrsOutbox, LrsReporter } = await import('../../lms/xapi/lrs-reporter.ts');
    const actor = LrsReporter.actorFor(launch?.learner ?? null, assignment.lrs?.actorHomePage ?? location.origin);
    const outbox = new LrsOutbox(lrsConfig, onProblem, device ? outboxNameFor(device) : undefined);
    lrs = new LrsReporter(outbox, {
      actor,
      activityId: assignment.activityId,
      title: assignment.scenarioTitle,
      scenarioId: assignment.scenarioId,
      personaId: assignment.personaId,
      newId: () => crypto.randomUUID(),
    });
  }
  const reporter = new SessionReporter({ adapter, recording: launch?.recording ?? false }, lrs, launch?.passMark ?? assignment.passMark, onProblem);
  if (lrs) void lrs.launched().catch((e: unknown) => onProblem(`queueing a statement: ${(e as Error).message}`, e));

  resumeOrStart(app, entry, assignment, launch?.saved ?? null);
  reporter.shown();

  // Each game of the assignment (its scenario, persona and mode) is followed from what was on screen
  // before a move to the move itself.
  const assigned = (s: Session) => s.compiled.fingerprint === entry.compiled.fingerprint && s.personaId === assignment.personaId && s.mode === assignment.mode;
  followMoves(app, { include: assigned, shown: () => reporter.shown(), moved: (session, choiceId, before) => reporter.moved(session, choiceId, before) });
  window.addEventListener('pagehide', () => void reporter.close());
  exposeForTests(reporter);
}

/**
 * What this page plays: the package's one assignment, or, in a learning path course, the unit its
 * launch page names. Null (logged) when the package carries something unreadable.
 */
function assignmentOfPage(raw: unknown): Assignment | null {
  const single = AssignmentSchema.safeParse(raw);
  if (single.success) return single.data;
  const course = CourseSchema.safeParse(raw);
  if (!course.success) {
    console.error('[lms] the package carries an unreadable assignment', single.error);
    return null;
  }
  const step = document.querySelector<HTMLMetaElement>(`meta[name="${STEP_META}"]`)?.content ?? null;
  const unit = unitForPage(course.data, step);
  if (unit) return unit;
  // Opened as the course's index.html (not a unit's launch page): the path's first step.
  console.error(`[lms] this page names no step of the course (${step ?? 'none'}); playing its first step`);
  return course.data.units[0]!.assignment;
}

/** Only the assigned scenario, with only the assigned persona, is offered (Back to menu included). */
function restrictToAssignment(app: GameApp, a: Assignment): ScenarioEntry | null {
  const entry = app.catalog.builtIns.find((e) => e.id === a.scenarioId);
  const persona = entry?.scenario.personas.find((p) => p.id === a.personaId);
  if (!entry || !persona) return null;
  const only: ScenarioEntry = { ...entry, scenario: { ...entry.scenario, personas: [persona] } };
  app.catalog.offerOnly(only);
  app.catalog.select(only, persona.id, a.mode);
  return only;
}

/** The LMS's suspend state wins over anything on the device; a record that does not replay is reported. */
function resumeOrStart(app: GameApp, entry: ScenarioEntry, a: Assignment, saved: unknown): void {
  if (saved !== null) {
    try {
      const session = replayAttempt(entry.compiled, saved);
      app.runner.resume(entry, session, { slotId: newSlotId(), startedAt: new Date().toISOString(), pathStep: null, retry: null });
      app.startScene = app.sceneFor(session.snapshot());
      return;
    } catch (e) {
      const reason = e instanceof AttemptError ? e.message : (e as Error).message;
      console.error('[lms] the saved progress does not replay', e);
      app.notices.show(`Your saved progress could not be resumed: ${reason}. Starting fresh.`);
    }
  }
  app.startNew(entry, a.personaId, a.mode);
  app.startScene = SCENES.briefing;
}

declare global {
  interface Window {
    /** Lets tests wait until every LMS call so far has been answered. */
    __walkawayLms?: { settled(): Promise<void> };
  }
}

function exposeForTests(reporter: SessionReporter): void {
  Object.defineProperty(window, '__walkawayLms', { value: Object.freeze({ settled: () => reporter.settled() }), configurable: true });
}
