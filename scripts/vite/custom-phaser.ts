import type { UserConfig } from 'vite';

/**
 * Vite settings for a Phaser build that keeps only what Walkaway uses (filled in by the custom build
 * work; an empty config means the full Phaser package).
 */
export function customPhaser(): UserConfig {
  return {};
}
