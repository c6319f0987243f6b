/**
 * Moving the practice record in and out of the browser as one file: a download for export, a file
 * input (and a picker for the canvas button) for import. Only moves text; the engine validates it.
 */
export type RecordFileHandler = (text: string, fileName: string) => void;

const ACCEPT = '.json,application/json';

export function downloadRecord(text: string, now = new Date()): void {
  const blob = new Blob([text], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `walkaway-record-${now.toISOString().slice(0, 10)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A labelled file input for the accessibility layer (reachable by Tab). */
export function createRecordInput(onFile: RecordFileHandler): HTMLLabelElement {
  const label = document.createElement('label');
  label.className = 'a11y-file';
  label.textContent = 'Import a practice record (JSON file)';
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = ACCEPT;
  input.dataset['testid'] = 'import-record';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void file.text().then((text) => onFile(text, file.name));
    input.value = '';
  });
  label.append(input);
  return label;
}

export function pickRecordFile(onFile: RecordFileHandler): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = ACCEPT;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void file.text().then((text) => onFile(text, file.name));
  });
  input.click();
}
