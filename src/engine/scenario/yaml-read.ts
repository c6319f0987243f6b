import { Composer, isAlias, isCollection, isPair, LineCounter, Parser, type CST, type Document } from 'yaml';
import { ScenarioError } from './problems.ts';
import { syntaxProblems } from './syntax.ts';

/**
 * What a scenario or learning path file may hold before anything is built from it. A scenario at every schema limit is
 * well under these; they stop a hostile or mistaken file (a YAML alias bomb, thousands of nested
 * brackets, a pasted database dump) from exhausting memory or the call stack.
 */
export const FILE_LIMITS = {
  /** Characters of text in one file (about 1 MB). */
  chars: 1_000_000,
  /** Levels of nested mappings and lists (a valid scenario needs about 8). */
  depth: 32,
  /** Alias expansions (`*name`) in one file, counting aliases inside aliases. */
  aliases: 100,
} as const;

type At = (offset: number) => { line: number; col: number };

/** A YAML file read as one mapping, with what is needed to point at its lines. */
export interface YamlMapping {
  data: object;
  doc: Document;
  at: At;
}

const NOUNS = { scenario: 'a scenario file', path: 'a path file' } as const;

/**
 * Reads the text of a scenario or learning path file as one YAML mapping, within FILE_LIMITS, or throws a
 * ScenarioError naming the line and column: too large, nested too deep (measured before the composer,
 * which recurses, sees it), more than one document, a syntax slip in plain words, an alias bomb, or
 * something other than a mapping. Both kinds of file go through this one reader, so both are as hard to
 * break.
 */
export function readYamlMapping(text: string, file: string, kind: keyof typeof NOUNS): YamlMapping {
  const noun = NOUNS[kind];
  const fileProblem = (line: number, col: number, message: string): ScenarioError => new ScenarioError([{ file, line, col, path: '', message }]);
  if (text.length > FILE_LIMITS.chars)
    throw fileProblem(1, 1, `the file is too large (${text.length.toLocaleString('en')} characters; at most ${FILE_LIMITS.chars.toLocaleString('en')})`);

  const lineCounter = new LineCounter();
  const at: At = (offset) => lineCounter.linePos(offset);
  // The CST parser keeps its own stack (no recursion), so the nesting is measured before the composer,
  // which recurses, ever sees it.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = tooDeep(tokens);
  if (deep !== null) {
    const pos = at(deep);
    throw fileProblem(pos.line, pos.col, `nested more than ${FILE_LIMITS.depth} levels deep (${noun} needs far fewer: check the indentation and brackets)`);
  }
  const docs = [...new Composer({ uniqueKeys: true }).compose(tokens, true, text.length)];
  const doc = docs[0]!;
  if (docs.length > 1) {
    const pos = at(docs[1]!.range[0]);
    throw fileProblem(pos.line, pos.col, `YAML syntax: ${noun} holds one document (remove the second "---")`);
  }
  if (doc.errors.length > 0) throw new ScenarioError(syntaxProblems(doc.errors, text, at, file));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: FILE_LIMITS.aliases });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    // The yaml library refuses an alias bomb (or an alias to an anchor not yet defined) with a ReferenceError.
    const pos = at(firstAliasOffset(doc) ?? 0);
    const message = /resource exhaustion/i.test(e.message)
      ? `too many aliases: "*name" references expand to more than ${FILE_LIMITS.aliases} copies (write the text out instead)`
      : `YAML alias: ${firstLine(e.message)}`;
    throw fileProblem(pos.line, pos.col, message);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw fileProblem(1, 1, `${noun} is a YAML mapping (key: value lines)`);
  }
  return { data, doc, at };
}

/** Offset of the first collection nested deeper than the limit, or null. Walks with its own stack. */
function tooDeep(tokens: CST.Token[]): number | null {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
      continue;
    }
    if (!isCollectionToken(token)) continue;
    if (depth + 1 > FILE_LIMITS.depth) return token.offset;
    for (const item of token.items) {
      if (item.key) stack.push({ token: item.key, depth: depth + 1 });
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
    }
  }
  return null;
}

function isCollectionToken(t: CST.Token): t is CST.BlockMap | CST.BlockSequence | CST.FlowCollection {
  return t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection';
}

/** Where the first alias of the document is written (to point at an alias bomb). */
function firstAliasOffset(doc: Document): number | undefined {
  const stack: unknown[] = [doc.contents];
  let first: number | undefined;
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      const offset = node.range?.[0];
      if (offset !== undefined && (first === undefined || offset < first)) first = offset;
    } else if (isPair(node)) stack.push(node.key, node.value);
    else if (isCollection(node)) stack.push(...node.items);
  }
  return first;
}

export function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
