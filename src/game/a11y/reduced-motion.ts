/**
 * Whether the player asked their system for less motion (`prefers-reduced-motion: reduce`): then lines
 * appear whole instead of typing out and values jump instead of sliding. Read each time, so a change of
 * the setting applies from the next line on.
 */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
