import { parentPort } from 'node:worker_threads';
import { compileScenario, type CompiledScenario } from '../engine/index.ts';
import { explorePersona } from '../engine/analysis/explore.ts';
import { readScenario } from './scenario-files.ts';

/** A share of an exploration: one persona's paths that begin with `under`. */
export interface ExploreTask {
  id: number;
  file: string;
  personaId: string;
  seed: number;
  under: string[];
}

/** Explores tasks handed over by `analyze` until it is told to stop: one of these runs per core. */
const compiled = new Map<string, CompiledScenario>();
parentPort!.on('message', (task: ExploreTask) => {
  let c = compiled.get(task.file);
  if (!c) {
    c = compileScenario(readScenario(task.file));
    compiled.set(task.file, c);
  }
  const result = explorePersona(c, task.personaId, task.seed, (states) => parentPort!.postMessage({ type: 'progress', id: task.id, states }), task.under);
  parentPort!.postMessage({ type: 'done', id: task.id, result: { ...result, reachedBeats: [...result.reachedBeats], reachedChoices: [...result.reachedChoices] } });
});
