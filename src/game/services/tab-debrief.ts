/**
 * Which finished game this tab's debrief shows: a reload brings the same debrief back (the game itself
 * is rebuilt from the practice record by replay). Kept per tab, like the game in progress.
 */
const TAB_DEBRIEF_KEY = 'walkaway.tab-debrief';

export function rememberDebrief(recordId: string | null): void {
  try {
    if (recordId) sessionStorage.setItem(TAB_DEBRIEF_KEY, recordId);
    else sessionStorage.removeItem(TAB_DEBRIEF_KEY);
  } catch {
    // Storage blocked: a reload shows the menu, and the game is still in the practice record.
  }
}

export function rememberedDebrief(): string | null {
  try {
    return sessionStorage.getItem(TAB_DEBRIEF_KEY);
  } catch {
    return null;
  }
}
