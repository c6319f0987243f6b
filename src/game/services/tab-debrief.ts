/**
 * Which finished game this tab's debrief shows, and the learning path step it was played as (its
 * buttons lead back to the path or the menu accordingly): a reload brings the same debrief back (the
 * game itself is rebuilt from the practice record by replay). Kept per tab, like the game in progress.
 */
const TAB_DEBRIEF_KEY = 'walkaway.tab-debrief';

export interface ShownDebrief {
  recordId: string;
  /** The path step the game was played as; null when it was played from the menu. */
  stepId: string | null;
}

export function rememberDebrief(shown: ShownDebrief | null): void {
  try {
    if (shown) sessionStorage.setItem(TAB_DEBRIEF_KEY, JSON.stringify(shown));
    else sessionStorage.removeItem(TAB_DEBRIEF_KEY);
  } catch {
    // Storage blocked: a reload shows the menu, and the game is still in the practice record.
  }
}

export function rememberedDebrief(): ShownDebrief | null {
  try {
    const raw = sessionStorage.getItem(TAB_DEBRIEF_KEY);
    if (!raw) return null;
    const shown = JSON.parse(raw) as Partial<ShownDebrief>;
    if (typeof shown.recordId !== 'string') return null;
    return { recordId: shown.recordId, stepId: typeof shown.stepId === 'string' ? shown.stepId : null };
  } catch {
    // Blocked storage, or a note from an older version: no debrief to bring back.
    return null;
  }
}
