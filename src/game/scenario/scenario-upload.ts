/**
 * Lets a trainer bring their own scenario file: a file picker and drag-and-drop anywhere on the page.
 * Only reads the text; validating it is the engine's job (loadScenario).
 */
export type UploadHandler = (text: string, fileName: string) => void;

const ACCEPT = '.yaml,.yml,text/yaml,application/x-yaml';

/** A labelled file input (a real control, reachable by Tab) that hands over the chosen file's text. */
export function createFileInput(onFile: UploadHandler): HTMLLabelElement {
  const label = document.createElement('label');
  label.className = 'a11y-file';
  label.textContent = 'Load your own scenario (YAML file)';
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = ACCEPT;
  input.dataset['testid'] = 'upload';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void readFile(file, onFile);
    input.value = '';
  });
  label.append(input);
  return label;
}

/** Opens the browser's file picker (for the canvas button that mirrors the file input). */
export function pickFile(onFile: UploadHandler): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = ACCEPT;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void readFile(file, onFile);
  });
  input.click();
}

/** Accepts a scenario file dropped anywhere on the page; returns a function that stops listening. */
export function enableDropUpload(target: HTMLElement, onFile: UploadHandler, onDragState: (over: boolean) => void): () => void {
  const over = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    onDragState(true);
  };
  const leave = (e: DragEvent) => {
    if (e.relatedTarget === null) onDragState(false);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    onDragState(false);
    const file = e.dataTransfer?.files[0];
    if (file) void readFile(file, onFile);
  };
  target.addEventListener('dragover', over);
  target.addEventListener('dragleave', leave);
  target.addEventListener('drop', drop);
  return () => {
    target.removeEventListener('dragover', over);
    target.removeEventListener('dragleave', leave);
    target.removeEventListener('drop', drop);
  };
}

async function readFile(file: File, onFile: UploadHandler): Promise<void> {
  onFile(await file.text(), file.name);
}
