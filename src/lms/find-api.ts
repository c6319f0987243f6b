/**
 * Finds the SCORM run-time API the way the standards' own discovery algorithms do: look on this window,
 * then up its parent chain, then on the opener and up the opener's parent chain. SCORM 1.2 stops after
 * 7 parents; SCORM 2004 after 500. A frame of another origin cannot be inspected: the search stops there.
 */
export const SEARCH_LIMIT = { API: 7, API_1484_11: 500 } as const;
export type ApiName = keyof typeof SEARCH_LIMIT;

export function findScormApi<T>(name: ApiName, start: Window = window): T | null {
  return searchChain<T>(name, start) ?? (openerOf(start) ? searchChain<T>(name, openerOf(start)!) : null);
}

function searchChain<T>(name: ApiName, from: Window): T | null {
  let win: Window = from;
  for (let tries = 0; ; tries++) {
    const api = read<T>(win, name);
    if (api) return api;
    const parent = parentOf(win);
    if (!parent || parent === win || tries >= SEARCH_LIMIT[name]) return null;
    win = parent;
  }
}

function read<T>(win: Window, name: ApiName): T | null {
  try {
    const api = (win as unknown as Record<string, unknown>)[name];
    return api && typeof api === 'object' ? (api as T) : null;
  } catch {
    return null; // another origin
  }
}

function parentOf(win: Window): Window | null {
  try {
    return win.parent;
  } catch {
    return null;
  }
}

function openerOf(win: Window): Window | null {
  try {
    const opener = win.opener as Window | null;
    return opener && !opener.closed ? opener : null;
  } catch {
    return null;
  }
}
