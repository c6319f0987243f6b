// First: Zod must never try `new Function` (the page's CSP forbids eval); see src/web/zod-jitless.ts.
import '../../web/zod-jitless.ts';
/**
 * The engine as the game loads it on demand (see engine-loader.ts): sessions, replay, scoring, the
 * persona machines (XState), the schemas (Zod), the YAML parser and the built-in scenarios' full
 * content. None of it is needed to show the menu, so none of it is in the first download.
 */
export * from '../../engine/index.ts';
export * from '../../engine/training/index.ts';
export { entryOf, resolveSource } from '../scenario/catalog.ts';
export { loadBuiltInsInSlices } from '../scenario/builtin-loader.ts';
