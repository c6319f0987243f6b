/**
 * The place of the cursor in a scenario file's key structure, read from indentation and list dashes
 * only, so it works on a half-typed line that YAML itself cannot parse yet. `[]` stands for "an item of
 * a list": `personas[].concession.exponent` is the path ['personas', '[]', 'concession', 'exponent'].
 */
export type PathSegment = string;
export const ITEM = '[]';

interface LineShape {
  /** Columns of the `- ` list markers at the start of the line. */
  dashes: number[];
  /** Column and name of the mapping key on the line, if it has one. */
  key?: { col: number; name: string };
  /** Column where the line's content starts after indentation and dashes. */
  content: number;
  blank: boolean;
}

const KEY = /^([A-Za-z0-9_-]+)\s*:(\s|$)/;

export function lineShape(text: string): LineShape {
  let col = 0;
  while (col < text.length && text[col] === ' ') col++;
  const dashes: number[] = [];
  while (text[col] === '-' && (text[col + 1] === ' ' || col + 1 === text.length)) {
    dashes.push(col);
    col++;
    while (col < text.length && text[col] === ' ') col++;
  }
  const rest = text.slice(col);
  const blank = rest.trim() === '' && dashes.length === 0;
  if (rest.startsWith('#')) return { dashes, content: col, blank: dashes.length === 0 };
  const m = KEY.exec(rest);
  return { dashes, content: col, blank, ...(m ? { key: { col, name: m[1]! } } : {}) };
}

export interface CursorPlace {
  /** Path of the mapping that holds the cursor's line. */
  parent: PathSegment[];
  /** The key the cursor's line defines, if any (its value's path is parent + key). */
  key?: string;
  /** The cursor is where a key is written (before any colon on the line). */
  inKey: boolean;
  /** The partial word before the cursor, and where it starts on the line. */
  word: string;
  wordFrom: number;
}

/**
 * Where the cursor is: `lines` is the file split into lines, `line` the cursor's line (0-based) and
 * `col` its column. Walks upwards through less indented keys and dashes to build the parent path.
 */
export function cursorPlace(lines: readonly string[], line: number, col: number): CursorPlace {
  const text = lines[line] ?? '';
  const before = text.slice(0, col);
  const shape = lineShape(text);
  const path: PathSegment[] = [];
  let limit = shape.content;
  for (let i = shape.dashes.length - 1; i >= 0; i--) {
    path.unshift(ITEM);
    limit = shape.dashes[i]!;
  }
  for (let l = line - 1; l >= 0 && limit > 0; l--) {
    const s = lineShape(lines[l]!);
    if (s.blank || (s.key === undefined && s.dashes.length === 0 && /^\s*#/.test(lines[l]!))) continue;
    if (s.key && s.key.col < limit) {
      path.unshift(s.key.name);
      limit = s.key.col;
    } else if (!s.key && s.content < limit && s.dashes.length === 0) {
      // A less indented line that is not a key (a continued string): it cannot be a parent, stop here.
      continue;
    }
    for (let i = s.dashes.length - 1; i >= 0; i--) {
      if (s.dashes[i]! < limit) {
        path.unshift(ITEM);
        limit = s.dashes[i]!;
      }
    }
  }
  const wordMatch = /[A-Za-z0-9_:-]*$/.exec(before)!;
  // Inside a flow mapping written on one line: `- { id: x, kind: |` or `concession: { exponent: |`.
  const flow = /\{([^{}]*)$/.exec(before.slice(shape.content));
  if (flow) {
    const parent = shape.key && shape.key.col < shape.content + flow.index ? [...path, shape.key.name] : path;
    const value = /([A-Za-z0-9_-]+)\s*:\s*([^,]*)$/.exec(flow[1]!);
    const word = /[A-Za-z0-9_:-]*$/.exec(flow[1]!)![0];
    return value ? { parent, key: value[1]!, inKey: false, word, wordFrom: col - word.length } : { parent, inKey: true, word, wordFrom: col - word.length };
  }
  const colon = shape.key ? text.indexOf(':', shape.key.col) : -1;
  const inKey = col >= shape.content && (colon === -1 || col <= colon) && /^[A-Za-z0-9_-]*$/.test(before.slice(shape.content));
  return {
    parent: path,
    ...(shape.key ? { key: shape.key.name } : {}),
    inKey,
    word: wordMatch[0],
    wordFrom: col - wordMatch[0].length,
  };
}
