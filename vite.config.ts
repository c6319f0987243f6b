import { defineConfig, mergeConfig } from 'vitest/config';
import { customPhaser } from './scripts/vite/custom-phaser.ts';
import { prevalidatedScenarios } from './scripts/vite/scenario-plugin.ts';
import { prevalidatedPaths } from './scripts/vite/path-plugin.ts';

// One config for the dev server, the production build and the test runner.
const base = defineConfig({
  plugins: [prevalidatedScenarios(), prevalidatedPaths()],
  // An LMS package build (src/cli/package.ts) sets the assignment; the ordinary game has none.
  define: { __WALKAWAY_ASSIGNMENT__: 'null' },
  // Static files (audio, images) are served from assets/ at the site root: /audio/click.ogg.
  publicDir: 'assets',
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  // Three pages: the game, the workshop facilitator's projector view, and the trainers' scenario studio.
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { input: { main: 'index.html', workshop: 'workshop.html', studio: 'studio.html' } },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests start their own server and Chromium; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});

export default mergeConfig(base, customPhaser());
