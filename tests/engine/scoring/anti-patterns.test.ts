import { describe, expect, it } from 'vitest';
import { ANTI_PATTERN_IDS, type AntiPatternId } from '../../../src/engine/index.ts';
import { compiledShipped, playPreferring, ENTERPRISE_CLEAN } from '../../helpers.ts';

const enterprise = compiledShipped('enterprise-deal');
const dominant = compiledShipped('dominant-vendor');
/** Prepared, calm and strong against the account manager: the offer it signs still holds "no exit assistance", a never-trade option. */
const DOMINANT_STRONG = [
  'cost-alternative',
  'cost-switching',
  'align-leadership',
  'quiet-opening',
  'usage-data',
  'our-figure',
  'show-numbers',
  'quiet-conviction',
  'mapped-integrations',
  'accept-final',
];
const PREP = ['build-pipeline', 'set-walk-away', 'research-buyer'];

/** For each anti-pattern: choices that commit it (taken where they come up) and the choice id it is flagged on. */
const COMMITS: Record<AntiPatternId, { persona: string; prefs: string[]; at: string; scenario?: typeof enterprise }> = {
  bluffing: { persona: 'procurement-lead', prefs: ['qualify-harder', 'set-walk-away', 'research-buyer', 'mention-pipeline'], at: 'mention-pipeline' },
  threatening: { persona: 'eager-buyer', prefs: [...PREP, 'ultimatum'], at: 'ultimatum' },
  'ignoring-batna': { persona: 'eager-buyer', prefs: ['polish-deck', 'stay-flexible', 'rest'], at: 'rest' },
  'revealing-desperation': { persona: 'eager-buyer', prefs: [...PREP, 'ideal-customer'], at: 'ideal-customer' },
  'end-of-quarter-panic': { persona: 'eager-buyer', prefs: [...PREP, 'close-by-friday'], at: 'close-by-friday' },
  'single-threaded': { persona: 'eager-buyer', prefs: ['qualify-harder', 'set-walk-away', 'research-buyer'], at: 'research-buyer' },
  'concession-without-trade': { persona: 'eager-buyer', prefs: [...PREP, 'offer-twenty'], at: 'offer-twenty' },
  'deal-below-walk-away': {
    persona: 'procurement-lead',
    prefs: [
      'polish-deck',
      'stay-flexible',
      'rest',
      'offer-twenty',
      'ideal-customer',
      'match-vendor',
      'concede-thirty',
      'rush-for-friday',
      'over-available',
      'accept-final',
    ],
    at: 'accept-final',
  },
  'signed-never-trade': { scenario: dominant, persona: 'account-manager', prefs: DOMINANT_STRONG, at: 'accept-final' },
};

describe('anti-patterns', () => {
  it.each(ANTI_PATTERN_IDS.map((id) => [id]))('%s is detected at the turn it is committed, with its principle', (id) => {
    const { persona, prefs, at, scenario } = COMMITS[id];
    const s = playPreferring(scenario ?? enterprise, persona, 1, [...prefs, ...ENTERPRISE_CLEAN]);
    const r = s.result()!;
    const hit = r.antiPatterns.find((a) => a.id === id);
    expect(hit, `${id} not detected`).toBeDefined();
    const turnOfChoice = r.transcript.find((t) => t.choice.id === at)!.turn;
    expect(hit!.turn).toBe(turnOfChoice);
    expect(hit!.choiceId).toBe(at);
    expect(hit!.principle.length).toBeGreaterThan(20);
  });

  it('none is detected on the clean path, against any persona', () => {
    for (const persona of ['eager-buyer', 'status-quo-skeptic', 'procurement-lead']) {
      expect(playPreferring(enterprise, persona, 1, ENTERPRISE_CLEAN).result()!.antiPatterns).toEqual([]);
    }
  });
});
