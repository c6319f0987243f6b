import type { Scenario } from '../../engine/index.ts';

/**
 * A built-in scenario as the build hands it over (`/scenarios/x.yaml?scenario`, see
 * scripts/vite/scenario-plugin.ts): already parsed and validated by the engine's loader, or the
 * problem lines that stopped it.
 */
export type PrevalidatedScenario = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };
