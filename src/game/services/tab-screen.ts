/**
 * Which list screen this tab was on (the menu, the learning path, progress, saved games): a reload
 * comes back to it instead of starting over on the first screen. Kept per tab, like the game in
 * progress; screens of a game are restored from the game itself.
 */
const TAB_SCREEN_KEY = 'walkaway.tab-screen';

export const RESTORABLE_SCREENS = ['menu', 'path', 'progress', 'saves'] as const;
export type RestorableScreen = (typeof RESTORABLE_SCREENS)[number];

function isRestorable(screen: string): screen is RestorableScreen {
  return (RESTORABLE_SCREENS as readonly string[]).includes(screen);
}

/** Notes the screen on show; screens of a game clear the note (the game brings them back). */
export function rememberScreen(screen: string): void {
  try {
    if (isRestorable(screen)) sessionStorage.setItem(TAB_SCREEN_KEY, screen);
    else sessionStorage.removeItem(TAB_SCREEN_KEY);
  } catch {
    // Storage blocked: a reload starts on the first screen.
  }
}

export function rememberedScreen(): RestorableScreen | null {
  try {
    const screen = sessionStorage.getItem(TAB_SCREEN_KEY);
    return screen && isRestorable(screen) ? screen : null;
  } catch {
    return null;
  }
}
