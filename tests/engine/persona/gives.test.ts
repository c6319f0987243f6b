import { describe, expect, it } from 'vitest';
import { compiledShipped, playPreferring } from '../../helpers.ts';

/**
 * What a give commits the rep to. In a trade the give is agreed at the option named, so the deal signs
 * what the choice's words say. A give with nothing asked back is pocketed: the counterpart may still push
 * past it on the same issue, so a free concession never shields the rep from further pressure there.
 */
describe('gives', () => {
  const tutorial = compiledShipped('tutorial');
  const price = (terms: Record<string, string>) => terms.price;

  it('a trade signs the price its words name (10% off for two years)', () => {
    const s = playPreferring(tutorial, 'friendly-manager', 1, [
      'book-prospects',
      'write-line',
      'ask-why',
      'trade-term',
      'stand-calmly',
      'take-a-day',
      'accept-final',
    ]);
    expect(s.result()!.outcome).toBe('deal');
    expect(s.moves).toContain('trade-term');
    expect(price(s.context.model.terms)).toBe('d10');
    expect(s.context.model.terms.term).toBe('two-year');
  });

  it('a free concession of 10% off does not stop them asking for 25% off', () => {
    // No preparation, a plea and a concession for nothing: the counterpart pockets the 10% and asks for more.
    const s = playPreferring(tutorial, 'friendly-manager', 1, [
      'trust-the-demo',
      'wing-it',
      'hold-price',
      'need-this',
      'offer-more',
      'stand-calmly',
      'accept-final',
    ]);
    expect(s.moves).toContain('offer-more');
    expect(s.result()!.outcome).toBe('deal');
    expect(price(s.context.model.terms)).toBe('d25');
  });
});
