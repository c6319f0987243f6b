import { ATTEMPT_MODES, ScenarioError, formatProblem, type AttemptMode } from '../engine/index.ts';
import { parseArgs, flagString } from './args.ts';
import { checkCommand } from './check.ts';
import { listCommand } from './list.ts';
import { pathCommand } from './path.ts';
import { playCommand } from './play.ts';
import { schemaCommand } from './schema.ts';
import { processIo, type Io } from './io.ts';
import { UsageError } from './scenario-files.ts';

const USAGE = `walkaway: negotiation role-play trainer

  walkaway list [--json]                      scenarios and their personas
  walkaway check [paths...] [--strict] [--deep]   validate scenario files (default: scenarios/); warnings fail only with --strict
  walkaway play <scenario|file> [--persona ID] [--seed N] [--mode coach|practice|assessment] [--jsonl] [--choices a,b,c]
  walkaway replay <attempt.json|-> [--scenario FILE] [--json]   replay an attempt record to its result
  walkaway analyze <scenario|file> [--persona ID] [--seed N] [--json]   every path: best and worst deal, walking vs signing, per persona
  walkaway audit [scenario|file...] [--seeds N] [--json] [--explore]   teaching audit: strategy archetypes against every persona (--explore: and what every path lets a rep sign)
  walkaway path [file|id] [--json]            the steps of a learning path (default: onboarding)
  walkaway schema                             JSON Schema of the scenario format
  walkaway bench [--quick]                    engine benchmarks
  walkaway room create --scenario ID [--persona ID] [--mode M] [--server URL] [--json]
  walkaway room join CODE --name NAME [--server URL] --jsonl
  walkaway room results CODE --secret S [--server URL] [--json]`;

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  const args = parseArgs(rest, ['persona', 'seed', 'choices', 'mode', 'scenario', 'seeds', 'server', 'name', 'secret']);
  try {
    switch (command) {
      case 'list':
        return listCommand(args.flags.has('json'), io);
      case 'check':
        return await checkCommand(args.positionals, io, { strict: args.flags.has('strict'), deep: args.flags.has('deep') });
      case 'path':
        return pathCommand(args.positionals[0], args.flags.has('json'), io);
      case 'schema':
        return schemaCommand(io);
      case 'play': {
        const scenario = args.positionals[0];
        if (!scenario) throw new UsageError('play needs a scenario id or file, e.g. walkaway play enterprise-deal');
        const choices = flagString(args, 'choices');
        return await playCommand(
          {
            scenario,
            persona: flagString(args, 'persona'),
            seed: parseSeed(flagString(args, 'seed')),
            mode: parseMode(args.flags.get('mode')),
            jsonl: args.flags.has('jsonl'),
            choices:
              choices === undefined
                ? undefined
                : choices
                    .split(',')
                    .map((c) => c.trim())
                    .filter(Boolean),
          },
          io,
        );
      }
      case 'replay': {
        const source = args.positionals[0];
        if (!source) throw new UsageError('replay needs an attempt record file, or - to read it from stdin');
        if (args.flags.get('scenario') === true) throw new UsageError('--scenario needs the scenario file the game was played on');
        const { replayCommand } = await import('./replay.ts');
        return await replayCommand({ source, scenarioFile: flagString(args, 'scenario'), json: args.flags.has('json') }, io);
      }
      case 'analyze': {
        const scenario = args.positionals[0];
        if (!scenario) throw new UsageError('analyze needs a scenario id or file');
        const { analyzeCommand } = await import('./analyze.ts');
        return await analyzeCommand(
          { scenario, persona: flagString(args, 'persona'), seed: parseSeed(flagString(args, 'seed')), json: args.flags.has('json') },
          io,
        );
      }
      case 'audit': {
        const { auditCommand } = await import('./audit.ts');
        const seeds = flagString(args, 'seeds');
        if (seeds !== undefined && !/^\d+$/.test(seeds)) throw new UsageError(`--seeds takes a whole number, not "${seeds}"`);
        const auditOptions = { scenarios: args.positionals, seeds: seeds === undefined ? undefined : Number(seeds), json: args.flags.has('json') };
        if (args.flags.has('explore')) return await (await import('./audit-explore.ts')).auditWithExplorationCommand(auditOptions, io);
        return auditCommand(auditOptions, io);
      }
      case 'room': {
        const { roomCommand, roomOptions } = await import('./room.ts');
        return await roomCommand(roomOptions(args), io);
      }
      case 'bench': {
        const { benchCommand } = await import('./bench.ts');
        return benchCommand(io, args.flags.has('quick'));
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof ScenarioError) {
      for (const p of e.problems) io.err(formatProblem(p));
      return 1;
    }
    if (e instanceof UsageError) {
      io.err(`walkaway: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

/** Seeds are what an attempt record can hold: whole numbers from 0 to 2^32 - 1. */
function parseSeed(s: string | undefined): number {
  if (s === undefined) return 1;
  if (!/^\d{1,10}$/.test(s) || Number(s) > 2 ** 32 - 1) throw new UsageError(`--seed takes a whole number from 0 to ${2 ** 32 - 1}, not "${s}"`);
  return Number(s);
}

function parseMode(m: string | true | undefined): AttemptMode {
  if (m === undefined) return 'practice';
  const mode = ATTEMPT_MODES.find((x) => x === m);
  if (!mode) throw new UsageError(`--mode takes ${ATTEMPT_MODES.join(', ')}${typeof m === 'string' ? `, not "${m}"` : ''}`);
  return mode;
}
