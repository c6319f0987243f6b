import { describe, expect, it } from 'vitest';
import { findScormApi, SEARCH_LIMIT } from '../../src/lms/find-api.ts';

/** A chain of fake windows: `depth` frames under a top window, each frame's parent the one above. */
function frames(depth: number, top: Record<string, unknown> = {}): { top: Window; innermost: Window } {
  const topWin = { ...top } as Record<string, unknown>;
  topWin['parent'] = topWin;
  let win = topWin;
  for (let i = 0; i < depth; i++) win = { parent: win };
  return { top: topWin as unknown as Window, innermost: win as unknown as Window };
}

const api = { LMSInitialize: () => 'true' };

describe('finding the SCORM API', () => {
  it('finds the API on an ancestor frame within the standard limit', () => {
    expect(findScormApi('API', frames(3, { API: api }).innermost)).toBe(api);
    expect(findScormApi('API', frames(SEARCH_LIMIT.API, { API: api }).innermost)).toBe(api);
  });

  it('stops after the limit: SCORM 1.2 at 7 parents, SCORM 2004 at 500', () => {
    expect(findScormApi('API', frames(SEARCH_LIMIT.API + 1, { API: api }).innermost)).toBeNull();
    expect(findScormApi('API_1484_11', frames(500, { API_1484_11: api }).innermost)).toBe(api);
    expect(findScormApi('API_1484_11', frames(501, { API_1484_11: api }).innermost)).toBeNull();
  });

  it('searches the opener and its parents when the frame chain has none', () => {
    const opener = frames(2, { API_1484_11: api });
    const popup = { opener: opener.innermost } as Record<string, unknown>;
    popup['parent'] = popup;
    expect(findScormApi('API_1484_11', popup as unknown as Window)).toBe(api);
  });

  it('a frame of another origin ends the search without an error', () => {
    const foreign = {} as Record<string, unknown>;
    Object.defineProperty(foreign, 'API', {
      get: () => {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    Object.defineProperty(foreign, 'parent', {
      get: () => {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    const win = { parent: foreign } as unknown as Window;
    expect(findScormApi('API', win)).toBeNull();
  });

  it('no LMS: nothing is found', () => {
    expect(findScormApi('API', frames(2).innermost)).toBeNull();
  });
});
