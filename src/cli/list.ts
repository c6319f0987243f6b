import { displayPath, shippedScenarios } from './scenario-files.ts';
import type { Io } from './io.ts';

/** `walkaway list [--json]`: the shipped scenarios and their personas. */
export function listCommand(json: boolean, io: Io): number {
  const rows = shippedScenarios().map(({ file, scenario }) => ({
    id: scenario.id,
    title: scenario.title,
    file: displayPath(file),
    personas: scenario.personas.map((p) => ({ id: p.id, name: p.name, difficulty: p.difficulty })),
  }));
  if (json) {
    io.out(JSON.stringify(rows));
    return 0;
  }
  for (const r of rows) {
    io.out(`${r.id}  ${r.title}  (${r.file})`);
    for (const p of r.personas) io.out(`  ${p.id.padEnd(24)} ${'*'.repeat(p.difficulty).padEnd(5)} ${p.name}`);
  }
  return 0;
}
