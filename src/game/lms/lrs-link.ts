// First, before any schema exists (see src/web/zod-jitless.ts): this module is loaded on its own.
import '../../web/zod-jitless.ts';
import { defaultActivityId } from '../../lms/assignment.ts';
import { SessionReporter } from '../../lms/session-reporter.ts';
import { loadLrsSettings, lrsConfigOf, outboxNameFor, type LrsSettings } from '../../lms/xapi/lrs-settings.ts';
import type { LrsOutbox } from '../../lms/xapi/lrs-reporter.ts';
import { passMarkFor } from '../../engine/training/index.ts';
import type { Session } from '../../engine/index.ts';
import type { GameApp } from '../app.ts';
import { followMoves } from './follow-moves.ts';

/** How often, at most, the rep is told that statements could not be sent (the log gets every problem). */
const NOTICE_EVERY_MS = 60_000;

/**
 * The ordinary game (not an LMS package) with a learning record store saved in its settings: every game
 * the rep plays sends launched, one statement per decision, completed and passed or failed, through
 * the offline outbox. Saving other settings or clearing them takes effect at once.
 */
let linked: { app: GameApp; stop: () => void; generation: number } | null = null;

/** Starts reporting to the LRS saved on this device, if any; call once when the game starts. */
export function linkSavedLrs(app: GameApp): void {
  linked = { app, stop: () => {}, generation: 0 };
  relinkLrs();
}

/**
 * Follows the saved settings again (after the rep saved or cleared them). False outside the ordinary
 * game: an LMS package reads the settings when it is launched.
 */
export function relinkLrs(): boolean {
  const link = linked;
  if (!link) return false;
  link.stop();
  link.stop = () => {};
  const generation = ++link.generation;
  const settings = loadLrsSettings();
  if (!settings) return true;
  const onScreen = link.app.session;
  void follow(link.app, settings, onScreen).then((stop) => {
    // Settings changed again while the xAPI client loaded: this follower is already out of date.
    if (link.generation === generation) link.stop = stop;
    else stop();
  });
  return true;
}

async function follow(app: GameApp, settings: LrsSettings, onScreenBefore: Session | null): Promise<() => void> {
  const { LrsOutbox, LrsReporter } = await import('../../lms/xapi/lrs-reporter.ts');
  let lastNotice = -Infinity;
  const onProblem = (message: string, cause?: unknown) => {
    console.error(`[lrs] ${message}`, cause ?? '');
    if (performance.now() - lastNotice < NOTICE_EVERY_MS) return;
    lastNotice = performance.now();
    app.notices.show('Your learning records may not reach your learning record store yet; they wait on this device.');
  };
  const outbox: LrsOutbox = new LrsOutbox(lrsConfigOf(settings), onProblem, outboxNameFor(settings));
  const actor = LrsReporter.actorFor(null, location.origin);
  // One reporter per game: each game is its own activity (its scenario and counterpart). A take-back
  // (coach mode) rebuilds the session but stays the same game, in the same save slot: no new launch.
  let current: { game: unknown; reporter: SessionReporter } | null = null;
  const reporterFor = (session: Session, announce: boolean): SessionReporter => {
    const game = app.runner.origin?.slotId || session;
    if (current?.game === game) return current.reporter;
    const scenario = app.entry?.scenario;
    const persona = scenario?.personas.find((p) => p.id === session.personaId);
    const scenarioId = session.compiled.scenario.id;
    const lrs = new LrsReporter(outbox, {
      actor,
      activityId: defaultActivityId(scenarioId, session.personaId),
      title: scenario ? `${scenario.title}${persona ? ` (with ${persona.name})` : ''}` : scenarioId,
      scenarioId,
      personaId: session.personaId,
      newId: () => crypto.randomUUID(),
    });
    const passMark = passMarkFor(app.runner.origin?.pathStep ?? null, session.compiled.scenario);
    const reporter = new SessionReporter({ adapter: null, recording: false }, lrs, passMark, onProblem);
    if (announce) void lrs.launched().catch((e: unknown) => onProblem(`queueing a statement: ${(e as Error).message}`, e));
    current = { game, reporter };
    return reporter;
  };
  const unfollow = followMoves(app, {
    shown: (session) => {
      // A game that is over when shown (a finished game reopened) is not a new launch.
      if (!session.isOver()) reporterFor(session, true).shown();
    },
    moved: (session, choiceId, before) => reporterFor(session, false).moved(session, choiceId, before),
  });
  // A game started while the xAPI client was loading is one of the games "from now on": it was shown
  // before the follower existed, so announce it here (a quick start after saving lost its launch).
  const started = app.session;
  if (started && started !== onScreenBefore && !started.isOver() && !app.runner.watching) reporterFor(started, true).shown();
  void outbox.flush().catch((e: unknown) => onProblem(`sending waiting statements: ${(e as Error).message}`, e));
  return () => {
    unfollow();
    outbox.stop();
  };
}
