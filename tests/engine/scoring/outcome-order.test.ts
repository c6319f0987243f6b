import { describe, expect, it } from 'vitest';
import { ARCHETYPES, archetype, type ArchetypeId } from '../../../src/engine/analysis/archetypes.ts';
import { botRandom, finish, playPolicy, type PlayedGame } from '../../../src/engine/analysis/policy-play.ts';
import { PersonaStepper, type StepState } from '../../../src/engine/persona/stepper.ts';
import { availableChoices } from '../../../src/engine/persona/rules.ts';
import { compiledShipped, playPreferring } from '../../helpers.ts';

const SHIPPED = ['tutorial', 'enterprise-deal', 'renewal', 'dominant-vendor'].map(compiledShipped);
const PERSONAS = SHIPPED.flatMap((c) => [...c.personas.keys()].map((p) => [`${c.scenario.id}/${p}`, c, p] as const));
const SEEDS = [1, 2, 3];

/** Every state at which an archetype faced the final offer, with the endings open there played out. */
function finalOffers(c: (typeof SHIPPED)[number], personaId: string) {
  const stepper = new PersonaStepper(c, { record: false });
  const out: { at: string; value: number; best: number; walkAway: number; accept: PlayedGame; walk: PlayedGame; pushed: PlayedGame | null }[] = [];
  for (const a of ARCHETYPES)
    for (const seed of SEEDS) {
      let seen = false;
      playPolicy(stepper, c, stepper.start({ personaId, seed }), a.policy, botRandom(seed), {
        seed,
        visit: (s: StepState, moves) => {
          if (seen || s.context.model.beat !== c.scenario.flow.finalOffer) return;
          seen = true;
          const choices = availableChoices(c, s.context.model);
          const end = (tag: string) => {
            const ch = choices.find((x) => x.tags.includes(tag))!;
            return finish(c, [...moves, ch.id], stepper.choose(s, ch.id)!);
          };
          // Pushing on at the final offer until it ends; it ends with them walking out when they will not move.
          let cur: StepState | null = s;
          for (let i = 0; i < 4 && cur && !cur.done; i++) {
            const push: { id: string } | undefined = availableChoices(c, cur.context.model).find(
              (x) => !x.tags.includes('accept') && !x.tags.includes('walk-away'),
            );
            cur = push ? stepper.choose(cur, push.id) : null;
          }
          const m = s.context.model;
          out.push({
            at: `${a.id}#${seed} [${moves.join(',')}]`,
            value: c.space.valueOf(m.terms),
            best: m.bestOffer,
            walkAway: m.walkAway,
            accept: end('accept'),
            walk: end('walk-away'),
            pushed: cur?.done ? finish(c, moves, cur) : null,
          });
        },
      });
    }
  return out;
}

describe('outcomes are worth what they are worth, in every shipped persona', () => {
  const counts = { wellAbove: 0, below: 0, walkedOut: 0 };

  it.each(PERSONAS)('%s: deal well above the walk-away > correct walk > deal below it; walked out on < walking yourself', (_, c, personaId) => {
    const zone = c.scenario.target - c.scenario.walkAway;
    for (const f of finalOffers(c, personaId)) {
      if (f.value >= f.walkAway + 0.25 * zone) {
        counts.wellAbove++;
        expect(f.accept.score.total, `${f.at}: signing ${f.value} vs walking`).toBeGreaterThan(f.walk.score.total);
      }
      if (f.value < f.walkAway) {
        counts.below++;
        expect(f.accept.score.total, `${f.at}: signing below the walk-away`).toBeLessThan(60);
        if (f.best < f.walkAway) expect(f.walk.score.total, `${f.at}: correct walk vs signing ${f.value}`).toBeGreaterThan(f.accept.score.total);
      }
      if (f.pushed?.outcome === 'counterpart-walked' && f.best < f.walkAway) {
        counts.walkedOut++;
        expect(f.pushed.score.total, `${f.at}: walked out on vs own walk`).toBeLessThan(f.walk.score.total);
      }
      // A walk-away is worth the walk-away: it never earns the zone's or the target's points.
      const value = f.walk.score.dimensions.value.checks;
      expect(value.filter((ch) => ch.passed).map((ch) => ch.id)).not.toContain('target');
      expect(value.filter((ch) => ch.passed).map((ch) => ch.id)).not.toContain('zone-share');
    }
  });

  it('every comparison above was exercised somewhere in the library', () => {
    expect(counts.wellAbove).toBeGreaterThan(20);
    expect(counts.below).toBeGreaterThan(20);
    expect(counts.walkedOut).toBeGreaterThan(5);
  });
});

describe('signals cost or pay, visibly, in every shipped persona', () => {
  it.each(PERSONAS)('%s: the same path with weak signals in place of strong ones ends lower and with worse offers', (_, c, personaId) => {
    const stepper = new PersonaStepper(c, { record: false });
    const play = (id: ArchetypeId, seed: number) => playPolicy(stepper, c, stepper.start({ personaId, seed }), archetype(id).policy, botRandom(seed), { seed });
    for (const seed of SEEDS) {
      const strong = play('strong-signal', seed);
      const weak = play('weak-signal', seed);
      expect(strong.score.total, `seed ${seed} score`).toBeGreaterThan(weak.score.total);
      expect(strong.bestOffer, `seed ${seed} best offer`).toBeGreaterThanOrEqual(weak.bestOffer);
      expect(strong.score.dimensions.signalling.score).toBeGreaterThan(weak.score.dimensions.signalling.score);
    }
  });
});

describe("issue 7's example: dominant-vendor against Jordan Pike", () => {
  const c = compiledShipped('dominant-vendor');
  const PREP = ['cost-alternative', 'cost-switching', 'align-leadership'];

  it('preparing, then signalling weakness and walking scores below preparing, signalling strength and signing well above the walk-away', () => {
    const weak = playPreferring(c, 'account-manager', 1, [
      ...PREP,
      'we-know',
      'usage-data',
      'ask-basis',
      'fear-confirmed',
      'back-down',
      'trade-lock-for-flat',
      'walk-final',
    ]).result()!;
    // Strength includes testing their inflated switching-cost figure: a bluff believed costs value.
    const strong = playPreferring(c, 'account-manager', 1, [
      ...PREP,
      'quiet-opening',
      'usage-data',
      'ask-basis',
      'our-figure',
      'show-numbers',
      'quiet-conviction',
      'mapped-integrations',
      'accept-final',
    ]).result()!;
    expect(weak.outcome).toBe('walked-away');
    expect(strong.outcome).toBe('deal');
    expect(strong.value).toBeGreaterThanOrEqual(strong.walkAwayValue + 0.5 * (strong.target - strong.walkAwayValue));
    expect(strong.score.total).toBeGreaterThan(weak.score.total + 5);
    const weakValue = weak.score.dimensions.value.checks;
    expect(weakValue.find((ch) => ch.id === 'target')!.passed).toBe(false);
    expect(weakValue.find((ch) => ch.id === 'zone-share')!.passed).toBe(false);
  });
});
