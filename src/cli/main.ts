import { ScenarioError, formatProblem } from '../engine/index.ts';
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
  walkaway check [paths...]                   validate scenario files (default: scenarios/)
  walkaway play <scenario|file> [--persona ID] [--seed N] [--jsonl] [--choices a,b,c]
  walkaway analyze <scenario|file> [--persona ID] [--seed N] [--json]
  walkaway path [file|id] [--json]            the steps of a learning path (default: onboarding)
  walkaway schema                             JSON Schema of the scenario format
  walkaway bench [--quick]                    engine benchmarks`;

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  const args = parseArgs(rest, ['persona', 'seed', 'choices']);
  try {
    switch (command) {
      case 'list':
        return listCommand(args.flags.has('json'), io);
      case 'check':
        return checkCommand(args.positionals, io);
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
            jsonl: args.flags.has('jsonl'),
            choices: choices === undefined ? undefined : choices.split(',').map((c) => c.trim()).filter(Boolean),
          },
          io,
        );
      }
      case 'analyze': {
        const scenario = args.positionals[0];
        if (!scenario) throw new UsageError('analyze needs a scenario id or file');
        const { analyzeCommand } = await import('./analyze.ts');
        return await analyzeCommand({ scenario, persona: flagString(args, 'persona'), seed: parseSeed(flagString(args, 'seed')), json: args.flags.has('json') }, io);
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

function parseSeed(s: string | undefined): number {
  if (s === undefined) return 1;
  if (!/^-?\d+$/.test(s)) throw new UsageError(`--seed takes a whole number, not "${s}"`);
  return Number(s);
}
