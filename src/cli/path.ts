import { MODE_RULES, passMarkFor } from '../engine/training/index.ts';
import { readPath, resolvePath } from './path-files.ts';
import { shippedScenarios } from './scenario-files.ts';
import type { Io } from './io.ts';

/** `walkaway path [file]`: the steps of a learning path in order (default: the onboarding path). */
export function pathCommand(ref: string | undefined, json: boolean, io: Io): number {
  const path = readPath(resolvePath(ref));
  const scenarios = new Map(shippedScenarios().map(({ scenario }) => [scenario.id, scenario]));
  const rows = path.steps.map((step, i) => {
    const scenario = scenarios.get(step.scenario)!;
    const persona = scenario.personas.find((p) => p.id === step.persona)!;
    return {
      step: i + 1,
      id: step.id,
      scenario: step.scenario,
      persona: step.persona,
      personaName: persona.name,
      difficulty: persona.difficulty,
      mode: step.mode,
      passMark: passMarkFor(step, scenario),
      concept: step.concept,
    };
  });
  if (json) {
    io.out(JSON.stringify({ id: path.id, title: path.title, steps: rows }));
    return 0;
  }
  io.out(`${path.title} (${path.id}), ${rows.length} steps`);
  if (path.summary) io.out(path.summary);
  for (const r of rows) {
    io.out('');
    io.out(`${String(r.step).padStart(2)}. ${r.concept.title}`);
    io.out(
      `    ${r.scenario} / ${r.persona} (${r.personaName}, difficulty ${r.difficulty}), ${MODE_RULES[r.mode].label.toLowerCase()} mode, pass mark ${r.passMark}`,
    );
    io.out(`    ${r.concept.text}`);
  }
  return 0;
}
