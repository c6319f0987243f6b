import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig, mergeConfig } from 'vitest/config';
import { SECURITY_HEADERS } from './src/web/content-security-policy.ts';
import { contentSecurityPolicy } from './scripts/vite/content-security-policy.ts';
import { customPhaser } from './scripts/vite/custom-phaser.ts';
import { installableOffline } from './scripts/vite/installable-offline.ts';
import { prevalidatedScenarios } from './scripts/vite/scenario-plugin.ts';
import { prevalidatedPaths } from './scripts/vite/path-plugin.ts';
import { precompressed } from './scripts/vite/precompressed.ts';

// One config for the dev server, the production build and the test runner.
const base = defineConfig({
  plugins: [prevalidatedScenarios(), prevalidatedPaths(), contentSecurityPolicy(), VitePWA(installableOffline()), precompressed()],
  // An LMS package build (src/cli/package.ts) sets the assignment; the ordinary game has none.
  define: { __WALKAWAY_ASSIGNMENT__: 'null' },
  // Static files (audio, images, icons) are served from assets/ at the site root: /audio/click.ogg.
  publicDir: 'assets',
  server: { host: '127.0.0.1', port: 5173 },
  // The built pages are previewed with the headers any server of ours sends (the dev server is not: its
  // hot reload needs inline scripts).
  preview: { host: '127.0.0.1', port: 4173, headers: { ...SECURITY_HEADERS } },
  // Three pages: the game, the workshop facilitator's projector view, and the trainers' scenario studio.
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: { main: 'index.html', workshop: 'workshop.html', studio: 'studio.html' },
      // The engine is pure (DESIGN.md): importing one of its modules does nothing but define things, so
      // a screen that takes a constant or a formatter through the engine's index gets only that module,
      // and the rest of the engine stays in the chunk the game loads when a negotiation needs it.
      treeshake: { moduleSideEffects: [{ test: /[\\/]src[\\/]engine[\\/]/, sideEffects: false }] },
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests start their own server and Chromium; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    coverage: {
      provider: 'v8',
      include: ['src/engine/**/*.ts'],
      reporter: ['text-summary', 'json-summary', 'html'],
      // The figure is worth having even when a timing-bound test fails on a busy machine.
      reportOnFailure: true,
    },
  },
});

export default mergeConfig(base, customPhaser());
