/**
 * Whether this device has a rep who has played before (a game saved or finished), kept where it can be
 * read at once: the first screen (the learning path for a new rep, the menu for everyone else) is
 * drawn before the database has been read, and corrected by the app if this note was wrong.
 */
const RETURNING_KEY = 'walkaway.returning-rep';

export function seemsReturning(): boolean {
  try {
    return localStorage.getItem(RETURNING_KEY) === '1';
  } catch {
    return false;
  }
}

export function noteReturning(returning: boolean): void {
  try {
    if (returning) localStorage.setItem(RETURNING_KEY, '1');
    else localStorage.removeItem(RETURNING_KEY);
  } catch {
    // No storage: every visit starts as a new rep's, and the database read corrects it.
  }
}
