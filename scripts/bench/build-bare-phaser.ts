import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, mergeConfig } from 'vite';
import { customPhaser } from '../vite/custom-phaser.ts';

/**
 * Builds the bare Phaser page (scripts/bench/bare-phaser.ts: the game's custom Phaser build and settings,
 * one empty scene), the yardstick the start-up figures are measured against, into a fresh temporary
 * folder, and returns that folder. The caller removes it.
 */
export async function buildBarePhaser(root: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'walkaway-bare-phaser-'));
  await build(
    mergeConfig(
      {
        root,
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        build: {
          outDir,
          emptyOutDir: true,
          target: 'es2022',
          chunkSizeWarningLimit: 2000,
          rolldownOptions: { input: join(root, 'scripts/bench/bare-phaser.html') },
        },
      },
      customPhaser(),
    ),
  );
  return outDir;
}
