import { react, type TableTurn } from './turn.ts';

/**
 * Testing the counterpart's last claim (asking for the number, the evidence, the date). A bluff does not
 * survive it: the claim is withdrawn and the counterpart, caught, loses ground and the benefit of the
 * doubt for its other claims. A true claim stands, and the rep knows where it really is.
 */
export function testTheirClaim(turn: TableTurn): void {
  const { m, p, tags } = turn;
  if (!tags.has('test:claim')) return;
  const id = m.lastClaim;
  if (id === null || m.claimsTested.includes(id)) return;
  m.claimsTested = [...m.claimsTested, id];
  const claim = p.claims.find((c) => c.id === id);
  if (claim && !claim.true) {
    m.bluffsCaught += 1;
    react(turn, 'claimWithdrawn');
    turn.why.claimWithdrawn = `Their claim was a bluff: "${claim.text}"`;
  } else {
    react(turn, 'claimStands');
    turn.why.claimStands = claim ? `Their claim is true: "${claim.text}"` : null;
  }
}

/** Facts the rep holds and puts to use: those a choice cites as backing, and those it needs to be offered. */
export function useFacts(turn: TableTurn): void {
  const { m, choice } = turn;
  const used = [...(choice.backedBy ?? []), ...(choice.requires ?? [])].filter((f) => m.facts.includes(f) && !m.factsUsed.includes(f));
  if (used.length) m.factsUsed = [...m.factsUsed, ...used].sort();
}
