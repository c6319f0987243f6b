import { AttemptError, replayAttempt, type Session, type SessionSnapshot } from '../../engine/index.ts';
import { AssignmentSchema, type Assignment } from '../../lms/assignment.ts';
import type { LmsAdapter, LmsLaunch } from '../../lms/adapter.ts';
import { findAdapter } from '../../lms/find-adapter.ts';
import { SessionReporter } from '../../lms/session-reporter.ts';
import type { LrsReporter } from '../../lms/xapi/lrs-reporter.ts';
import { SCENES, type GameApp } from '../app.ts';
import type { ScenarioEntry } from '../scenario/catalog.ts';
import { newSlotId } from '../storage/game-slots.ts';

/** How often, at most, the rep is told that progress may not be recorded (the log gets every problem). */
const NOTICE_EVERY_MS = 30_000;

/**
 * The game inside an LMS: restricts the game to the packaged assignment, opens the LMS session,
 * resumes the saved negotiation from the LMS's suspend state (by replaying its attempt record), then
 * reports every move and result. Runs before the game opens. No LMS found: the game plays as usual.
 */
export async function connectLms(app: GameApp, raw: unknown): Promise<void> {
  const parsed = AssignmentSchema.safeParse(raw);
  if (!parsed.success) {
    console.error('[lms] the package carries an unreadable assignment', parsed.error);
    return;
  }
  const assignment = parsed.data;
  await app.loading.done;
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
  // The xAPI client loads only for packages that report to an LRS of their own.
  let lrs: LrsReporter | null = null;
  if (assignment.lrs) {
    const { LrsReporter } = await import('../../lms/xapi/lrs-reporter.ts');
    const actor = LrsReporter.actorFor(launch?.learner ?? null, assignment.lrs.actorHomePage ?? location.origin);
    lrs = new LrsReporter(
      assignment.lrs,
      { actor, activityId: assignment.activityId, title: assignment.scenarioTitle, scenarioId: assignment.scenarioId, personaId: assignment.personaId, newId: () => crypto.randomUUID() },
      onProblem,
    );
  }
  const reporter = new SessionReporter({ adapter, recording: launch?.recording ?? false }, lrs, launch?.passMark ?? assignment.passMark, onProblem);
  if (lrs) void lrs.launched().catch((e: unknown) => onProblem(`queueing a statement: ${(e as Error).message}`, e));

  resumeOrStart(app, entry, assignment, launch?.saved ?? null);
  reporter.shown();

  // Each game of the assignment (its scenario, persona and mode) is followed from what was on screen
  // before a move to the move itself; a new game, a retry or a take-back starts following afresh.
  const assigned = (s: Session) => s.compiled.fingerprint === entry.compiled.fingerprint && s.personaId === assignment.personaId && s.mode === assignment.mode;
  let followed: { session: Session; moves: number; shown: SessionSnapshot } | null = app.session ? { session: app.session, moves: app.session.moves.length, shown: app.session.snapshot() } : null;
  app.sessionListeners.add((session) => {
    if (!assigned(session) || app.runner.watching) return;
    const moves = session.moves.length;
    if (followed && followed.session === session && moves === followed.moves + 1) {
      const move = session.moves[moves - 1]!;
      reporter.moved(session, typeof move === 'string' ? move : `package-${move.join('-')}`, followed.shown);
    } else reporter.shown();
    followed = { session, moves, shown: session.snapshot() };
  });
  window.addEventListener('pagehide', () => void reporter.close());
  exposeForTests(reporter);
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
