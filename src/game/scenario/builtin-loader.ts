import { builtInScenarioFiles, loadBuiltInFile, type ScenarioEntry } from './catalog.ts';
import { sortForMenu } from './scenario-card.ts';

export interface BuiltInLoad {
  entries: ScenarioEntry[];
  /** Problem lines of built-in files that did not load. */
  problems: string[];
}

/**
 * Compiles the built-in scenarios (validated at build time): the first slice at once, then (on a slow
 * device or with a large library) further slices between frames so the preload bar can show progress. Reports
 * progress (0..1) after each file. Yielding often was measured slower: each frame waits for a render.
 */
export function loadBuiltInsInSlices(onProgress: (progress: number) => void, sliceMs = 250): Promise<BuiltInLoad> {
  const files = builtInScenarioFiles();
  const entries: ScenarioEntry[] = [];
  const problems: string[] = [];
  let next = 0;
  return new Promise((resolve) => {
    const slice = () => {
      const started = performance.now();
      while (next < files.length && performance.now() - started < sliceMs) {
        const [, pre] = files[next]!;
        const loaded = loadBuiltInFile(pre);
        if (Array.isArray(loaded)) problems.push(...loaded);
        else entries.push(loaded);
        next++;
        onProgress(next / files.length);
      }
      if (next < files.length) setTimeout(slice, 0);
      else resolve({ entries: sortForMenu(entries), problems });
    };
    slice();
  });
}
