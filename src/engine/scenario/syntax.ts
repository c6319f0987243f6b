import type { YAMLError } from 'yaml';
import type { ScenarioProblem } from './problems.ts';

/**
 * YAML syntax errors said in a trainer's words. The parser reports one slip several times over (a
 * mis-indented line gives "Sequence item without -", "Nested mappings are not allowed", "Implicit keys
 * need to be on a single line"); a trainer needs one message per line, naming the likely cause, with
 * the line shown and a caret under the column.
 */
export function syntaxProblems(
  errors: readonly YAMLError[],
  text: string,
  at: (offset: number) => { line: number; col: number },
  file: string,
): ScenarioProblem[] {
  const lines = text.split(/\r?\n/);
  const byLine = new Map<number, ScenarioProblem & { structural: boolean }>();
  for (const e of errors) {
    const { line, col, message, structural } = explain(e, lines, at(e.pos[0]));
    if (byLine.has(line)) continue;
    byLine.set(line, { file, line, col, path: '', message, source: lines[line - 1] ?? '', structural: structural ?? false });
  }
  const sorted = [...byLine.values()].sort((a, b) => a.line - b.line || a.col - b.col);
  // After a slip in the structure (indentation, an open bracket or quote) the parser reads the rest of
  // the file as something else, and what it reports further down is mostly that misreading, at lines
  // that are fine: the first such problem is the one to fix.
  const firstStructural = sorted.findIndex((p) => p.structural);
  return (firstStructural < 0 ? sorted : sorted.slice(0, firstStructural + 1)).map(({ structural: _, ...p }) => p);
}

interface Explained {
  line: number;
  col: number;
  message: string;
  /** A slip in the file's structure, after which the parser misreads what follows. */
  structural?: boolean;
}

function explain(e: YAMLError, lines: string[], pos: { line: number; col: number }): Explained {
  const here = (message: string): Explained => ({ ...pos, message });
  const text = lines[pos.line - 1] ?? '';
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return { line: pos.line, col: firstTab(text) ?? pos.col, message: 'a tab is used to indent this line: indent with spaces only (two per level)' };
    case 'DUPLICATE_KEY':
      return here('this field is written twice in the same mapping: keep one of them');
    case 'BAD_SCALAR_START': {
      const ch = text[pos.col - 1] ?? '';
      return here(`a value cannot start with "${ch}" unless it is in quotes: write it as "${ch}…"`);
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'MISSING_CHAR':
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN':
      break;
    default:
      return here(`YAML syntax: ${plainParserText(e.message)}`);
  }
  if (/closing "?quote/i.test(e.message) || /Missing closing/i.test(e.message)) {
    const open = unclosedQuoteLine(lines, pos.line);
    if (open) return { ...open, message: 'a quote opened here is never closed: end the text with the same quote mark', structural: true };
    return { ...here('a quote is never closed: end the text with the same quote mark'), structural: true };
  }
  if (/end with a [}\]]/.test(e.message) || /Expected .*[}\]]/.test(e.message)) {
    const open = unclosedBracketLine(lines, pos.line);
    const which = /\]/.test(e.message) ? '[ … ]' : '{ … }';
    if (open)
      return {
        ...open,
        message: `a bracket opened here is never closed: close the ${which} on the same line (or the item after it is indented wrongly)`,
        structural: true,
      };
    return { ...here(`a bracket is never closed: close the ${which}`), structural: true };
  }
  const colon = secondColon(text);
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && colon !== null) {
    const key = /^\s*(?:-\s+)?([^:]+):\s/.exec(text)?.[1]?.trim() ?? 'text';
    const value = text.slice(text.indexOf(':') + 1).trim();
    return {
      line: pos.line,
      col: colon,
      message: `a colon followed by a space inside a value starts a new field: put the whole value in quotes, e.g. ${key}: "${value.replace(/"/g, '\\"')}"`,
    };
  }
  if (e.code === 'UNEXPECTED_TOKEN' && /^\s*(?:-\s+)?[^:]+:\s*["'*&!]/.test(text))
    return here('the value goes on after its closing quote or starts with a special sign (* & !): put the whole value in quotes');
  return { line: pos.line, col: firstNonSpace(text), message: indentMessage(lines, pos.line), structural: true };
}

/** A mis-indented line, with the indentation of the line above to line it up with. */
function indentMessage(lines: string[], line: number): string {
  const text = lines[line - 1] ?? '';
  const indent = text.length - text.trimStart().length;
  let above = line - 2;
  while (above >= 0 && (lines[above]!.trim() === '' || lines[above]!.trim().startsWith('#'))) above--;
  const prev = above >= 0 ? lines[above]! : '';
  const prevIndent = prev.length - prev.trimStart().length;
  const detail = above >= 0 ? ` (${indent} space${indent === 1 ? '' : 's'} here, ${prevIndent} on line ${above + 1})` : '';
  return `this line is not indented like the lines around it${detail}: fields of the same mapping start in the same column, two spaces further in than the field they belong to (if this line looks right, look at the lines just above it)`;
}

/** Column (1-based) of a colon followed by a space or the end, after the line's own `key:`. */
function secondColon(text: string): number | null {
  const first = /^\s*(?:-\s+)?[^:\s][^:]*:(\s|$)/.exec(text);
  if (!first) return null;
  const rest = text.slice(first[0].length);
  if (/^\s*["'[{]/.test(rest)) return null;
  const m = /:(\s|$)/.exec(rest);
  return m ? first[0].length + m.index + 1 : null;
}

function firstTab(text: string): number | null {
  const i = text.indexOf('\t');
  return i < 0 ? null : i + 1;
}

function firstNonSpace(text: string): number {
  const m = /\S/.exec(text);
  return m ? m.index + 1 : 1;
}

/** The last line at or before `upTo` that opens a quote it does not close. */
function unclosedQuoteLine(lines: string[], upTo: number): { line: number; col: number } | null {
  for (let i = Math.min(upTo, lines.length) - 1; i >= 0; i--) {
    const col = openQuote(lines[i]!);
    if (col !== null) return { line: i + 1, col };
  }
  return null;
}

function openQuote(text: string): number | null {
  let quote: string | null = null;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote === null) {
      if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) break;
      // A quote opens a value only at its start (after ": ", "- ", "[", "{" or ",").
      if ((ch === '"' || ch === "'") && /(^|[:\-[{,]\s*|^\s*)$/.test(text.slice(0, i))) {
        quote = ch;
        at = i + 1;
      }
    } else if (ch === '\\' && quote === '"') i++;
    else if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else quote = null;
    }
  }
  return quote === null ? null : at;
}

/** The last line at or before `upTo` that opens more brackets than it closes (outside quotes). */
function unclosedBracketLine(lines: string[], upTo: number): { line: number; col: number } | null {
  for (let i = Math.min(upTo, lines.length) - 1; i >= 0; i--) {
    const text = lines[i]!;
    const opened: number[] = [];
    let quote: string | null = null;
    for (let j = 0; j < text.length; j++) {
      const ch = text[j]!;
      if (quote) {
        if (ch === quote) quote = null;
        continue;
      }
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '#' && (j === 0 || /\s/.test(text[j - 1]!))) break;
      else if (ch === '{' || ch === '[') opened.push(j + 1);
      else if (ch === '}' || ch === ']') opened.pop();
    }
    if (opened.length > 0) return { line: i + 1, col: opened[0]! };
  }
  return null;
}

/** The parser's message without its own "at line x, column y:" and the excerpt it appends. */
function plainParserText(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}
