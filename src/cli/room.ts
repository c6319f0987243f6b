import { createInterface } from 'node:readline';
import { ATTEMPT_MODES, compileScenario, encodePackage, Session, UnknownChoiceError, type Move } from '../engine/index.ts';
import { RoomClient, RoomRequestError } from '../server/client.ts';
import { resultLine, turnMessage } from './play.ts';
import { shippedScenarios, UsageError } from './scenario-files.ts';
import type { Io } from './io.ts';
import { flagString, type ParsedArgs } from './args.ts';

/** Where `walkaway room` finds the workshop server unless --server says otherwise. */
export const DEFAULT_SERVER = process.env['WALKAWAY_SERVER'] ?? 'http://127.0.0.1:8080';

export interface RoomOptions {
  sub: string | undefined;
  code: string | undefined;
  server: string;
  scenario?: string | undefined;
  persona?: string | undefined;
  mode?: string | undefined;
  name?: string | undefined;
  secret?: string | undefined;
  json: boolean;
  jsonl: boolean;
  choices?: string[] | undefined;
}

/**
 * `walkaway room create|join|results`: a workshop room from the command line. `join --jsonl` plays one
 * rep over the network with exactly the protocol of `play --jsonl`: the engine runs here, every move
 * goes to the server as it is made, and the server checks it by replay. Any refusal is one line, exit 1.
 */
export async function roomCommand(o: RoomOptions, io: Io, lines: NextLine = stdinLines()): Promise<number> {
  const client = new RoomClient(o.server);
  try {
    switch (o.sub) {
      case 'create':
        return await create(client, o, io);
      case 'join':
        return await join(client, o, io, o.choices ? listLines(o.choices) : lines);
      case 'results':
        return await results(client, o, io);
      default:
        throw new UsageError('room needs create, join or results, e.g. walkaway room create --scenario enterprise-deal --json');
    }
  } catch (e) {
    if (e instanceof RoomRequestError) {
      io.err(`walkaway: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    lines.close?.();
  }
}

type NextLine = (() => Promise<string | null>) & { close?: () => void };

async function create(client: RoomClient, o: RoomOptions, io: Io): Promise<number> {
  if (!o.scenario) throw new UsageError('room create needs --scenario ID (see walkaway list)');
  const mode = o.mode ?? 'practice';
  if (!(ATTEMPT_MODES as readonly string[]).includes(mode)) throw new UsageError(`--mode is one of ${ATTEMPT_MODES.join(', ')}, not "${mode}"`);
  const persona = o.persona === undefined || o.persona === 'random' ? null : o.persona;
  const room = await client.create({ scenarioId: o.scenario, personaId: persona, mode: mode as (typeof ATTEMPT_MODES)[number] });
  if (o.json) io.out(JSON.stringify({ code: room.code, joinUrl: room.joinUrl, facilitatorUrl: room.facilitatorUrl, secret: room.secret }));
  else {
    io.out(`Room ${room.code} is open.`);
    io.out(`  Reps join at:      ${room.joinUrl}`);
    io.out(`  Facilitator view:  ${room.facilitatorUrl}`);
  }
  return 0;
}

async function join(client: RoomClient, o: RoomOptions, io: Io, next: NextLine): Promise<number> {
  const code = requireCode(o);
  if (!o.name) throw new UsageError('room join needs --name NAME');
  if (!o.jsonl) throw new UsageError('room join speaks the line protocol of play --jsonl: add --jsonl');
  const seat = await client.join(code, o.name);
  const found = shippedScenarios().find((s) => s.scenario.id === seat.scenarioId);
  if (!found) return fail(io, `room ${seat.code} plays scenario "${seat.scenarioId}", which this copy of walkaway does not have`);
  const compiled = compileScenario(found.scenario);
  if (compiled.fingerprint !== seat.fingerprint)
    return fail(io, `this copy of walkaway has a different version of "${seat.scenarioId}" than the server; update it`);
  const session = Session.create(compiled, seat.personaId, seat.seed, seat.mode);
  while (!session.isOver()) {
    const snap = session.snapshot();
    io.out(JSON.stringify(turnMessage(snap)));
    const input = await next();
    if (input === null) {
      io.out(JSON.stringify({ type: 'error', message: 'input ended before the negotiation did' }));
      return 1;
    }
    const answer = input.trim();
    let move: Move;
    try {
      if (answer.startsWith('{')) {
        const terms = parseProposal(answer);
        move = encodePackage(compiled, terms);
        session.propose(terms);
      } else {
        const byNumber = /^\d+$/.test(answer) ? snap.choices[Number(answer) - 1]?.id : undefined;
        move = byNumber ?? answer;
        session.choose(move);
      }
    } catch (e) {
      if (!(e instanceof UnknownChoiceError) && !(e instanceof ProposalError) && !(e instanceof Error && /package has no valid option/.test(e.message)))
        throw e;
      io.out(JSON.stringify({ type: 'error', message: e.message }));
      continue;
    }
    await withRetry(() => client.move(seat.code, seat.token, { seq: session.moves.length, move }));
  }
  const result = session.result()!;
  await withRetry(() => client.result(seat.code, seat.token, { outcome: result.outcome, value: result.value, score: result.score.total }));
  io.out(JSON.stringify(resultLine(session)));
  return 0;
}

async function results(client: RoomClient, o: RoomOptions, io: Io): Promise<number> {
  const code = requireCode(o);
  if (!o.secret) throw new UsageError('room results needs --secret S (from room create)');
  const data = await client.exportJson<{
    room: unknown;
    reps: {
      position: number;
      name: string;
      finished: boolean;
      flagged: boolean;
      result: { outcome: string; value: number; score: number; grade: string } | null;
    }[];
  }>(code, o.secret);
  if (o.json) {
    io.out(JSON.stringify(data));
    return 0;
  }
  for (const r of data.reps) {
    const s = r.result;
    io.out(
      `${String(r.position).padStart(3)}  ${r.name.padEnd(24)} ${s ? `${s.outcome.padEnd(19)} ${String(s.value).padStart(10)}  ${s.score} (${s.grade})` : 'still playing'}${r.flagged ? '  FLAGGED' : ''}`,
    );
  }
  return 0;
}

class ProposalError extends Error {}

/** `{"propose":{"issue":"option",...}}`, as `play --jsonl` takes it. */
function parseProposal(line: string): Record<string, string> {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    throw new ProposalError('a line starting with { must be JSON: {"propose":{"issue":"option",...}}');
  }
  const terms = (data as { propose?: unknown })?.propose;
  if (!terms || typeof terms !== 'object' || Object.values(terms).some((v) => typeof v !== 'string')) {
    throw new ProposalError('a package is {"propose":{"issue":"option",...}} with one option id per issue');
  }
  return terms as Record<string, string>;
}

/** A lost network answer is retried (the sequence number makes a resent move harmless); a refusal is not. */
async function withRetry<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      if (!(e instanceof RoomRequestError) || e.status !== 0 || attempt >= 3) throw e;
      await new Promise((r) => setTimeout(r, 300 * 2 ** attempt));
    }
  }
}

function requireCode(o: RoomOptions): string {
  if (!o.code) throw new UsageError(`room ${o.sub} needs the room code, e.g. walkaway room ${o.sub} K7QM2X`);
  return o.code;
}

function fail(io: Io, message: string): number {
  io.err(`walkaway: ${message}`);
  return 1;
}

/** Lines of stdin; `close()` lets the process exit after the result line even if stdin stays open. */
function stdinLines(): NextLine {
  let rl: ReturnType<typeof createInterface> | null = null;
  let it: AsyncIterator<string> | null = null;
  const next = async () => {
    rl ??= createInterface({ input: process.stdin, terminal: false });
    it ??= rl[Symbol.asyncIterator]();
    const r = await it.next();
    return r.done ? null : r.value;
  };
  return Object.assign(next, { close: () => rl?.close() });
}

function listLines(choices: string[]): NextLine {
  let i = 0;
  return async () => (i < choices.length ? choices[i++]! : null);
}

/** The command line's flags as room options. */
export function roomOptions(args: ParsedArgs): RoomOptions {
  const choices = flagString(args, 'choices');
  return {
    sub: args.positionals[0],
    code: args.positionals[1],
    server: flagString(args, 'server') ?? DEFAULT_SERVER,
    scenario: flagString(args, 'scenario'),
    persona: flagString(args, 'persona'),
    mode: flagString(args, 'mode'),
    name: flagString(args, 'name'),
    secret: flagString(args, 'secret'),
    json: args.flags.has('json'),
    jsonl: args.flags.has('jsonl'),
    choices: choices
      ?.split(',')
      .map((c) => c.trim())
      .filter(Boolean),
  };
}
