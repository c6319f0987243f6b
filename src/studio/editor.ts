import { EditorView, basicSetup } from 'codemirror';
import { EditorState, type Text } from '@codemirror/state';
import { hoverTooltip } from '@codemirror/view';
import { yaml } from '@codemirror/lang-yaml';
import { oneDark } from '@codemirror/theme-one-dark';
import { linter, lintGutter, forceLinting, type Diagnostic } from '@codemirror/lint';
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { CHOICE_TAGS } from '../engine/index.ts';
import schemaJson from '../../scenarios/schema.json';
import { docAt, keysAt, valuesAt, type JsonSchema } from './schema-docs.ts';
import { cursorPlace, ITEM, type CursorPlace } from './yaml-path.ts';
import type { EditorProblem, Validation } from './validation.ts';

const SCHEMA = schemaJson as JsonSchema;

/** Pause in typing before the text is validated again. */
export const LINT_DELAY_MS = 150;

/** Size, font and tooltip layout (the page's style sheet does not reach into the editor's shadow root). */
const LAYOUT = EditorView.theme({
  '&': { height: '100%', fontSize: '14px' },
  '.cm-scroller': { fontFamily: '"DejaVu Sans Mono", Menlo, Consolas, monospace' },
  '&.cm-focused': { outline: 'none' },
  '.cm-content:focus-visible': { outline: 'none' },
  '.schema-doc': { maxWidth: '420px', padding: '6px 8px', fontFamily: 'system-ui, "DejaVu Sans", sans-serif' },
  '.schema-doc p': { margin: '4px 0 0', whiteSpace: 'pre-wrap' },
});

export interface ScenarioEditor {
  view: EditorView;
  text(): string;
  setText(text: string): void;
  /** Moves the cursor to a problem's line and column and focuses the editor. */
  goTo(line: number, col: number): void;
  /** Validates now rather than after the typing pause. */
  validateNow(): void;
}

/**
 * The scenario editor: CodeMirror 6 with YAML highlighting, completion and hover documentation from the
 * scenario format's JSON Schema, and the engine's problems shown at their line while typing.
 */
export function createEditor(parent: HTMLElement, options: { text: string; validate: (text: string) => Validation; label: string }): ScenarioEditor {
  const lint = linter(
    (view) => {
      const result = options.validate(view.state.doc.toString());
      return result.problems.map((p) => toDiagnostic(view.state.doc, p));
    },
    { delay: LINT_DELAY_MS },
  );
  // The editor lives in a shadow root: CodeMirror then styles it with constructed style sheets
  // (adoptedStyleSheets) instead of <style> elements, which a strict style-src refuses.
  const root = parent.attachShadow({ mode: 'open' });
  let focusInPanel = false;
  root.addEventListener('focusin', (e) => (focusInPanel = (e.target as Element).closest('.cm-panels') !== null));
  const view = new EditorView({
    parent: root,
    root,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        basicSetup,
        oneDark,
        yaml(),
        lint,
        lintGutter(),
        autocompletion({ override: [completeFromSchema] }),
        hoverTooltip(schemaHover),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorState.tabSize.of(2),
        EditorView.lineWrapping,
        LAYOUT,
        EditorView.updateListener.of(() => {
          // CodeMirror's dialogs (go to line) give focus back only when the document's active element is
          // inside them, which it never is in a shadow root: give it back here once a dialog closes.
          if (focusInPanel && !root.activeElement) {
            focusInPanel = false;
            setTimeout(() => view.focus());
          }
        }),
        // A dropped file opens as the whole scenario (the page handles it), not pasted into the text.
        EditorView.domEventHandlers({ drop: (e) => (e.dataTransfer?.files.length ?? 0) > 0 }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
      forceLinting(view);
    },
    goTo(line, col) {
      const l = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
      const pos = Math.min(l.to, l.from + Math.max(0, col - 1));
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
      view.focus();
    },
    validateNow: () => forceLinting(view),
  };
}

/** A problem underlines the word it points at (or the rest of its line). */
function toDiagnostic(doc: Text, p: EditorProblem): Diagnostic {
  const line = doc.line(Math.min(Math.max(1, p.line), doc.lines));
  const from = Math.min(line.to, line.from + Math.max(0, p.col - 1));
  const word = /^[^\s,:{}[\]]+/.exec(line.text.slice(from - line.from));
  const to = word ? from + word[0].length : line.to;
  return { from, to: Math.max(to, from), severity: p.severity, message: p.path ? `${p.path}: ${p.message}` : p.message, source: 'walkaway check' };
}

function placeAt(doc: Text, pos: number): { place: CursorPlace; lineFrom: number } {
  const line = doc.lineAt(pos);
  const lines: string[] = [];
  for (let i = 1; i <= line.number; i++) lines.push(doc.line(i).text);
  return { place: cursorPlace(lines, line.number - 1, pos - line.from), lineFrom: line.from };
}

/** The field a value is written for: the line's key, or (in a list of values) the list's key. */
function valueField(place: CursorPlace): string[] {
  if (place.key) return [...place.parent, place.key];
  return place.parent;
}

function completeFromSchema(context: CompletionContext): CompletionResult | null {
  const { place, lineFrom } = placeAt(context.state.doc, context.pos);
  const from = lineFrom + place.wordFrom;
  if (place.inKey) {
    if (!context.explicit && place.word === '') return null;
    const keys = keysAt(SCHEMA, place.parent);
    if (keys.length === 0) return null;
    const options: Completion[] = keys.map((k) => ({
      label: k.key,
      apply: `${k.key}: `,
      type: 'property',
      detail: `${k.detail}${k.required ? ', required' : ''}`,
      info: k.description || undefined,
      boost: k.required ? 1 : 0,
    }));
    return { from, options, validFor: /^[A-Za-z0-9_-]*$/ };
  }
  const field = valueField(place);
  const fieldName = [...field].reverse().find((s) => s !== ITEM);
  const values = fieldName === 'tags' ? [...CHOICE_TAGS] : valuesAt(SCHEMA, field);
  if (values.length === 0) return null;
  return {
    from,
    options: values.map((v) => ({ label: v, type: fieldName === 'tags' ? 'keyword' : 'enum' })),
    validFor: /^[A-Za-z0-9_:-]*$/,
  };
}

function schemaHover(view: EditorView, pos: number) {
  const line = view.state.doc.lineAt(pos);
  const text = line.text;
  // Hovering a key: the field it names. Hovering its value: the same field.
  let end = pos - line.from;
  while (end < text.length && /[A-Za-z0-9_-]/.test(text[end]!)) end++;
  const { place } = placeAt(view.state.doc, line.from + end);
  if (!place.key && place.parent.length === 0 && !place.word) return null;
  const doc = docAt(SCHEMA, place.inKey && place.word ? [...place.parent, place.word] : valueField(place));
  if (!doc || !doc.text) return null;
  return {
    pos,
    create() {
      const dom = document.createElement('div');
      dom.className = 'schema-doc';
      const title = document.createElement('strong');
      title.textContent = doc.title;
      const body = document.createElement('p');
      body.textContent = doc.text;
      dom.append(title, body);
      return { dom };
    },
  };
}
