import { LineCounter, parseDocument } from 'yaml';
import { locate, locateIssue } from '../scenario/load.ts';
import { ScenarioError, type ScenarioProblem } from '../scenario/problems.ts';
import { readYamlMapping } from '../scenario/yaml-read.ts';
import { LearningPathSchema, type LearningPath } from './path-schema.ts';

/**
 * Turns the text of a learning path file into a validated LearningPath, or throws a ScenarioError whose
 * problems name file, line, column and field, exactly as scenario files report theirs (the same hardened
 * reader: size, nesting and alias limits, syntax slips in plain words).
 */
export function loadPath(text: string, file: string): LearningPath {
  const { data, doc, at } = readYamlMapping(text, file, 'path');
  const parsed = LearningPathSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(parsed.error.issues.map((issue) => locateIssue(doc, at, file, issue)));
  const duplicates: ScenarioProblem[] = [];
  const seen = new Set<string>();
  parsed.data.steps.forEach((step, i) => {
    if (seen.has(step.id)) duplicates.push(locate(doc, at, file, ['steps', i, 'id'], `step id "${step.id}" is used twice`));
    seen.add(step.id);
  });
  if (duplicates.length) throw new ScenarioError(duplicates);
  return parsed.data;
}

/** What the path needs to know about a scenario to check its references. */
export interface ScenarioRef {
  id: string;
  personas: readonly string[];
}

/**
 * Checks that every step names a scenario and persona that exist. Returns located problems (empty when
 * all is well); kept apart from loading so a path can be read before its scenarios are.
 */
export function checkPathReferences(text: string, file: string, path: LearningPath, scenarios: readonly ScenarioRef[]): ScenarioProblem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number) => lineCounter.linePos(offset);
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const problems: ScenarioProblem[] = [];
  path.steps.forEach((step, i) => {
    const scenario = byId.get(step.scenario);
    if (!scenario) {
      problems.push(locate(doc, at, file, ['steps', i, 'scenario'], `no scenario "${step.scenario}"; known: ${[...byId.keys()].join(', ')}`));
    } else if (!scenario.personas.includes(step.persona)) {
      problems.push(
        locate(doc, at, file, ['steps', i, 'persona'], `scenario "${step.scenario}" has no persona "${step.persona}"; it has: ${scenario.personas.join(', ')}`),
      );
    }
  });
  return problems;
}

/** Whether a YAML text is a learning path rather than a scenario (by its `kind` line). */
export function looksLikePath(text: string): boolean {
  return /^kind:\s*['"]?learning-path['"]?\s*$/m.test(text);
}
