/**
 * The IRIs Walkaway's xAPI statements use: ADL's verbs and activity types where one fits, and
 * Walkaway's own (URNs, so they never point at a web address nobody owns) for the decision activity
 * and the extensions that carry what a decision signalled and what was on the table.
 */
export const VERBS = {
  launched: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
  responded: { id: 'http://adlnet.gov/expapi/verbs/responded', display: { 'en-US': 'responded' } },
} as const;

export const ACTIVITY_TYPES = {
  /** The assigned negotiation as a whole. */
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
  /** One decision of a negotiation: a move the rep chose. */
  decision: 'urn:walkaway:xapi:activity-type:decision',
} as const;

export const EXTENSIONS = {
  /** The choice's tags from Walkaway's shared vocabulary (batna:strong, trade, walk-away...). */
  tags: 'urn:walkaway:xapi:extension:tags',
  /** What the terms on the table are worth to the rep after the decision. */
  offerValue: 'urn:walkaway:xapi:extension:offer-value',
  /** The rep's walk-away value at that point. */
  walkAwayValue: 'urn:walkaway:xapi:extension:walk-away-value',
  /** Whether this decision ended the negotiation by walking away. */
  walkedAway: 'urn:walkaway:xapi:extension:walked-away',
  turn: 'urn:walkaway:xapi:extension:turn',
  phase: 'urn:walkaway:xapi:extension:phase',
  outcome: 'urn:walkaway:xapi:extension:outcome',
  scenario: 'urn:walkaway:xapi:extension:scenario',
  persona: 'urn:walkaway:xapi:extension:persona',
} as const;
