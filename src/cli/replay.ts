import { readFileSync, statSync } from 'node:fs';
import { AttemptError, compileScenario, parseAttempt, replayAttempt, ScenarioError, type Scenario } from '../engine/index.ts';
import { formatTurn } from './debrief-text.ts';
import { finalText, resultLine, turnMessage } from './play.ts';
import { resolveScenario, shippedScenarios, UsageError } from './scenario-files.ts';
import type { Io } from './io.ts';

export interface ReplayOptions {
  /** A file holding the record, or `-` for stdin. */
  source: string;
  /** The scenario file the game was played on, when it is not a shipped scenario. */
  scenarioFile?: string;
  json: boolean;
}

/** No record is anywhere near this big (a 20-move record is under 600 bytes); more is not a record. */
const MAX_RECORD_BYTES = 1024 * 1024;

/** Why a record cannot be replayed: printed as one plain line, exit code 1. */
class NotReplayable extends Error {}

/**
 * `walkaway replay <attempt.json | -> [--scenario FILE] [--json]`: rebuilds a game from its attempt
 * record and prints the same result the game printed (the terminal debrief, or with `--json` the
 * result line of `play --jsonl`). The file may hold the record itself or a `play --jsonl` result line.
 */
export async function replayCommand(o: ReplayOptions, io: Io): Promise<number> {
  try {
    const record = parseAttempt(recordIn(await readSource(o.source)));
    const scenario = o.scenarioFile ? scenarioFromFile(o.scenarioFile) : shippedScenario(record.scenarioId);
    const session = replayAttempt(compileScenario(scenario), record);
    if (session.isOver()) {
      if (o.json) io.out(JSON.stringify(resultLine(session)));
      else for (const l of finalText(session)) io.out(l);
      return 0;
    }
    // A game still in progress replays to the turn it stopped at.
    if (o.json) io.out(JSON.stringify(turnMessage(session.snapshot())));
    else for (const l of formatTurn(session.snapshot())) io.out(l);
    io.err(`this game is still in progress after ${record.moves.length} move(s)`);
    return 0;
  } catch (e) {
    if (e instanceof AttemptError || e instanceof NotReplayable) {
      io.err(`walkaway: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

async function readSource(source: string): Promise<string> {
  const name = source === '-' ? 'stdin' : source;
  let bytes: Buffer;
  try {
    // A file's size is known before reading it: a huge one is refused without loading it.
    if (source !== '-' && statSync(source).size > MAX_RECORD_BYTES)
      throw new NotReplayable(`${name} is over ${MAX_RECORD_BYTES / 1024} KB: not an attempt record`);
    bytes = source === '-' ? await readStdin() : readFileSync(source);
  } catch (e) {
    if (e instanceof NotReplayable) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new NotReplayable(code === 'ENOENT' ? `no such file: ${name}` : `cannot read ${name} (${code ?? (e as Error).message})`);
  }
  if (bytes.length > MAX_RECORD_BYTES) throw new NotReplayable(`${name} is over ${MAX_RECORD_BYTES / 1024} KB: not an attempt record`);
  return bytes.toString('utf8');
}

async function readStdin(): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_RECORD_BYTES) {
      process.stdin.destroy();
      throw new NotReplayable(`stdin is over ${MAX_RECORD_BYTES / 1024} KB: not an attempt record`);
    }
    parts.push(b);
  }
  return Buffer.concat(parts);
}

/** The record in the text: the record itself, or the `attempt` of a `play --jsonl` result line. */
function recordIn(text: string): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new NotReplayable('that is not an attempt record: the text is not valid JSON');
  }
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && Object.hasOwn(raw, 'type') && (raw as { type: unknown }).type === 'result') {
    if (!Object.hasOwn(raw, 'attempt')) throw new NotReplayable('that result line carries no attempt record');
    return (raw as { attempt: unknown }).attempt;
  }
  return raw;
}

/** `--scenario`: a scenario file, or a shipped scenario's id, as `play` takes it. */
function scenarioFromFile(ref: string): Scenario {
  try {
    return resolveScenario(ref).scenario;
  } catch (e) {
    if (e instanceof UsageError) throw new NotReplayable(e.message);
    if (e instanceof ScenarioError) {
      const first = e.problems[0]!;
      const more = e.problems.length > 1 ? ` (and ${e.problems.length - 1} more; run walkaway check)` : '';
      throw new NotReplayable(`the scenario file ${first.file} is not valid: line ${first.line}, ${first.path || 'file'}: ${first.message}${more}`);
    }
    throw e;
  }
}

function shippedScenario(id: string): Scenario {
  const found = shippedScenarios().find((s) => s.scenario.id === id);
  if (!found) throw new NotReplayable(`no shipped scenario "${id}"; give the file it was played on with --scenario FILE`);
  return found.scenario;
}
