import { parseDocument, isMap, isNode, isScalar, LineCounter, type Document } from 'yaml';
import type { z } from 'zod';
import { ScenarioSchema, type Scenario } from './schema.ts';
import { checkReferences } from './references.ts';
import { checkNumbers, checkStructure } from './structure.ts';
import { fieldPath, ScenarioError, type ScenarioProblem } from './problems.ts';
import { FILE_LIMITS, firstLine, readYamlMapping } from './yaml-read.ts';
import { referenceSafeCopy } from './reference-safe.ts';
import { scenarioWarnings, type ScenarioWarning } from './warnings.ts';

type At = (offset: number) => { line: number; col: number };

export { FILE_LIMITS };

/**
 * Turns the text of a scenario file into a validated Scenario, or throws a ScenarioError whose problems
 * each name the file, line, column and field. Checks run in layers (YAML, size and shape, schema,
 * references, then numbers and structure: whether the script can be played to an end); each layer
 * reports all of its problems at once, and the schema and the references are reported together (the
 * references of every part whose shape holds), so a trainer fixes both in one round. Pure: the caller reads the file
 * (CLI) or the upload (browser) and passes its text and name. It throws nothing but ScenarioError.
 */
export function loadScenario(text: string, file: string): Scenario {
  const checked = checkScenarioText(text, file, { warnings: false });
  if (checked.scenario === null) throw new ScenarioError(checked.problems);
  return checked.scenario;
}

/** What checking a scenario file found: the scenario when it has no errors, and every problem (errors and warnings), in file order. */
export interface ScenarioCheck {
  scenario: Scenario | null;
  problems: ScenarioProblem[];
}

/**
 * Checks a scenario file as `walkaway check` and the studio do: every error, and (when there is no
 * error) the warnings of what plays but probably not as the trainer meant. Pure, throws nothing.
 */
export function checkScenarioText(text: string, file: string, options: { warnings?: boolean } = {}): ScenarioCheck {
  try {
    const loaded = loadChecked(text, file);
    if (options.warnings === false) return { scenario: loaded.scenario, problems: [] };
    return { scenario: loaded.scenario, problems: sortProblems(locatedWarnings(loaded.scenario, loaded.locate)) };
  } catch (e) {
    if (e instanceof ScenarioError) return { scenario: null, problems: e.problems };
    // Whatever a library throws on a file we did not foresee becomes a located, plain problem.
    const reason =
      e instanceof RangeError
        ? 'the file is too deeply nested or too large to read'
        : `could not read this file (${firstLine(String((e as Error)?.message ?? e))})`;
    return { scenario: null, problems: [{ file, line: 1, col: 1, path: '', message: reason }] };
  }
}

/**
 * Places warnings found on a scenario (by path, e.g. the deep warnings of an exploration) at their
 * line and column in the file's text.
 */
export function locateWarnings(text: string, file: string, warnings: readonly ScenarioWarning[]): ScenarioProblem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const at: At = (offset) => lineCounter.linePos(offset);
  return sortProblems(warnings.map((w) => ({ ...locate(doc, at, file, w.path, w.message, w.atKey ?? false), severity: 'warning' as const })));
}

/** The warnings of a valid scenario, located. Advice never stops a valid file from loading, so a warning check that fails gives none. */
function locatedWarnings(scenario: Scenario, locate: Locator): ScenarioProblem[] {
  try {
    return scenarioWarnings(scenario).map((w) => ({ ...locate(w.path, w.message, w.atKey ?? false), severity: 'warning' as const }));
  } catch {
    return [];
  }
}

function sortProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
}

/** The top-level parts whose ids the reference check looks up. */
const REFERENCED_PARTS = new Set(['issues', 'facts', 'discovery', 'personas', 'beats', 'interjections', 'batna', 'flow']);

type Locator = (path: (string | number)[], message: string, preferKey?: boolean) => ScenarioProblem;

function loadChecked(text: string, file: string): { scenario: Scenario; locate: Locator } {
  const { data, doc, at } = readYamlMapping(text, file, 'scenario');

  // A key named "__proto__" would be dropped without a word when the schema copies a mapping: say so.
  const protoKeys = keysNamedProto(data);
  if (protoKeys.length > 0) throw new ScenarioError(protoKeys.map((path) => locate(doc, at, file, path, '"__proto__" cannot be used as a name here', true)));

  const here: Locator = (path, message, preferKey = false) => locate(doc, at, file, path, message, preferKey);
  const parsed = ScenarioSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    // Shape and references are reported together: the references of every part whose shape holds.
    const shape = parsed.error.issues.map((issue) => ({
      path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
      problem: locateIssue(doc, at, file, issue),
    }));
    misplacedFields(
      parsed.error.issues,
      shape.map((s) => s.problem),
    );
    const broken = shape.map((s) => s.path);
    const touchesBroken = (path: (string | number)[]) => broken.some((b) => isPrefix(b, path) || isPrefix(path, b));
    let references: ScenarioProblem[] = [];
    // With a list that ids are looked up in missing or of the wrong kind, what the references point at is not known.
    const lookedUpBroken = broken.some((b) => b.length === 1 && REFERENCED_PARTS.has(String(b[0])));
    try {
      if (!lookedUpBroken)
        references = checkReferences(referenceSafeCopy(data))
          .filter((p) => !touchesBroken(p.path))
          .map((p) => here(p.path, p.message));
    } catch {
      // A shape too far from a scenario to follow its references: its shape problems say enough.
    }
    throw new ScenarioError(sortProblems([...shape.map((s) => s.problem), ...references]));
  }
  const refProblems = [...checkReferences(parsed.data), ...checkNumbers(parsed.data)];
  if (refProblems.length > 0) throw new ScenarioError(sortProblems(refProblems.map((p) => here(p.path, p.message))));
  // Whether the script can be played through needs every id to point somewhere, so it comes last.
  const structural = checkStructure(parsed.data);
  if (structural.length > 0) throw new ScenarioError(sortProblems(structural.map((p) => here(p.path, p.message))));
  return { scenario: parsed.data, locate: here };
}

/**
 * A field indented into the wrong mapping is reported twice by the schema: missing where it belongs and
 * unknown where it is. Each of the two problems names the other's line, so the cause is plain.
 */
function misplacedFields(issues: z.core.$ZodIssue[], problems: ScenarioProblem[]): void {
  issues.forEach((issue, i) => {
    if (issue.code !== 'invalid_type' || issue.input !== undefined) return;
    const key = issue.path[issue.path.length - 1];
    if (typeof key !== 'string') return;
    const j = issues.findIndex((other) => other.code === 'unrecognized_keys' && other.keys.includes(key));
    if (j < 0) return;
    const missing = problems[i]!;
    const unknown = problems[j]!;
    missing.message += ` (a "${key}" is written at line ${unknown.line}, in ${unknown.path.slice(0, -key.length - 1) || 'another mapping'}: check its indentation)`;
    unknown.message += ` here (it belongs in ${missing.path.slice(0, -key.length - 1) || 'the scenario itself'}: check its indentation)`;
  });
}

function isPrefix(prefix: (string | number)[], path: (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => p === path[i]);
}

/** Paths of every own key named "__proto__" in the data (iterative; the depth is already bounded). */
function keysNamedProto(data: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else
      for (const key of Object.keys(value)) {
        if (key === '__proto__') found.push([...path, key]);
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
  }
  return found.reverse();
}

export function locateIssue(doc: Document, at: At, file: string, issue: z.core.$ZodIssue): ScenarioProblem {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  let message = issue.message;
  if (issue.code === 'invalid_type' && issue.input === undefined) message = `required field is missing (${issue.expected} expected)`;
  else if (issue.code === 'invalid_type') message = `expected ${issue.expected}, got ${describeInput(issue.input)}`;
  else if (issue.code === 'unrecognized_keys') {
    // Point at the unknown key itself: the most useful place for a typo.
    const key = issue.keys[0]!;
    const split = commaSplit(doc, path, key);
    const more = issue.keys.length > 1 ? ` (and ${issue.keys.length - 1} more)` : '';
    const hint = split
      ? `: an unquoted comma inside { } ends a value, so "${key}" became a field of its own; put the whole value in quotes, e.g. ${split.field}: "${split.whole}"`
      : '';
    return locate(doc, at, file, [...path, key], `unknown field "${key}"${more}${hint}`, true);
  } else if (issue.code === 'invalid_value') message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  else if ((issue.code === 'too_big' || issue.code === 'too_small') && /^Too (big|small)/.test(issue.message)) message = plainBound(issue, path);
  return locate(doc, at, file, path, message);
}

/**
 * Whether an unknown key is the tail of a value cut at an unquoted comma: in a `{ ... }` mapping,
 * `label: 10% off, paid yearly` reads as `label: 10% off` and a field `paid yearly` with no value.
 */
function commaSplit(doc: Document, path: (string | number)[], key: string): { field: string; whole: string } | null {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(parent) || !parent.flow) return null;
  const items = parent.items;
  const i = items.findIndex((pair) => isScalar(pair.key) && pair.key.value === key);
  if (i <= 0) return null;
  const pair = items[i]!;
  if (pair.value !== null && !(isScalar(pair.value) && pair.value.value === null)) return null;
  const before = items[i - 1]!;
  if (!isScalar(before.key) || !isScalar(before.value) || typeof before.value.value !== 'string') return null;
  return { field: String(before.key.value), whole: `${before.value.value}, ${key}` };
}

/** Zod's wording of a size limit, said plainly ("at most 60 beats (this list has 61)"). */
function plainBound(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, path: (string | number)[]): string {
  const big = issue.code === 'too_big';
  const limit = Number(big ? (issue as z.core.$ZodIssueTooBig).maximum : (issue as z.core.$ZodIssueTooSmall).minimum);
  const n = limit.toLocaleString('en');
  const input = issue.input;
  if (issue.origin === 'string') {
    const length = typeof input === 'string' ? ` (this one has ${input.length.toLocaleString('en')})` : '';
    return big ? `at most ${n} characters${length}` : `at least ${n} characters`;
  }
  if (issue.origin === 'array') {
    const last = path[path.length - 1];
    const what = typeof last === 'string' ? last : 'items';
    const length = Array.isArray(input) ? ` (this list has ${input.length})` : '';
    return big ? `at most ${n} ${what}${length}` : `at least ${n} ${what}`;
  }
  const got = typeof input === 'number' ? ` (got ${String(input)})` : '';
  if (issue.inclusive === false) return `must be ${big ? 'below' : 'above'} ${n}${got}`;
  return `${big ? 'at most' : 'at least'} ${n}${got}`;
}

function describeInput(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return `number ${String(v)}`;
  const shown = JSON.stringify(v) ?? String(v);
  return `${typeof v} ${shown.length > 60 ? `${shown.slice(0, 57)}..."` : shown}`;
}

/** Finds the deepest node of `path` that exists in the document and reports the problem there. */
export function locate(doc: Document, at: At, file: string, path: (string | number)[], message: string, preferKey = false): ScenarioProblem {
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth);
    const node = sub.length === 0 ? doc.contents : doc.getIn(sub, true);
    if (preferKey && depth === path.length && sub.length > 0) {
      const keyNode = findKey(doc, sub);
      if (keyNode !== undefined) return { file, ...at(keyNode), path: fieldPath(path), message };
    }
    if (isNode(node) && node.range) {
      const pos = at(node.range[0]);
      return { file, line: pos.line, col: pos.col, path: fieldPath(path), message };
    }
  }
  return { file, line: 1, col: 1, path: fieldPath(path), message };
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
