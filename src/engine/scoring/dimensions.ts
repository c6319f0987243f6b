/** The dimensions of the score: named parts of the total, each made of yes/no checks (checks.ts). */

export const DIMENSIONS = ['value', 'concessions', 'signalling', 'discovery', 'relationship', 'preparation'] as const;
export type DimensionId = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<DimensionId, string> = {
  value: 'Deal value',
  concessions: 'Concession discipline',
  signalling: 'BATNA signalling',
  discovery: 'Discovery',
  relationship: 'Relationship and deal quality',
  preparation: 'Preparation',
};

/** Points per dimension unless a scenario sets its own weights (they are scaled to a total of 100). */
export const DEFAULT_WEIGHTS: Record<DimensionId, number> = {
  value: 30,
  concessions: 20,
  signalling: 20,
  discovery: 10,
  relationship: 10,
  preparation: 10,
};
