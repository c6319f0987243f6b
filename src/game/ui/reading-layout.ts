/**
 * Phones. The 1280x720 stage shrinks to about a third on a phone, which puts its text under 8 CSS px.
 * On a small screen the text version (the accessibility layer: every line, list and real button of the
 * screen) becomes the page to read and tap, at 16 px with 48 px buttons, and the stage stays beside it
 * (landscape) or above it (portrait) as the picture. Scenes leave keyboard hints out on touch-only devices (touchOnly).
 *
 * The rules are a stylesheet of their own (reading-layout.css, bundled as a file), never a <style> element
 * made at run time: the page's Content-Security-Policy allows styles from files only.
 */
import './reading-layout.css';

/** Whether this device has only touch (no mouse, no hover): keyboard hints are left out. */
export function touchOnly(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(hover: none) and (pointer: coarse)').matches;
}
