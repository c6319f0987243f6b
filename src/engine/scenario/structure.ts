import { LIMITS, type BeatDef, type ChoiceDef, type Scenario } from './schema.ts';
import type { ReferenceProblem } from './references.ts';

/**
 * Checks that a scenario whose ids all point somewhere can also be played: its numbers make sense, and
 * its script can always be played to an end. The script is read as a graph of beats linked by choices
 * (`next`, else the next beat in the list, interjections handing back where they left off, the final
 * offer after the last beat), and what the player can hold at each beat (facts, discoveries) decides
 * which choices can be shown there. Problems are paths into the scenario, located by the loader.
 */

const MAX_PACKAGES = LIMITS.packages;

type Add = (path: (string | number)[], message: string) => void;

/** Numbers that pass the schema one by one but not together. Needs only the schema to hold. */
export function checkNumbers(s: Scenario): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const add: Add = (path, message) => problems.push({ path, message });

  if (s.target <= s.walkAway) add(['target'], `the target (${s.target}) must be above the walk-away (${s.walkAway})`);
  // Preparation may raise the walk-away (each prep beat once, by its largest raise): it must stay below the target.
  let raised = s.walkAway;
  let raisedAt: (string | number)[] | null = null;
  s.beats.forEach((b, i) => {
    if (b.phase !== 'prep') return;
    let most = 0;
    b.choices.forEach((c, j) => {
      const raise = c.effect?.walkAway ?? 0;
      if (raise > most) {
        most = raise;
        raisedAt = ['beats', i, 'choices', j, 'effect', 'walkAway'];
      }
    });
    raised += most;
  });
  if (raisedAt && s.target > s.walkAway && raised >= s.target)
    add(raisedAt, `preparation can raise the walk-away to ${raised}, which is not below the target (${s.target})`);
  const best = s.issues.reduce((sum, i) => sum + Math.max(...i.options.map((o) => o.you)), 0);
  if (s.target > best)
    add(['target'], `the target (${s.target}) is above the best deal there is (${best}, every issue at its best option for you): no deal could reach it`);
  const packages = s.issues.reduce((n, i) => n * i.options.length, 1);
  if (packages > MAX_PACKAGES)
    add(
      ['issues'],
      `${packages.toLocaleString('en')} possible packages (options multiplied across issues); at most ${MAX_PACKAGES.toLocaleString('en')}, e.g. 8 issues of 6 options: drop an issue or some options`,
    );

  const weights = s.scoring?.weights;
  if (weights && DIMENSION_COUNT === Object.keys(weights).length && Object.values(weights).every((w) => w === 0))
    add(['scoring', 'weights'], 'every weight is 0: nothing would be scored');

  s.personas.forEach((p, i) =>
    p.tactics.forEach((t, j) => {
      if (t.turn >= p.patience)
        add(
          ['personas', i, 'tactics', j, 'turn'],
          `turn ${t.turn} comes when the counterpart's patience (${p.patience} turns) has run out: this tactic would never be played`,
        );
    }),
  );
  return problems;
}
const DIMENSION_COUNT = 6;

const END = Symbol('end');
type Target = string | typeof END;

interface BeatInfo {
  beat: BeatDef;
  path: (string | number)[];
  prep: boolean;
  interjection: boolean;
}

/**
 * Whether the script can be played to an end from everywhere. Needs every id to point somewhere
 * (`checkReferences` passed).
 */
export function checkStructure(s: Scenario): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const add: Add = (path, message) => problems.push({ path, message });

  const beats = new Map<string, BeatInfo>();
  s.beats.forEach((beat, i) => beats.set(beat.id, { beat, path: ['beats', i], prep: beat.phase === 'prep', interjection: false }));
  s.interjections.forEach((beat, i) => beats.set(beat.id, { beat, path: ['interjections', i], prep: false, interjection: true }));
  const order = new Map(s.beats.map((b, i) => [b.id, i]));
  const finalOffer = s.flow.finalOffer;
  const finalInfo = beats.get(finalOffer)!;
  const name = (id: string) => `"${id}"`;

  if (finalInfo.prep) {
    add(['flow', 'finalOffer'], `${name(finalOffer)} is a preparation beat: the final offer is made at the table`);
    return problems;
  }

  // What the player can ever hold, and what every persona's game certainly reveals.
  const signalledBySome = new Set(s.personas.flatMap((p) => p.signals));
  const signalledByAll = new Set(s.discovery.map((d) => d.id).filter((id) => s.personas.every((p) => p.signals.includes(id))));
  const may = new Set<string>(s.batna.facts);
  for (const { beat } of beats.values())
    for (const c of beat.choices) {
      for (const f of c.effect?.facts ?? []) may.add(f);
      for (const d of [...(c.reveals ?? []), ...(c.effect?.reveals ?? [])]) if (signalledBySome.has(d)) may.add(d);
    }
  const gains = (c: ChoiceDef): string[] => [
    ...(c.effect?.facts ?? []),
    ...[...(c.reveals ?? []), ...(c.effect?.reveals ?? [])].filter((d) => signalledByAll.has(d)),
  ];

  const ending = (info: BeatInfo, c: ChoiceDef) => c.tags.includes('walk-away') || (!info.prep && c.tags.includes('accept'));
  /** Where a non-ending choice leads by the script: a beat id, or END where the game surely ends. */
  const successor = (info: BeatInfo, c: ChoiceDef): Target => {
    if (ending(info, c)) return END;
    // At the final offer anything else is a last push: one more step at the final offer, or the counterpart leaves.
    if (info.beat.id === finalOffer && !(c.next && beats.get(c.next)!.prep)) return END;
    if (c.next) return c.next;
    // An interjection hands back where the script left off: that beat is checked on its own.
    if (info.interjection) return END;
    return s.beats[order.get(info.beat.id)! + 1]?.id ?? finalOffer;
  };

  // Facts and discoveries the player certainly holds on reaching each beat (the intersection over every
  // way in). Interjections can open after any turn at the table, so they get what all table beats share.
  const must = new Map<string, Set<string>>();
  const first = s.beats[0]!.id;
  must.set(first, new Set(s.batna.facts));
  const interjectionsOpened = new Set<string>([...s.personas.flatMap((p) => p.tactics.map((t) => t.beat)), ...(s.flow.bluffTest ? [s.flow.bluffTest] : [])]);
  for (let changed = true; changed; ) {
    changed = false;
    const meet = (id: string, held: Set<string>) => {
      const known = must.get(id);
      if (!known) {
        must.set(id, new Set(held));
        changed = true;
        return;
      }
      for (const f of [...known])
        if (!held.has(f)) {
          known.delete(f);
          changed = true;
        }
    };
    for (const [id, info] of beats) {
      const held = must.get(id);
      if (!held) continue;
      for (const c of info.beat.choices) {
        if (!canShow(c, held, may)) continue;
        const to = successor(info, c);
        if (to !== END) meet(to, new Set([...held, ...gains(c)]));
      }
    }
    const table = [...beats].filter(([id, info]) => !info.prep && !info.interjection && must.has(id)).map(([id]) => must.get(id)!);
    if (table.length > 0)
      for (const id of interjectionsOpened) {
        const shared = new Set([...table[0]!].filter((f) => table.every((t) => t.has(f))));
        meet(id, shared);
      }
  }
  // The final offer also comes when the counterpart's patience runs out, from any turn at the table:
  // only what every table beat surely holds is sure there.
  const atFinal = must.get(finalOffer) ?? new Set(s.batna.facts);
  for (const [id, info] of beats)
    if (!info.prep && !info.interjection && must.has(id)) for (const f of [...atFinal]) if (!must.get(id)!.has(f)) atFinal.delete(f);
  must.set(finalOffer, atFinal);
  const reachable = (id: string) => must.has(id);

  // Choices that lead back to preparation from the table: preparation has no clock, so it would loop.
  for (const [, info] of beats) {
    if (info.prep) continue;
    info.beat.choices.forEach((c, j) => {
      if (c.next && beats.get(c.next)!.prep && !ending(info, c))
        add(
          [...info.path, 'choices', j, 'next'],
          `${name(c.next)} is a preparation beat: once the negotiation has started it cannot go back to preparation${info.beat.id === finalOffer ? ' (here the final offer would start over for ever)' : ''}`,
        );
    });
  }

  // Loops in preparation: preparation has no clock, so a way back is allowed only through a choice that
  // hides itself once taken (`unless` a fact its own effect gives).
  const selfHiding = (c: ChoiceDef) => (c.unless ?? []).some((u) => (c.effect?.facts ?? []).includes(u));
  const prepEdges = new Map<string, { to: string; path: (string | number)[] }[]>();
  for (const [id, info] of beats) {
    if (!info.prep) continue;
    const edges: { to: string; path: (string | number)[] }[] = [];
    info.beat.choices.forEach((c, j) => {
      const to = successor(info, c);
      if (to !== END && beats.get(to)!.prep && !selfHiding(c)) edges.push({ to, path: [...info.path, 'choices', j, 'next'] });
    });
    prepEdges.set(id, edges);
  }
  for (const component of cycles(prepEdges)) {
    const inLoop = new Set(component);
    const closing = component.flatMap((id) => prepEdges.get(id)!).find((e) => inLoop.has(e.to))!;
    add(
      closing.path,
      `loops back to ${name(closing.to)} in preparation (${component.map(name).join(', ')}) with nothing to stop it: add "unless" with a fact the choice's own effect gives, so it is taken once`,
    );
  }

  // Every beat must lead to an end: an accept, a walk-away, or the final offer.
  const reachesEnd = new Set<string>([finalOffer]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, info] of beats) {
      if (reachesEnd.has(id)) continue;
      const held = must.get(id) ?? new Set(s.batna.facts);
      if (info.beat.choices.some((c) => canShow(c, held, may) && (successor(info, c) === END || reachesEnd.has(successor(info, c) as string)))) {
        reachesEnd.add(id);
        changed = true;
      }
    }
  }
  // Reported where the script goes round (a beat that only leads into such a loop is not a second problem).
  const stuckEdges = new Map<string, { to: string }[]>();
  for (const [id, info] of beats) {
    if (reachesEnd.has(id) || !reachable(id)) continue;
    const held = must.get(id)!;
    stuckEdges.set(
      id,
      info.beat.choices.filter((c) => canShow(c, held, may)).map((c) => ({ to: successor(info, c) as string })),
    );
  }
  const onLoop = new Set(cycles(stuckEdges).flat());
  for (const [id, info] of beats) {
    if (!onLoop.has(id)) continue;
    const leadsTo = [...new Set(stuckEdges.get(id)!.map((e) => e.to))];
    add(
      [...info.path, 'choices'],
      info.prep
        ? `preparation never ends from here: every choice leads back to ${leadsTo.map(name).join(', ')} and none to the table or a walk-away`
        : `no way from here to an accept, a walk-away or the final offer: every choice leads to ${leadsTo.map(name).join(', ')}, which lead only back (the talk would go round until the counterpart's patience ran out)`,
    );
  }

  // Every beat must show at least one choice, whatever the player holds on getting there.
  for (const [id, info] of beats) {
    if (!reachable(id)) continue;
    const hiding = hidingAssignment(info.beat.choices, must.get(id)!, may);
    if (hiding)
      add([...info.path, 'choices'], `a dead end: ${describeHiding(hiding)} every choice here is hidden (by requires/unless); give one choice no condition`);
  }

  // The negotiation can end in a deal (at the final offer above all) and in a walk-away.
  const finalChoices = finalInfo.beat.choices;
  const accepts = finalChoices.filter((c) => c.tags.includes('accept'));
  if (accepts.length === 0) add([...finalInfo.path, 'choices'], 'the final offer has no "accept" choice: the player could never take the deal');
  else {
    const hiding = hidingAssignment(accepts, must.get(finalOffer)!, may);
    if (hiding)
      add([...finalInfo.path, 'choices'], `${describeHiding(hiding)} no "accept" choice is shown at the final offer: the player could not take the deal`);
  }
  const canWalk = [...beats].some(
    ([id, info]) => reachable(id) && info.beat.choices.some((c) => c.tags.includes('walk-away') && canShow(c, must.get(id)!, may)),
  );
  if (!canWalk) add(['beats'], 'no choice the player can reach is tagged "walk-away": walking away must be possible (the final offer is a good place for it)');
  return problems;
}

/** Whether a choice can be shown at a beat where the player surely holds `held` and may hold `may`. */
function canShow(c: ChoiceDef, held: Set<string>, may: Set<string>): boolean {
  return (c.requires ?? []).every((r) => may.has(r)) && !(c.unless ?? []).some((u) => held.has(u));
}

/**
 * A way the player's holdings could be (what they hold and lack beyond `held`) under which none of
 * `choices` is shown, or null if one of them always is. Each choice is hidden by lacking one thing it
 * requires or holding one thing it is shown `unless`; a small search picks one reason per choice that do
 * not contradict each other. Bounded: a file built to make the search explode is let through here (the
 * explorer still finds real dead ends).
 */
export function hidingAssignment(choices: ChoiceDef[], held: Set<string>, may: Set<string>): Map<string, boolean> | null {
  const reasons: { id: string; holds: boolean }[][] = [];
  for (const c of choices) {
    if (!canShow(c, held, may)) continue; // hidden in every game
    const ways = [
      ...(c.requires ?? []).filter((r) => !held.has(r)).map((id) => ({ id, holds: false })),
      ...(c.unless ?? []).filter((u) => may.has(u)).map((id) => ({ id, holds: true })),
    ];
    if (ways.length === 0) return null; // shown in every game
    reasons.push(ways);
  }
  const chosen = new Map<string, boolean>();
  let steps = 0;
  const search = (i: number): boolean => {
    if (i === reasons.length) return true;
    if (++steps > 100_000) return false;
    for (const r of reasons[i]!) {
      const known = chosen.get(r.id);
      if (known !== undefined && known !== r.holds) continue;
      if (known === undefined) chosen.set(r.id, r.holds);
      if (search(i + 1)) return true;
      if (known === undefined) chosen.delete(r.id);
    }
    return false;
  };
  return search(0) ? chosen : null;
}

function describeHiding(hiding: Map<string, boolean>): string {
  const holds = [...hiding].filter(([, h]) => h).map(([id]) => `"${id}"`);
  const lacks = [...hiding].filter(([, h]) => !h).map(([id]) => `"${id}"`);
  if (holds.length === 0 && lacks.length === 0) return 'in every game';
  const parts = [holds.length ? `holds ${holds.join(', ')}` : '', lacks.length ? `lacks ${lacks.join(', ')}` : ''].filter(Boolean);
  return `when the player ${parts.join(' and ')},`;
}

/** Beats that sit on a loop, as groups (strongly connected components with a cycle), in script order. */
function cycles(edges: Map<string, { to: string }[]>): string[][] {
  const ids = [...edges.keys()];
  const reach = (from: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      for (const e of edges.get(stack.pop()!) ?? [])
        if (!seen.has(e.to)) {
          seen.add(e.to);
          stack.push(e.to);
        }
    }
    return seen;
  };
  const reaches = new Map(ids.map((id) => [id, reach(id)]));
  const grouped = new Set<string>();
  const out: string[][] = [];
  for (const id of ids) {
    if (grouped.has(id) || !reaches.get(id)!.has(id)) continue;
    const group = ids.filter((other) => reaches.get(id)!.has(other) && reaches.get(other)!.has(id));
    for (const g of group) grouped.add(g);
    out.push(group);
  }
  return out;
}
