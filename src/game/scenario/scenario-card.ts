import type { Persona, Scenario } from '../../engine/index.ts';
import type { ScenarioSource } from '../storage/save-store.ts';

/** What the menu and the learning path show of a scenario: names and descriptions, no negotiation data. */
export type ScenarioSummary = Pick<Scenario, 'id' | 'title' | 'role' | 'counterpartRole' | 'summary' | 'tutorial' | 'passMark'> & {
  personas: Pick<Persona, 'id' | 'name' | 'title' | 'difficulty' | 'archetype'>[];
  /** What the scoring stresses: the progress screen's suggestion weighs it before the engine has loaded. */
  weights?: NonNullable<Scenario['scoring']>['weights'];
};

/**
 * A scenario as a list shows it. A built-in one is known from a summary made when the game was built,
 * so the menu is drawn before the engine has loaded; a playable entry (catalog.ts) is a card too.
 */
export interface ScenarioCard {
  id: string;
  scenario: ScenarioSummary;
  source: ScenarioSource;
}

/** A built-in scenario's card as the build hands it over (`/scenarios/x.yaml?scenario-card`); null for a file that does not load. */
export type PrevalidatedCard = ScenarioSummary | null;

export function summarize(s: Scenario): ScenarioSummary {
  return {
    id: s.id,
    title: s.title,
    role: s.role,
    counterpartRole: s.counterpartRole,
    summary: s.summary,
    tutorial: s.tutorial,
    ...(s.passMark === undefined ? {} : { passMark: s.passMark }),
    ...(s.scoring?.weights ? { weights: s.scoring.weights } : {}),
    personas: s.personas.map((p) => ({ id: p.id, name: p.name, title: p.title, difficulty: p.difficulty, archetype: p.archetype })),
  };
}

/** Menu order: the guided (tutorial) scenario first for new reps, then file order. */
export function sortForMenu<T extends ScenarioCard>(cards: readonly T[]): T[] {
  return [...cards].sort((a, b) => Number(b.scenario.tutorial) - Number(a.scenario.tutorial));
}
