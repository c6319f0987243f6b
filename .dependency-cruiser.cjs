/**
 * The architecture rules (see /work/shared/DESIGN.md): `npm run depcheck`.
 * - The engine is pure TypeScript: no Phaser, Howler, DOM-only modules or Node builtins.
 * - No import cycles anywhere.
 * - Scenes use the engine only through its public API (src/engine/index.ts, src/engine/training/index.ts).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-is-pure',
      comment: 'src/engine runs unchanged in the browser, the CLI, the server and the tests: no Phaser, Howler, browser-only or Node modules.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: ['(^|/)node_modules/(phaser|howler|workbox-window|idb|idb-keyval)/', '^src/(game|cli|server|lms|studio|web|workshop-view)/'] },
    },
    {
      name: 'engine-without-node-builtins',
      comment: 'Node builtins (node:fs, path, worker_threads...) belong to the CLI and the server.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-cycles',
      comment: 'One concept per file, a folder per layer: modules that import each other are one tangled concept.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'scenes-use-the-public-engine-api',
      comment:
        'A scene renders snapshots and sends choices through src/engine/index.ts (and the training part of the engine through src/engine/training/index.ts); engine internals stay private.',
      severity: 'error',
      from: { path: '^src/game/scenes/' },
      to: { path: '^src/engine/', pathNot: '^src/engine/(training/)?index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // TypeScript 7 has no JavaScript compiler API for dependency-cruiser to parse with; swc reads the
    // sources instead. Type-only imports count too: a scene naming an engine internal's type depends on it.
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
