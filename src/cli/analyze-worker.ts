import { parentPort } from 'node:worker_threads';
import { compileScenario, type CompiledScenario } from '../engine/index.ts';
import { ExplorationLimitError, explorePersona } from '../engine/analysis/explore.ts';
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
  let result: ReturnType<typeof explorePersona>;
  try {
    result = explorePersona(c, task.personaId, task.seed, (states) => parentPort!.postMessage({ type: 'progress', id: task.id, states }), task.under);
  } catch (e) {
    // An exploration that cannot finish is reported by the main thread in plain words.
    if (!(e instanceof ExplorationLimitError)) throw e;
    parentPort!.postMessage({ type: 'failed', id: task.id, message: e.message });
    return;
  }
  parentPort!.postMessage({
    type: 'done',
    id: task.id,
    result: { ...result, reachedBeats: [...result.reachedBeats], reachedChoices: [...result.reachedChoices] },
  });
});
