import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { compileScenario, type CompiledScenario } from '../engine/index.ts';
import { combineAnalyses, ExplorationLimitError, explorePersona, firstChoices, joinSubtrees, type PersonaAnalysis } from '../engine/analysis/explore.ts';
import { sampleProposals } from '../engine/analysis/proposals.ts';
import type { ExploreTask } from './analyze-worker.ts';
import { trainerReports } from '../engine/analysis/trainer-report.ts';
import { formatTrainerReport, formatValueLegend } from './analyze-report.ts';
import { resolveScenario, UsageError } from './scenario-files.ts';
import type { Io } from './io.ts';

type WorkerMessage =
  | { type: 'progress'; id: number; states: number }
  | { type: 'failed'; id: number; message: string }
  | { type: 'done'; id: number; result: Omit<PersonaAnalysis, 'reachedBeats' | 'reachedChoices'> & { reachedBeats: string[]; reachedChoices: string[] } };

/**
 * Explores the personas on every core. Each persona is split at its first decision into subtrees (paths
 * that begin differently rarely meet again), the subtrees are queued, one worker per core takes them in
 * turn, and the results are joined back per persona, exactly as one run would report them.
 */
export async function explorePersonasInParallel(
  c: CompiledScenario,
  file: string,
  personaIds: string[],
  seed: number,
  onProgress: (statesVisited: number) => void,
): Promise<PersonaAnalysis[]> {
  const tasks: ExploreTask[] = personaIds
    .flatMap((personaId) => firstChoices(c, personaId, seed).map((first) => ({ personaId, first })))
    .map(({ personaId, first }, id) => ({ id, file, personaId, seed, under: [first] }));
  const results = new Map<number, PersonaAnalysis>();
  const progress = new Map<number, number>();
  const queue = [...tasks];
  const record = (id: number, r: PersonaAnalysis) => results.set(id, r);
  // This thread explores too (it has the engine loaded and warm); a worker per further core helps it.
  // A worker costs about a second to start, so small jobs stay on this thread alone.
  const helpers = tasks.length > 1 && c.scenario.beats.length > 4 ? Math.max(0, Math.min(availableParallelism() - 1, tasks.length - 1)) : 0;
  const workers = Array.from({ length: helpers }, () => new Worker(new URL('./analyze-worker-boot.mjs', import.meta.url)));
  const here = async () => {
    for (let task = queue.shift(); task; task = queue.shift()) {
      const r = explorePersona(
        c,
        task.personaId,
        seed,
        (states: number) => {
          progress.set(task!.id, states);
          onProgress([...progress.values()].reduce((a, b) => a + b, 0));
        },
        task.under,
      );
      record(task.id, r);
      // Let the workers' messages in (and hand them their next task) between shares.
      await new Promise((r) => setImmediate(r));
    }
  };
  try {
    await Promise.all([
      here(),
      ...workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const task = queue.shift();
              if (task) worker.postMessage(task);
              else resolve();
            };
            worker.on('message', (m: WorkerMessage) => {
              if (m.type === 'progress') {
                progress.set(m.id, m.states);
                onProgress([...progress.values()].reduce((a, b) => a + b, 0));
                return;
              }
              if (m.type === 'failed') {
                queue.length = 0;
                reject(new ExplorationLimitError(m.message));
                return;
              }
              record(m.id, { ...m.result, reachedBeats: new Set(m.result.reachedBeats), reachedChoices: new Set(m.result.reachedChoices) });
              next();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => reject(new Error(`an analysis worker stopped (exit ${code})`)));
            worker.once('online', next);
          }),
      ),
    ]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return personaIds.map((personaId) =>
    joinSubtrees(
      c,
      personaId,
      seed,
      tasks.filter((t) => t.personaId === personaId).map((t) => results.get(t.id)!),
    ),
  );
}

export interface AnalyzeOptions {
  scenario: string;
  persona?: string;
  seed: number;
  json: boolean;
}

/** `walkaway analyze`: every path of a scenario, per persona; exit 1 if it finds dead ends or unreachable content. */
export async function analyzeCommand(o: AnalyzeOptions, io: Io): Promise<number> {
  const { file, scenario } = resolveScenario(o.scenario);
  const c = compileScenario(scenario);
  if (o.persona && !c.personas.has(o.persona)) throw new UsageError(`no persona "${o.persona}" in ${scenario.id}`);
  const started = performance.now();
  let lastReport = started;
  let personas: PersonaAnalysis[];
  try {
    personas = await explorePersonasInParallel(c, file, o.persona ? [o.persona] : [...c.personas.keys()], o.seed, (states) => {
      const now = performance.now();
      if (now - started > 1000 && now - lastReport > 1000) {
        lastReport = now;
        io.err(`  exploring… ${states.toLocaleString('en')} states so far`);
      }
    });
  } catch (e) {
    if (!(e instanceof ExplorationLimitError)) throw e;
    io.err(`walkaway: analyze stopped: ${e.message}`);
    return 1;
  }
  const analysis = combineAnalyses(c, personas);
  // Free proposals are sampled, not explored: the scripted choices above are covered exhaustively.
  const proposals = analysis.personas.map((p) => sampleProposals(c, p.personaId, 200, o.seed));
  const seconds = (performance.now() - started) / 1000;
  const problems =
    analysis.personas.reduce((a, p) => a + p.deadEnds.length, 0) +
    proposals.reduce((a, p) => a + p.deadEnds, 0) +
    (o.persona ? 0 : analysis.unreachableBeats.length + analysis.unreachableChoices.length);

  const reports = trainerReports(c, analysis.personas);

  if (o.json) {
    io.out(
      JSON.stringify({
        scenarioId: analysis.scenarioId,
        seconds: Math.round(seconds * 1000) / 1000,
        unit: scenario.unit,
        walkAway: scenario.walkAway,
        target: scenario.target,
        unreachableBeats: analysis.unreachableBeats,
        unreachableChoices: analysis.unreachableChoices,
        personas: analysis.personas.map(({ reachedBeats: _b, reachedChoices: _c, ...p }, i) => ({ ...p, report: reports[i] })),
        proposals,
      }),
    );
    return problems === 0 ? 0 : 1;
  }
  io.out(`${scenario.title} (${scenario.id}), seed ${o.seed}: every path explored in ${seconds.toFixed(2)} s`);
  io.out(formatValueLegend(c));
  analysis.personas.forEach((p, i) => {
    io.out('');
    for (const line of formatTrainerReport(c, reports[i]!)) io.out(line);
    io.out(`  highest score (${p.best.score}) by: ${p.best.choices.join(', ')}`);
    io.out(`  lowest score (${p.worst.score}) by: ${p.worst.choices.join(', ')}`);
    io.out(`  decisions per playthrough ${p.decisions.min}-${p.decisions.max}; ${p.states.toLocaleString('en')} distinct positions`);
    io.out(`  outcomes: deal ${p.outcomes.deal}, walked away ${p.outcomes['walked-away']}, counterpart walked ${p.outcomes['counterpart-walked']}`);
    io.out(`  anti-patterns reachable: ${p.antiPatternsReachable.join(', ') || 'none'}`);
    const sample = proposals.find((x) => x.personaId === p.personaId)!;
    io.out(
      `  free proposals (sampled): ${sample.proposals} in ${sample.games} games, ${sample.accepted} accepted; scores ${sample.scores.min}-${sample.scores.max}${sample.deadEnds ? `; ${sample.deadEnds} DEAD END(S)` : ''}`,
    );
  });
  if (!o.persona) {
    io.out('');
    io.out(analysis.unreachableBeats.length ? `unreachable beats: ${analysis.unreachableBeats.join(', ')}` : 'every beat is reachable');
    io.out(analysis.unreachableChoices.length ? `unreachable choices: ${analysis.unreachableChoices.join(', ')}` : 'every choice is reachable');
  }
  return problems === 0 ? 0 : 1;
}
