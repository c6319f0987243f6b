/**
 * Phones. The 1280x720 stage shrinks to about a third on a phone, which puts its text under 8 CSS px.
 * On a small screen the text version (the accessibility layer: every line, list and real button of the
 * screen) becomes the page to read and tap, at 16 px with 48 px buttons, and the stage stays beside it
 * (landscape) or above it (portrait) as the picture. Scenes leave keyboard hints out on touch-only devices (touchOnly).
 */
const CSS = `
@media (max-width: 700px) and (orientation: portrait), (max-height: 500px) and (orientation: landscape) {
  #a11y.a11y, #a11y.a11y:has(:focus-visible) {
    position: fixed; clip-path: none; white-space: normal; overflow: auto; overscroll-behavior: contain;
    width: auto; height: auto; background: #141a25; border: 0; padding: 12px 16px 24px; box-sizing: border-box;
    z-index: 5; font-size: 16px; line-height: 1.4;
  }
  #a11y.a11y h1 { font-size: 19px; }
  #a11y.a11y h2 { font-size: 14px; }
  #a11y.a11y button, #a11y.a11y .a11y-file { min-height: 48px; font-size: 16px; padding: 10px 12px; }
  #a11y.a11y .a11y-description { font-size: 14px; }
}
@media (max-width: 700px) and (orientation: portrait) {
  #game { inset: 0 0 auto 0; height: 56.25vw; }
  #a11y.a11y, #a11y.a11y:has(:focus-visible) { top: 56.25vw; left: 0; right: 0; bottom: 0; border-top: 2px solid #3cc6b4; }
}
@media (max-height: 500px) and (orientation: landscape) {
  #game { inset: 0 auto 0 0; width: 42vw; }
  #a11y.a11y, #a11y.a11y:has(:focus-visible) { top: 0; left: 42vw; right: 0; bottom: 0; border-left: 2px solid #3cc6b4; }
}
`;

/** Whether this device has only touch (no mouse, no hover): keyboard hints are left out. */
export function touchOnly(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(hover: none) and (pointer: coarse)').matches;
}

let installed = false;

export function installReadingLayout(doc: Document = document): void {
  if (installed) return;
  installed = true;
  const style = doc.createElement('style');
  style.dataset['layout'] = 'reading';
  style.textContent = CSS;
  doc.head.append(style);
}
