import { randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { ATTEMPT_FORMAT, type AttemptRecord, type CompiledScenario } from '../engine/index.ts';
import type { Database, Queryable } from './db/database.ts';
import { RoomError } from './errors.ts';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  type CreateRoom,
  type CreatedRoom,
  type FacilitatorAction,
  type MoveAck,
  type MoveMessage,
  type MyGame,
  type ResultClaim,
  type RoomInfo,
  type Seat,
} from './protocol.ts';
import { setBounded } from './bounded-map.ts';
import { MoveWriter } from './move-writer.ts';
import { RoomRosters, type RosterRow } from './room-roster.ts';
import type { ScenarioCatalog } from './scenarios.ts';
import { roomStats, type RepProgress, type RoomStats } from './stats.ts';
import { applyMove, claimMismatch, replayStored } from './verify.ts';
import type { Session } from '../engine/index.ts';
import type { VerifiedSummary } from './verified.ts';

/**
 * Rooms, reps and their moves: the workshop's rules of who may do what, over the database. A thin
 * shell over the engine: every move and every result is checked by replaying the rep's attempt record.
 */

interface RoomRow {
  code: string;
  secret: string;
  scenario_id: string;
  fingerprint: string;
  persona_id: string | null;
  mode: AttemptRecord['mode'];
  locked: boolean;
  ended: boolean;
  revealed: boolean;
  hide_names: boolean;
  compare_a: string | null;
  compare_b: string | null;
}

interface RepRow {
  id: string;
  position: number;
  name: string;
  token: string;
  persona_id: string;
  seed: number;
  record: AttemptRecord;
  move_count: number;
  over: boolean;
  summary: VerifiedSummary | null;
}

export interface PathStep {
  turn: number;
  speaker: string;
  line: string;
  choice: string;
}

export interface RepPath {
  repId: string;
  name: string;
  personaId: string;
  summary: VerifiedSummary | null;
  steps: PathStep[];
}

/** The facilitator's whole view of a room (names already replaced when hidden). */
export interface RoomView {
  code: string;
  scenarioId: string;
  title: string;
  unit: string;
  personaLabel: string;
  mode: string;
  locked: boolean;
  ended: boolean;
  revealed: boolean;
  hideNames: boolean;
  joinUrl: string;
  reps: (RepProgress & { position: number; personaId: string; flagged: boolean })[];
  flags: { repId: string | null; name: string; message: string; at: string }[];
  /** Only once revealed: the room's statistics, its best and worst path, and the chosen comparison. */
  stats: RoomStats | null;
  best: RepPath | null;
  worst: RepPath | null;
  compare: { a: RepPath | null; b: RepPath | null };
}

/** Anyone on the network may try codes: keep the space large enough that guessing one is pointless. */
function newCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

/** A game whose last move this process stored, kept until the rep's browser reports its result. */
interface FinishedGame {
  repId: string;
  code: string;
  record: AttemptRecord;
  summary: VerifiedSummary;
}

/** A rep's game kept between moves: their session as of the last stored move. */
interface LiveGame {
  repId: string;
  code: string;
  compiled: CompiledScenario;
  session: Session;
}

export class RoomService {
  private readonly db: Database;
  private readonly catalog: ScenarioCatalog;
  private readonly onChange: (code: string) => void;
  /** Transcripts of finished games, by rep id and move count (a finished record never changes). */
  private readonly paths = new Map<string, RepPath>();
  /**
   * Each playing rep's game as of their last stored move, by seat token, so the next move is one engine
   * step and one conditional UPDATE. Trusted only as far as that UPDATE confirms it: another process
   * may have moved the rep on, or the room may have ended.
   */
  private readonly live = new Map<string, LiveGame>();

  /** Stores moves, many to a statement when many arrive at once. */
  private readonly writer: MoveWriter;

  /**
   * Kept in memory only when this process is the database's one writer (`Database.exclusive`), so on
   * the embedded database, whose every query costs a round trip to its thread and most of a
   * millisecond there, a busy room's hot paths skip reads whose answer is already known: the rooms
   * themselves, watched rooms' reps (for the projector's view), and games that just finished (for the
   * result the rep's browser then reports).
   */
  private readonly rosters: RoomRosters | null;
  private readonly roomRows: Map<string, RoomRow> | null;
  private readonly finished: Map<string, FinishedGame> | null;

  constructor(db: Database, catalog: ScenarioCatalog, onChange: (code: string) => void = () => undefined) {
    this.db = db;
    this.writer = new MoveWriter(db);
    this.rosters = db.exclusive ? new RoomRosters() : null;
    this.roomRows = db.exclusive ? new Map() : null;
    this.finished = db.exclusive ? new Map() : null;
    this.catalog = catalog;
    this.onChange = onChange;
  }

  // ---- Facilitator ----

  async create(req: CreateRoom, baseUrl: string): Promise<CreatedRoom> {
    const compiled = this.catalog.get(req.scenarioId);
    if (!compiled)
      throw new RoomError(
        404,
        `no scenario "${req.scenarioId}"; scenarios: ${this.catalog
          .list()
          .map((c) => c.scenario.id)
          .join(', ')}`,
      );
    if (req.personaId !== null && !compiled.personas.has(req.personaId)) {
      throw new RoomError(404, `scenario "${req.scenarioId}" has no persona "${req.personaId}"; personas: ${[...compiled.personas.keys()].join(', ')}`);
    }
    const secret = randomBytes(16).toString('hex');
    for (let attempt = 0; attempt < 10; attempt++) {
      const code = newCode();
      try {
        await this.db.query('INSERT INTO rooms (code, secret, scenario_id, fingerprint, persona_id, mode) VALUES ($1, $2, $3, $4, $5, $6)', [
          code,
          secret,
          compiled.scenario.id,
          compiled.fingerprint,
          req.personaId,
          req.mode,
        ]);
        return { code, secret, ...roomUrls(baseUrl, code, secret) };
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
    }
    throw new RoomError(503, 'could not find a free room code; try again');
  }

  async act(code: string, secret: string, action: FacilitatorAction): Promise<void> {
    await this.facilitatorRoom(code, secret);
    const set: Record<Exclude<FacilitatorAction['action'], 'compare'>, string> = {
      lock: 'locked = true',
      unlock: 'locked = false',
      end: 'ended = true, locked = true',
      reveal: 'revealed = true',
      conceal: 'revealed = false',
      'hide-names': 'hide_names = true',
      'show-names': 'hide_names = false',
    };
    if (action.action === 'compare') {
      for (const id of [action.a, action.b]) {
        if (id !== null && !(await this.db.query('SELECT 1 FROM reps WHERE id = $1 AND room_code = $2', [id, code])).length) {
          throw new RoomError(404, `no rep "${id}" in room ${code}`);
        }
      }
      this.keepRoom(
        code,
        await this.db.query<RoomRow>('UPDATE rooms SET compare_a = $2, compare_b = $3 WHERE code = $1 RETURNING *', [code, action.a, action.b]),
      );
    } else {
      this.keepRoom(code, await this.db.query<RoomRow>(`UPDATE rooms SET ${set[action.action]} WHERE code = $1 RETURNING *`, [code]));
    }
    this.onChange(code);
  }

  async view(code: string, secret: string, baseUrl: string): Promise<RoomView> {
    const room = await this.facilitatorRoom(code, secret);
    const compiled = this.compiledFor(room);
    const read = () =>
      this.db.query<RosterRow>('SELECT id, position, name, persona_id, seed, move_count, over, summary FROM reps WHERE room_code = $1 ORDER BY position', [
        code,
      ]);
    const rows = this.rosters ? await this.rosters.rows(code, read) : await read();
    const flagRows = await this.db.query<{ rep_id: string | null; message: string; created_at: Date | string }>(
      'SELECT rep_id, message, created_at FROM flags WHERE room_code = $1 ORDER BY id',
      [code],
    );
    const nameOf = new Map(rows.map((r) => [r.id, room.hide_names ? `Rep ${r.position}` : r.name]));
    const flagged = new Set(flagRows.map((f) => f.rep_id));
    const reps = rows.map((r) => ({
      id: r.id,
      position: r.position,
      personaId: r.persona_id,
      name: nameOf.get(r.id)!,
      turn: r.move_count,
      over: r.over,
      summary: r.summary,
      flagged: flagged.has(r.id),
    }));
    const stats = room.revealed ? roomStats(reps) : null;
    const path = async (id: string | null) => (id && nameOf.has(id) ? this.path(room, compiled, id, nameOf.get(id)!) : null);
    const persona = room.persona_id ? compiled.personas.get(room.persona_id) : undefined;
    return {
      code,
      scenarioId: room.scenario_id,
      title: compiled.scenario.title,
      unit: compiled.scenario.unit,
      personaLabel: persona ? `${persona.name}, ${persona.title}` : 'a random counterpart for each rep',
      mode: room.mode,
      locked: room.locked,
      ended: room.ended,
      revealed: room.revealed,
      hideNames: room.hide_names,
      joinUrl: roomUrls(baseUrl, code, '').joinUrl,
      reps,
      flags: flagRows.map((f) => ({
        repId: f.rep_id,
        name: (f.rep_id && nameOf.get(f.rep_id)) || 'unknown',
        message: f.message,
        at: new Date(f.created_at).toISOString(),
      })),
      stats,
      best: stats ? await path(stats.bestRepId) : null,
      worst: stats ? await path(stats.worstRepId) : null,
      compare: { a: await path(room.compare_a), b: await path(room.compare_b) },
    };
  }

  /** Everything stored about a room's reps, for export: names, verified results, and each attempt record. */
  async exportRows(code: string, secret: string) {
    const room = await this.facilitatorRoom(code, secret);
    const rows = await this.db.query<RepRow>('SELECT * FROM reps WHERE room_code = $1 ORDER BY position', [code]);
    const flags = await this.db.query<{ rep_id: string }>('SELECT rep_id FROM flags WHERE room_code = $1', [code]);
    const flagged = new Set(flags.map((f) => f.rep_id));
    return {
      room: { code, scenarioId: room.scenario_id, mode: room.mode, personaId: room.persona_id, ended: room.ended },
      reps: rows.map((r) => ({
        position: r.position,
        name: room.hide_names ? `Rep ${r.position}` : r.name,
        personaId: r.persona_id,
        turns: r.move_count,
        finished: r.over,
        flagged: flagged.has(r.id),
        result: r.summary,
        attempt: r.record,
      })),
    };
  }

  // ---- Reps ----

  async info(code: string): Promise<RoomInfo> {
    const room = await this.room(code);
    return { code, scenarioId: room.scenario_id, title: this.compiledFor(room).scenario.title, locked: room.locked, ended: room.ended };
  }

  async join(code: string, name: string): Promise<Seat> {
    const room = await this.room(code);
    if (room.ended) throw new RoomError(410, `room ${code} has ended`);
    if (room.locked) throw new RoomError(423, `room ${code} is locked: the facilitator is not letting anyone else in`);
    const compiled = this.compiledFor(room);
    const personaIds = [...compiled.personas.keys()];
    const personaId = room.persona_id ?? personaIds[randomInt(personaIds.length)]!;
    const seed = 1 + randomInt(2 ** 31 - 2);
    const record: AttemptRecord = {
      format: ATTEMPT_FORMAT,
      scenarioId: compiled.scenario.id,
      fingerprint: compiled.fingerprint,
      personaId,
      seed,
      mode: room.mode,
      moves: [],
    };
    const id = randomUUID();
    const token = randomBytes(18).toString('base64url');
    const nameKey = name.toLocaleLowerCase('en');
    // The unique constraints are the last word if two joins ever race; a lost race is retried.
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        const position = await this.db.transaction(async (tx) => {
          // Joins to one room take turns (across processes too), so positions are handed out in order.
          await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [code]);
          if ((await tx.query('SELECT 1 FROM reps WHERE room_code = $1 AND name_key = $2', [code, nameKey])).length) {
            throw new RoomError(409, `someone in room ${code} is already called "${name}"; pick another name`);
          }
          const [{ next }] = (await tx.query<{ next: number }>('SELECT COALESCE(MAX(position), 0) + 1 AS next FROM reps WHERE room_code = $1', [code])) as [
            { next: number },
          ];
          await tx.query(
            'INSERT INTO reps (id, room_code, position, name, name_key, token, persona_id, seed, record) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
            [id, code, next, name, nameKey, token, personaId, seed, JSON.stringify(record)],
          );
          return next;
        });
        this.keepLive(token, { repId: id, code, compiled, session: replayStored(compiled, record).session });
        this.rosters?.changed(code, { kind: 'joined', row: { id, position, name, persona_id: personaId, seed, move_count: 0, over: false, summary: null } });
        this.onChange(code);
        return { code, repId: id, token, name, scenarioId: compiled.scenario.id, fingerprint: compiled.fingerprint, personaId, seed, mode: room.mode };
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
    }
    throw new RoomError(503, 'the room is busy; try joining again');
  }

  async myGame(code: string, token: string): Promise<MyGame> {
    const { room, rep } = await this.repByToken(code, token);
    return { ...this.seatOf(room, rep), record: rep.record, over: rep.over, ended: room.ended };
  }

  /**
   * One move of a rep's game. `seq` is the move's place in the record: the next one is applied (if the
   * engine accepts it); a move already stored is acknowledged again when it is the same move (a resend
   * after a lost answer) and refused when it differs; a gap is refused. Two processes racing on one rep
   * are kept apart by updating only the row whose move count is the one replayed.
   *
   * The usual case, the next move of a game this process already holds, costs one engine step and one
   * UPDATE; anything else (a first move here, a resend, a refusal, a race) is decided from the stored row.
   */
  async move(code: string, token: string, msg: MoveMessage): Promise<MoveAck> {
    const game = this.live.get(token);
    if (game && game.code === code && msg.seq === game.session.moves.length + 1) {
      const ack = await this.nextMove(token, game, msg);
      if (ack) return ack;
    }
    return this.moveFromStored(code, token, msg);
  }

  /** The next move of a game held here; null when the stored row says otherwise (then nothing was stored). */
  private async nextMove(token: string, game: LiveGame, msg: MoveMessage): Promise<MoveAck | null> {
    const moveCount = game.session.moves.length;
    this.live.delete(token);
    let v: ReturnType<typeof applyMove>;
    try {
      v = applyMove(game.compiled, game.session, msg.move);
    } catch {
      // A refused move changed nothing; the stored row decides which refusal it is (the room may have ended).
      this.keepLive(token, game);
      return null;
    }
    const stored = await this.storeMove(token, game.repId, game.code, moveCount, v);
    if (!stored) return null;
    if (!v.over) this.keepLive(token, game);
    this.onChange(game.code);
    return { seq: msg.seq, turn: v.record.moves.length, over: v.over, duplicate: false };
  }

  private async moveFromStored(code: string, token: string, msg: MoveMessage): Promise<MoveAck> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { room, rep } = await this.repByToken(code, token);
      if (msg.seq <= rep.move_count) {
        const stored = rep.record.moves[msg.seq - 1];
        if (JSON.stringify(stored) === JSON.stringify(msg.move)) return { seq: msg.seq, turn: rep.move_count, over: rep.over, duplicate: true };
        throw new RoomError(409, `move ${msg.seq} was already played (as ${JSON.stringify(stored)}); the next move is ${rep.move_count + 1}`);
      }
      if (msg.seq > rep.move_count + 1) throw new RoomError(409, `move ${msg.seq} is out of order: the next move is ${rep.move_count + 1}`);
      if (room.ended) throw new RoomError(410, `room ${code} has ended; no more moves are taken`);
      if (rep.over) throw new RoomError(409, 'this negotiation is already over');
      const compiled = this.compiledFor(room);
      const held = this.live.get(token);
      this.live.delete(token);
      const session =
        held && held.code === code && held.session.moves.length === rep.move_count && held.compiled === compiled
          ? held.session
          : replayStored(compiled, rep.record).session;
      const game: LiveGame = { repId: rep.id, code, compiled, session };
      let v: ReturnType<typeof applyMove>;
      try {
        v = applyMove(compiled, session, msg.move);
      } catch (e) {
        // A refused move changed nothing: the session is still the stored game.
        this.keepLive(token, game);
        throw e;
      }
      if (await this.storeMove(token, rep.id, code, rep.move_count, v)) {
        if (!v.over) this.keepLive(token, game);
        this.onChange(code);
        return { seq: msg.seq, turn: v.record.moves.length, over: v.over, duplicate: false };
      }
    }
    throw new RoomError(409, 'this game was changed at the same time from somewhere else; reload to continue');
  }

  private async storeMove(token: string, repId: string, code: string, fromMoveCount: number, v: ReturnType<typeof applyMove>): Promise<boolean> {
    const stored = await this.writer.store({ repId, code, fromMoveCount, record: v.record, over: v.over, summary: v.summary });
    if (stored) this.rosters?.changed(code, { kind: 'moved', id: repId, moveCount: v.record.moves.length, over: v.over, summary: v.summary });
    if (stored && v.over && this.finished) setBounded(this.finished, token, { repId, code, record: v.record, summary: v.summary! }, 5000);
    return stored;
  }

  /** The rep's browser reports how its game ended: accepted only if it is what the server's replay says. */
  async claimResult(code: string, token: string, claim: ResultClaim): Promise<VerifiedSummary> {
    const held = this.finished?.get(token);
    const { room, rep } =
      held && held.code === code
        ? { room: await this.room(code), rep: { id: held.repId, over: true, summary: held.summary, record: held.record } }
        : await this.repByToken(code, token);
    const compiled = this.compiledFor(room);
    // The stored summary is what this server's replay said when the last move was stored (and the
    // scenario is unchanged since: compiledFor checked its fingerprint). A claim that differs from it
    // is checked against a fresh replay before it is refused, so only the engine's word flags a rep.
    let summary = rep.over ? rep.summary : null;
    let mismatch = claimMismatch(summary, claim);
    if (mismatch && rep.over) {
      summary = replayStored(compiled, rep.record).summary;
      mismatch = claimMismatch(summary, claim);
    }
    if (mismatch) {
      await this.db.query('INSERT INTO flags (room_code, rep_id, message) VALUES ($1, $2, $3)', [code, rep.id, `result rejected: ${mismatch}`]);
      this.onChange(code);
      throw new RoomError(422, `result rejected: it does not match the replay of your moves (${mismatch}); the facilitator has been told`);
    }
    return summary!;
  }

  // ---- Helpers ----

  private keepLive(token: string, game: LiveGame): void {
    // A room of 500 reps fits.
    setBounded(this.live, token, game, 5000);
  }

  private async room(code: string, q: Queryable = this.db): Promise<RoomRow> {
    const held = this.roomRows?.get(code);
    if (held) return held;
    return this.keepRoom(code, await q.query<RoomRow>('SELECT * FROM rooms WHERE code = $1', [code]));
  }

  /** Holds the room row a query returned (when rows are held at all) and gives it back. */
  private keepRoom(code: string, rows: RoomRow[]): RoomRow {
    const room = rows[0];
    if (!room) throw new RoomError(404, `no room with code ${code}`);
    if (this.roomRows) setBounded(this.roomRows, room.code, room, 1000);
    return room;
  }

  private async facilitatorRoom(code: string, secret: string): Promise<RoomRow> {
    const room = await this.room(code);
    if (!sameSecret(secret, room.secret)) throw new RoomError(403, `that is not the secret of room ${code}: use the facilitator link`);
    return room;
  }

  /** A rep and their room in one query (every move asks for both). */
  private async repByToken(code: string, token: string): Promise<{ room: RoomRow; rep: RepRow }> {
    const [row] = await this.db.query<RepRow & { room: RoomRow }>(
      'SELECT r.*, row_to_json(m.*) AS room FROM reps r JOIN rooms m ON m.code = r.room_code WHERE r.token = $1 AND r.room_code = $2',
      [token, code],
    );
    if (!row) {
      await this.room(code);
      throw new RoomError(401, `you have not joined room ${code} (or your seat token is wrong): join again`);
    }
    const { room, ...rep } = row;
    return { room, rep };
  }

  private compiledFor(room: RoomRow): CompiledScenario {
    const compiled = this.catalog.get(room.scenario_id);
    if (!compiled) throw new RoomError(410, `room ${room.code} plays scenario "${room.scenario_id}", which this server no longer has`);
    if (compiled.fingerprint !== room.fingerprint) throw new RoomError(410, `the scenario of room ${room.code} has changed since the room was created`);
    return compiled;
  }

  private seatOf(room: RoomRow, rep: RepRow): Seat {
    return {
      code: room.code,
      repId: rep.id,
      token: rep.token,
      name: rep.name,
      scenarioId: room.scenario_id,
      fingerprint: room.fingerprint,
      personaId: rep.persona_id,
      seed: rep.seed,
      mode: room.mode,
    };
  }

  /** A rep's path (the transcript, by replay); finished games are cached since their record is final. */
  private async path(room: RoomRow, compiled: CompiledScenario, repId: string, name: string): Promise<RepPath | null> {
    const [rep] = await this.db.query<RepRow>('SELECT * FROM reps WHERE id = $1 AND room_code = $2', [repId, room.code]);
    if (!rep) return null;
    const key = `${repId}:${rep.move_count}`;
    let path = this.paths.get(key);
    if (!path) {
      const v = replayStored(compiled, rep.record);
      const transcript = v.session.context.log.transcript;
      path = {
        repId,
        name,
        personaId: rep.persona_id,
        summary: v.summary,
        steps: transcript.map((t) => ({ turn: t.turn, speaker: t.speaker, line: t.line, choice: t.choice.text })),
      };
      if (rep.over) {
        if (this.paths.size > 2000) this.paths.clear();
        this.paths.set(key, path);
      }
    }
    return { ...path, name };
  }
}

export function roomUrls(baseUrl: string, code: string, secret: string): { joinUrl: string; facilitatorUrl: string } {
  const base = baseUrl.replace(/\/+$/, '');
  return { joinUrl: `${base}/?room=${code}`, facilitatorUrl: `${base}/workshop.html?room=${code}#secret=${secret}` };
}
