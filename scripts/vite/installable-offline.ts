import type { VitePWAOptions } from 'vite-plugin-pwa';

/**
 * The web app manifest and the service worker (Workbox, generated at build time): after one visit every
 * file of the built game (code, the built-in scenarios inside it, audio, art, icons) is in the cache, so
 * the game installs from the address bar and plays with the network off.
 *
 * Updates use the "prompt" strategy: a new version installs in the background and waits; the page
 * applies it at once only while no negotiation is in progress, otherwise it starts on the next visit
 * (src/game/offline/service-worker.ts). A game in progress is never reloaded under the player.
 */
export function installableOffline(): Partial<VitePWAOptions> {
  return {
    // Minified Workbox without its console logging, whoever runs the build (the tests build too).
    mode: 'production',
    registerType: 'prompt',
    // Registered from the game's code (virtual:pwa-register), not by an inline script the CSP forbids.
    injectRegister: false,
    includeAssets: ['art/*.svg', 'audio/*.ogg', 'audio/*.mp3', 'icons/*.png'],
    manifest: {
      name: 'Walkaway: negotiation trainer',
      short_name: 'Walkaway',
      description: 'Prepare a deal, negotiate with a counterpart who reacts to the walk-away position you signal, and get a scored debrief.',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      orientation: 'landscape',
      background_color: '#141a25',
      theme_color: '#1b2230',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,ogg,mp3,webmanifest}'],
      // The Phaser chunk is over Workbox's default 2 MiB limit before compression.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      navigateFallback: '/index.html',
      // The other pages and the workshop server's API (export downloads are navigations) are never
      // answered with the game's page; they come from their precached file or the network.
      navigateFallbackDenylist: [/^\/workshop\.html/, /^\/studio\.html/, /^\/api\//],
      cleanupOutdatedCaches: true,
    },
  };
}
