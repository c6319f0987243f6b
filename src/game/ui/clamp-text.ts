/**
 * What clampLines sets a text to, from its wrapped `lines` and how it wraps any other string; null when
 * the text fits in `maxLines` as it is. For laying text out before it is drawn (see card-columns.ts).
 */
export function clampedText(lines: readonly string[], maxLines: number, wrap: (text: string) => readonly string[]): string | null {
  if (lines.length <= maxLines) return null;
  const kept = lines.slice(0, Math.max(1, maxLines));
  let last = kept.pop() ?? '';
  // Each shorter ending is tried by wrapping it, not by drawing it (a draw renders the text's canvas
  // and uploads it to the GPU): the text is drawn once, cut.
  let cut: string;
  for (;;) {
    cut = [...kept, `${last.replace(/[\s,;:.\-–—]+$/, '')}…`].join('\n');
    if (wrap(cut).length <= kept.length + 1 || !last.includes(' ')) break;
    last = last.slice(0, last.lastIndexOf(' '));
  }
  return cut;
}
