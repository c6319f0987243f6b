import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { ScenarioSchema, type Scenario } from './schema.ts';
import { checkReferences } from './references.ts';
import { ScenarioError, type ScenarioProblem } from './problems.ts';

/**
 * Turns the text of a scenario file into a validated Scenario, or throws a ScenarioError whose problems
 * each name the file, line, column and field. Pure: the caller reads the file (CLI) or the upload
 * (browser) and passes its text and name.
 */
export function loadScenario(text: string, file: string): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => lineCounter.linePos(offset);

  if (doc.errors.length > 0) {
    throw new ScenarioError(
      doc.errors.map((e) => {
        const pos = at(e.pos[0]);
        return { file, line: pos.line, col: pos.col, path: '', message: `YAML syntax: ${firstLine(e.message)}` };
      }),
    );
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ScenarioError([{ file, line: 1, col: 1, path: '', message: 'a scenario file is a YAML mapping (key: value lines)' }]);
  }

  const parsed = ScenarioSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    throw new ScenarioError(parsed.error.issues.map((issue) => locateIssue(doc, at, file, issue)));
  }
  const refProblems = checkReferences(parsed.data);
  if (refProblems.length > 0) {
    throw new ScenarioError(refProblems.map((p) => locate(doc, at, file, p.path, p.message)));
  }
  return parsed.data;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** Places a Zod issue at its line and column (shared with other YAML files: learning paths). */
export function locateIssue(
  doc: Document,
  at: (offset: number) => { line: number; col: number },
  file: string,
  issue: z.core.$ZodIssue,
): ScenarioProblem {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  let message = issue.message;
  if (issue.code === 'invalid_type' && issue.input === undefined) message = `required field is missing (${issue.expected} expected)`;
  else if (issue.code === 'invalid_type') message = `expected ${issue.expected}, got ${describeInput(issue.input)}`;
  else if (issue.code === 'unrecognized_keys') {
    // Point at the unknown key itself: the most useful place for a typo.
    const key = issue.keys[0]!;
    return locate(doc, at, file, [...path, key], `unknown field "${key}"${issue.keys.length > 1 ? ` (and ${issue.keys.length - 1} more)` : ''}`, true);
  } else if (issue.code === 'invalid_value') message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return locate(doc, at, file, path, message);
}

function describeInput(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** Finds the deepest node of `path` that exists in the document and reports the problem there. */
export function locate(
  doc: Document,
  at: (offset: number) => { line: number; col: number },
  file: string,
  path: (string | number)[],
  message: string,
  preferKey = false,
): ScenarioProblem {
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth);
    const node = sub.length === 0 ? doc.contents : doc.getIn(sub, true);
    if (preferKey && depth === path.length && sub.length > 0) {
      const keyNode = findKey(doc, sub);
      if (keyNode) return { file, ...at(keyNode), path: path.join('.'), message };
    }
    if (isNode(node) && node.range) {
      const pos = at(node.range[0]);
      return { file, line: pos.line, col: pos.col, path: path.join('.'), message };
    }
  }
  return { file, line: 1, col: 1, path: path.join('.'), message };
}

/** Offset of a mapping key (for unknown-field errors, where the key is the problem). */
function findKey(doc: Document, path: (string | number)[]): number | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (!parent || typeof parent !== 'object' || !('items' in parent)) return undefined;
  for (const item of (parent as { items: unknown[] }).items) {
    const pair = item as { key?: { value?: unknown; range?: [number, number, number] } };
    if (pair.key && pair.key.value === last && pair.key.range) return pair.key.range[0];
  }
  return undefined;
}
