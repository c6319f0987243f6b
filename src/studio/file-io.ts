/** Offers the editor's text as a file download; the text stays in the browser (a local blob URL). */
export function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name for a download: the file's own name, or the scenario id, ending in .yaml. */
export function downloadName(fileName: string, scenarioId: string | undefined): string {
  const base = fileName && fileName !== 'untitled.yaml' ? fileName : `${scenarioId ?? 'scenario'}.yaml`;
  return /\.ya?ml$/i.test(base) ? base : `${base}.yaml`;
}
