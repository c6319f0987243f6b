// First, before any schema exists (see src/web/zod-jitless.ts).
import '../../web/zod-jitless.ts';
import type { Session } from '../../engine/index.ts';
import { RoomClient, RoomRequestError } from '../../server/client.ts';
import type { MyGame, Seat } from '../../server/protocol.ts';
import { SCENES, type GameApp, type SceneKey } from '../app.ts';
import { engine } from '../services/engine-loader.ts';
import { showJoinPanel, statusLine } from './join-panel.ts';
import { MoveSender, type SenderStatus } from './move-sender.ts';
import { forgetSeat, readSeat, writeSeat } from './seat-store.ts';

/**
 * Playing in a workshop room: join by link or code, play in this browser with the engine running here,
 * and send every move to the room's server as it is made. A reload (or a lost network) finds the same
 * game: the server holds the record, this browser only the seat's key.
 */

/** What the flow needs of the Phaser game: switching scenes from outside a scene. */
export interface SceneSwitcher {
  scene: {
    getScenes(isActive?: boolean): { scene: { key: string } }[];
    stop(key: string): unknown;
    start(key: string): unknown;
  };
}

/** Resolves once the screen is started (or its code could not be fetched, with a notice). */
function goTo(app: GameApp, game: SceneSwitcher, key: SceneKey): Promise<void> {
  return app.scenes.load(key).then(
    () => {
      for (const s of game.scene.getScenes(true)) game.scene.stop(s.scene.key);
      game.scene.start(key);
    },
    () => app.notices.show('The workshop game could not be opened. Check the connection and reload the page.'),
  );
}

const client = () => new RoomClient(location.origin);

/**
 * On a join link (`?room=CODE`): resumes this browser's seat in that room, or asks for a name. Resolves
 * once the rep's game is on screen or the join panel is open; until then the loading screen stays
 * (GameApp.firstScreenHold), and after it the first screen opens under the panel.
 */
export async function startFromLink(app: GameApp, game: SceneSwitcher): Promise<void> {
  const code = new URLSearchParams(location.search).get('room');
  if (!code) return;
  await app.loading.done;
  await app.whenPlayable();
  const seat = readSeat(code);
  if (seat) {
    try {
      const mine = await client().myGame(seat.code, seat.token);
      await adopt(app, game, mine, mine.record);
      return;
    } catch (e) {
      if (e instanceof RoomRequestError && e.status === 0) {
        app.notices.show(`The workshop server cannot be reached right now: ${e.message}. Reload to try again.`);
        return;
      }
      forgetSeat(code);
      if (!(e instanceof RoomRequestError)) app.notices.show(`Your game in room ${code} could not be resumed: ${(e as Error).message}`);
    }
  }
  openJoinPanel(app, game, code);
}

/** The menu's "Join a workshop room" (or a join link without a seat yet). */
export function openJoinPanel(app: GameApp, game: SceneSwitcher, code?: string): void {
  const panel = showJoinPanel({
    ...(code ? { code } : {}),
    onCancel: () => undefined,
    onJoin: (c, name) => {
      client()
        .join(c, name)
        .then((seat) => {
          writeSeat({ code: seat.code, token: seat.token });
          panel.close();
          void adopt(app, game, seat, null);
        })
        .catch((e: Error) => panel.fail(e.message));
    },
  });
}

/** Plays the seat's game here; resolves once its screen is on (or nothing changed, with a notice). */
function adopt(app: GameApp, game: SceneSwitcher, seat: Seat | MyGame, record: MyGame['record'] | null): Promise<void> {
  const entry = app.catalog.builtIns.find((e) => e.id === seat.scenarioId);
  if (!entry || entry.compiled.fingerprint !== seat.fingerprint) {
    app.notices.show(`Room ${seat.code} plays a version of "${seat.scenarioId}" this page does not have. Reload the page to get the room's version.`);
    return Promise.resolve();
  }
  const { AttemptError, replayAttempt, Session } = engine();
  let session: Session;
  try {
    session = record ? replayAttempt(entry.compiled, record) : Session.create(entry.compiled, seat.personaId, seat.seed, seat.mode);
  } catch (e) {
    app.notices.show(`Your game in room ${seat.code} does not replay here: ${e instanceof AttemptError ? e.message : (e as Error).message}`);
    return Promise.resolve();
  }
  const status = statusLine();
  const show = (s: SenderStatus) => {
    const where = `Room ${seat.code} · ${seat.name}`;
    if (s.kind === 'saved') status.set(s.kind, `${where} · every move saved`);
    else if (s.kind === 'sending') status.set(s.kind, `${where} · saving…`);
    else if (s.kind === 'offline') status.set(s.kind, `${where} · no connection, retrying…`);
    else if (s.kind === 'verified') status.set(s.kind, `${where} · result verified by the room (score ${s.score})`);
    else {
      status.set(s.kind, `${where} · ${s.message}`);
      app.notices.show(`Room ${seat.code}: ${s.message}`);
    }
  };
  show({ kind: 'saved', moves: session.moves.length });
  const sender = new MoveSender({ client: client(), code: seat.code, token: seat.token, acked: session.moves.length, onStatus: show });
  // The room's server keeps this game (moveSink below), so it gets no save slot of its own.
  app.catalog.select(entry, session.personaId, session.mode);
  app.runner.resume(entry, session, { slotId: `room-${seat.code}`, startedAt: new Date().toISOString(), pathStep: null, retry: null });
  app.moveSink = (s) => {
    if (s !== session) return false;
    sender.sync(s);
    return true;
  };
  if (session.isOver()) sender.sync(session);
  // The link in the address bar is the way back to this game after a reload.
  const url = new URL(location.href);
  url.searchParams.set('room', seat.code);
  history.replaceState(null, '', url);
  return goTo(app, game, record && record.moves.length ? app.sceneFor(session.snapshot()) : SCENES.briefing);
}
