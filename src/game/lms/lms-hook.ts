import { AttemptError, replayAttempt } from '../../engine/index.ts';
import { AssignmentSchema, type Assignment } from '../../lms/assignment.ts';
import type { LmsAdapter, LmsLaunch } from '../../lms/adapter.ts';
import { findAdapter } from '../../lms/find-adapter.ts';
import { SessionReporter } from '../../lms/session-reporter.ts';
import type { LrsReporter } from '../../lms/xapi/lrs-reporter.ts';
import { SCENES, type GameApp } from '../app.ts';
import type { ScenarioEntry } from '../scenario/catalog.ts';

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

  const assigned = (s: { compiled: { fingerprint: string }; personaId: string }) =>
    s.compiled.fingerprint === entry.compiled.fingerprint && s.personaId === assignment.personaId;
  app.sessionListeners.add(({ session, choiceId, before }) => {
    if (!assigned(session)) return;
    if (choiceId === null || !before) reporter.shown();
    else reporter.moved(session, choiceId, before);
  });
  window.addEventListener('pagehide', () => void reporter.close());
  exposeForTests(reporter);
}

/** Only the assigned scenario, with only the assigned persona, is offered (Back to menu included). */
function restrictToAssignment(app: GameApp, a: Assignment): ScenarioEntry | null {
  const entry = app.builtIns.find((e) => e.id === a.scenarioId);
  const persona = entry?.scenario.personas.find((p) => p.id === a.personaId);
  if (!entry || !persona) return null;
  const only: ScenarioEntry = { ...entry, scenario: { ...entry.scenario, personas: [persona] } };
  app.builtIns = [only];
  app.selection = { entryId: only.id, personaId: persona.id };
  app.newGameMode = a.mode;
  return only;
}

/** The LMS's suspend state wins over anything on the device; a record that does not replay is reported. */
function resumeOrStart(app: GameApp, entry: ScenarioEntry, a: Assignment, saved: unknown): void {
  if (saved !== null) {
    try {
      const session = replayAttempt(entry.compiled, saved);
      app.entry = entry;
      app.session = session;
      app.selection = { entryId: entry.id, personaId: session.personaId };
      app.startScene = app.sceneFor(session.snapshot());
      return;
    } catch (e) {
      const reason = e instanceof AttemptError ? e.message : (e as Error).message;
      console.error('[lms] the saved progress does not replay', e);
      app.notices.show(`Your saved progress could not be resumed: ${reason}. Starting fresh.`);
    }
  }
  app.startNew(entry, a.personaId);
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
