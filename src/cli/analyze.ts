import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { compileScenario } from '../engine/index.ts';
import { combineAnalyses, type PersonaAnalysis } from '../engine/analysis/explore.ts';
import { resolveScenario, UsageError } from './scenario-files.ts';
import type { Io } from './io.ts';

type WorkerMessage =
  | { type: 'progress'; personaId: string; states: number }
  | { type: 'done'; result: Omit<PersonaAnalysis, 'reachedBeats' | 'reachedChoices'> & { reachedBeats: string[]; reachedChoices: string[] } };

/** Runs each persona's exploration in a worker thread, as many at once as there are cores. */
async function explorePersonasInParallel(
  file: string,
  personaIds: string[],
  seed: number,
  onProgress: (personaId: string, states: number) => void,
): Promise<PersonaAnalysis[]> {
  const results = new Map<string, PersonaAnalysis>();
  const queue = [...personaIds];
  const runOne = (personaId: string) =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./analyze-worker-boot.mjs', import.meta.url), { workerData: { file, personaId, seed } });
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') onProgress(m.personaId, m.states);
        else results.set(personaId, { ...m.result, reachedBeats: new Set(m.result.reachedBeats), reachedChoices: new Set(m.result.reachedChoices) });
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`analysis of ${personaId} stopped (exit ${code})`))));
    });
  const lanes = Array.from({ length: Math.min(availableParallelism(), personaIds.length) }, async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) await runOne(id);
  });
  await Promise.all(lanes);
  return personaIds.map((id) => results.get(id)!);
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
  const progress = new Map<string, number>();
  const personas = await explorePersonasInParallel(file, o.persona ? [o.persona] : [...c.personas.keys()], o.seed, (personaId, states) => {
    progress.set(personaId, states);
    const now = performance.now();
    if (now - started > 1000 && now - lastReport > 1000) {
      lastReport = now;
      io.err(`  exploring… ${[...progress].map(([id, n]) => `${id} ${n.toLocaleString('en')} states`).join(', ')}`);
    }
  });
  const analysis = combineAnalyses(c, personas);
  const seconds = (performance.now() - started) / 1000;
  const problems = analysis.personas.reduce((a, p) => a + p.deadEnds.length, 0) + (o.persona ? 0 : analysis.unreachableBeats.length + analysis.unreachableChoices.length);

  if (o.json) {
    io.out(
      JSON.stringify({
        scenarioId: analysis.scenarioId,
        seconds: Math.round(seconds * 1000) / 1000,
        unreachableBeats: analysis.unreachableBeats,
        unreachableChoices: analysis.unreachableChoices,
        personas: analysis.personas.map(({ reachedBeats: _b, reachedChoices: _c, ...p }) => p),
      }),
    );
    return problems === 0 ? 0 : 1;
  }
  io.out(`${scenario.title} (${scenario.id}), seed ${o.seed}: explored in ${seconds.toFixed(2)} s`);
  for (const p of analysis.personas) {
    io.out('');
    io.out(`persona ${p.personaId}: ${p.paths.toLocaleString('en')} paths, ${p.states.toLocaleString('en')} states`);
    io.out(`  decisions per playthrough ${p.decisions.min}-${p.decisions.max}; choices per decision ${p.choicesPerDecision.min}-${p.choicesPerDecision.max}`);
    io.out(`  scores min ${p.scores.min} / median ${p.scores.median} / max ${p.scores.max}`);
    io.out(`  outcomes: deal ${p.outcomes.deal}, walked away ${p.outcomes['walked-away']}, counterpart walked ${p.outcomes['counterpart-walked']}`);
    io.out(`  best  (${p.best.score}): ${p.best.choices.join(',')}`);
    io.out(`  worst (${p.worst.score}): ${p.worst.choices.join(',')}`);
    io.out(`  anti-patterns reachable: ${p.antiPatternsReachable.join(', ') || 'none'}`);
    for (const d of p.deadEnds) io.out(`  DEAD END at beat "${d.beat}" (first at turn ${d.turn}, ${d.states} state(s)): no choice is available`);
  }
  if (!o.persona) {
    io.out('');
    io.out(analysis.unreachableBeats.length ? `unreachable beats: ${analysis.unreachableBeats.join(', ')}` : 'every beat is reachable');
    io.out(analysis.unreachableChoices.length ? `unreachable choices: ${analysis.unreachableChoices.join(', ')}` : 'every choice is reachable');
  }
  return problems === 0 ? 0 : 1;
}
