import { sortForMenu, type PrevalidatedCard, type ScenarioCard } from './scenario-card.ts';

/** The built-in scenarios' summaries, made when the game was built (a few hundred bytes each). */
const CARDS = import.meta.glob('/scenarios/*.yaml', { query: '?scenario-card', import: 'default', eager: true }) as Record<string, PrevalidatedCard>;

/** The built-in scenarios as the menu lists them before the engine is loaded (files that do not load are left out). */
export function builtInCards(): ScenarioCard[] {
  const cards = Object.entries(CARDS)
    // By code unit, as catalog.ts orders the full scenarios: localeCompare would start the browser's
    // collator (milliseconds) on the way to the first screen, for file names that are plain ASCII.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([, s]) => (s ? [{ id: s.id, scenario: s, source: { kind: 'builtin' as const, id: s.id } }] : []));
  return sortForMenu(cards);
}
