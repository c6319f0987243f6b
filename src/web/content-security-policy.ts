/**
 * The one Content-Security-Policy of Walkaway's pages, shared by the production build (a `<meta>` in the
 * built page), `vite preview` and the workshop server (as a header), so all of them enforce the same rules.
 *
 * Everything comes from our own origin, except that statements may be sent to a learning record store
 * the rep saved in the settings. No `unsafe-eval` and no `unsafe-inline` for scripts or styles:
 * the page's CSS is a file, Phaser only sets styles through the CSSOM (`canvas.style.width = ...`), which
 * CSP does not govern, and Zod runs without its `new Function` fast path (see src/game/main.ts).
 * `data:` and `blob:` images: Phaser's built-in textures are data URIs and its loader hands images over
 * as blobs. `data:`/`blob:` media: Howler unlocks audio with a tiny data URI.
 */
const DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  // A learning record store saved in the settings (src/lms/xapi/lrs-settings.ts: https, or plain http
  // on this machine only) receives the game's statements from wherever the game is served.
  'connect-src': ["'self'", 'https:', 'http://127.0.0.1:*'],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Directives a browser honours only in a header (a `<meta>` policy ignores them, with a console error). */
const HEADER_ONLY: Record<string, string[]> = {
  'frame-ancestors': ["'self'"],
};

const serialize = (directives: Record<string, string[]>): string =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');

/** The policy as a `Content-Security-Policy` response header (what servers send). */
export const CONTENT_SECURITY_POLICY = serialize({ ...DIRECTIVES, ...HEADER_ONLY });

/** The same policy for `<meta http-equiv="Content-Security-Policy">`, without the header-only directives. */
export const CONTENT_SECURITY_POLICY_META = serialize(DIRECTIVES);

/**
 * The `<meta>` policy of an LMS package (src/cli/package.ts): the same, except that results may be sent
 * to the learning record store, whose address the LMS gives only at launch (cmi5's `endpoint`), on an
 * origin of its own. SCORM talks to the LMS through a JavaScript object, which CSP does not govern.
 */
export const LMS_PACKAGE_POLICY_META = serialize({ ...DIRECTIVES, 'connect-src': ["'self'", 'https:', 'http:'] });

/** Headers a server of ours sends with every page of the game. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
