import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';

/** The custom entry: only the parts of Phaser the game uses (see the file's header). */
const ENTRY = fileURLToPath(new URL('../../src/game/phaser/phaser-custom.js', import.meta.url));

/**
 * Phaser's sources test build-time flags with `if (typeof FLAG)` (its webpack config sets them with
 * DefinePlugin). Left undefined, `typeof FLAG` is the string "undefined", which is truthy, so every flag
 * is replaced here. WebGL only (the Canvas renderer is deprecated), no Phaser sound (Howler plays it).
 */
const FLAGS: Record<string, boolean> = {
  CANVAS_RENDERER: false,
  WEBGL_RENDERER: true,
  WEBGL_DEBUG: false,
  EXPERIMENTAL: false,
  FEATURE_SOUND: false,
  PLUGIN_3D: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};
const FLAG_PATTERN = new RegExp(`\\btypeof (${Object.keys(FLAGS).join('|')})\\b`, 'g');
/** Phaser's CommonJS sources, which the custom entry imports. */
const PHASER_SOURCE = /[\\/]node_modules[\\/]phaser[\\/]src[\\/].+\.js$/;
/** Phaser's prebuilt bundles (what the bare `phaser` specifier resolves to). */
const PHASER_DIST = /[\\/]node_modules[\\/]phaser[\\/]dist[\\/][^\\/]+\.js$/;

function replaceFlags(code: string, id: string): { code: string; map: null } | null {
  if (!PHASER_SOURCE.test(id) || !code.includes('typeof ')) return null;
  const out = code.replace(FLAG_PATTERN, (_m, flag: string) => String(FLAGS[flag]));
  return out === code ? null : { code: out, map: null };
}

/**
 * The dev server's dependency optimizer pre-bundles `phaser` (Phaser's sources are CommonJS, which the
 * browser cannot load unbundled): this rolldown plugin makes that pre-bundle the custom entry instead of
 * Phaser's full bundle, with the same flags as the production build.
 */
const optimizerPlugin = {
  name: 'walkaway:custom-phaser-prebundle',
  load(id: string) {
    if (!PHASER_DIST.test(id)) return null;
    const entry = JSON.stringify(ENTRY);
    return `export { default } from ${entry};\nexport * from ${entry};\n`;
  },
  transform: replaceFlags,
};

/**
 * Vite settings for a Phaser build that keeps only what Walkaway uses: `import Phaser from 'phaser'`
 * (exactly that specifier) becomes src/game/phaser/phaser-custom.js, with Phaser's build flags set.
 * The production build resolves it through an alias; the dev server (and so the browser tests) through
 * the dependency optimizer, which bundles the same entry with the same flags.
 */
export function customPhaser(): UserConfig {
  // Part of the plugin's name, which Vite hashes into the optimizer's cache key: editing the entry or
  // the flags re-bundles the dev server's copy of Phaser.
  const version = createHash('sha256').update(readFileSync(ENTRY)).update(JSON.stringify(FLAGS)).digest('hex').slice(0, 12);
  const plugin: Plugin = {
    name: `walkaway:custom-phaser@${version}`,
    enforce: 'pre',
    config(_config, { command }) {
      if (command === 'build') return { resolve: { alias: [{ find: /^phaser$/, replacement: ENTRY }] } };
      return null;
    },
    transform: replaceFlags,
  };
  return {
    plugins: [plugin],
    optimizeDeps: { include: ['phaser'], rolldownOptions: { plugins: [optimizerPlugin] } },
  };
}
