import { parentPort, workerData } from 'node:worker_threads';
import { compileScenario } from '../engine/index.ts';
import { explorePersona } from '../engine/analysis/explore.ts';
import { readScenario } from './scenario-files.ts';

/** Explores one persona in its own thread, so `analyze` uses every core. */
const { file, personaId, seed } = workerData as { file: string; personaId: string; seed: number };
const c = compileScenario(readScenario(file));
const result = explorePersona(c, personaId, seed, (states) => parentPort!.postMessage({ type: 'progress', personaId, states }));
parentPort!.postMessage({
  type: 'done',
  result: { ...result, reachedBeats: [...result.reachedBeats], reachedChoices: [...result.reachedChoices] },
});
