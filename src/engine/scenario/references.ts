import type { Scenario, PersonaTextDef } from './schema.ts';

/** A broken cross-reference, by path into the parsed scenario. The loader turns paths into lines. */
export interface ReferenceProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Checks what a schema cannot: that every id a scenario mentions exists (beats, facts, discovery items,
 * issues and options, personas) and that ids are unique. A choice pointing nowhere is caught here.
 */
export function checkReferences(s: Scenario): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });

  const beatIds = new Set<string>();
  const interjectionIds = new Set<string>();
  const choiceIds = new Set<string>();
  const issues = new Map(s.issues.map((i) => [i.id, new Set(i.options.map((o) => o.id))]));
  const factIds = new Set(s.facts.map((f) => f.id));
  const discoveryIds = new Set(s.discovery.map((d) => d.id));
  const personaIds = new Set(s.personas.map((p) => p.id));

  const unique = (ids: string[], where: (i: number) => (string | number)[], what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) add(where(i), `duplicate ${what} id "${id}"`);
      seen.add(id);
    });
  };
  unique(
    s.issues.map((i) => i.id),
    (i) => ['issues', i, 'id'],
    'issue',
  );
  s.issues.forEach((issue, i) =>
    unique(
      issue.options.map((o) => o.id),
      (j) => ['issues', i, 'options', j, 'id'],
      'option',
    ),
  );
  unique(
    s.facts.map((f) => f.id),
    (i) => ['facts', i, 'id'],
    'fact',
  );
  unique(
    s.discovery.map((d) => d.id),
    (i) => ['discovery', i, 'id'],
    'discovery item',
  );
  unique(
    s.personas.map((p) => p.id),
    (i) => ['personas', i, 'id'],
    'persona',
  );
  for (const id of factIds) if (discoveryIds.has(id)) add(['facts'], `"${id}" is both a fact and a discovery item`);

  s.beats.forEach((b, i) => {
    if (beatIds.has(b.id)) add(['beats', i, 'id'], `duplicate beat id "${b.id}"`);
    beatIds.add(b.id);
  });
  s.interjections.forEach((b, i) => {
    if (beatIds.has(b.id) || interjectionIds.has(b.id)) add(['interjections', i, 'id'], `duplicate beat id "${b.id}"`);
    interjectionIds.add(b.id);
  });

  const firstNegotiation = s.beats.findIndex((b) => b.phase !== 'prep');
  if (firstNegotiation < 0) add(['beats'], 'the script needs at least one negotiation beat (phase other than prep)');
  s.beats.forEach((b, i) => {
    if (b.phase === 'prep' && firstNegotiation >= 0 && i > firstNegotiation) add(['beats', i, 'phase'], 'prep beats must come before the negotiation beats');
  });

  const checkTerms = (terms: Record<string, string> | undefined, path: (string | number)[], complete: boolean) => {
    if (!terms) return;
    for (const [issue, option] of Object.entries(terms)) {
      const options = issues.get(issue);
      if (!options) add([...path, issue], `unknown issue "${issue}" (issues: ${[...issues.keys()].join(', ')})`);
      else if (!options.has(option)) add([...path, issue], `unknown option "${option}" for issue "${issue}" (options: ${[...options].join(', ')})`);
    }
    if (complete) for (const issue of issues.keys()) if (!Object.hasOwn(terms, issue)) add(path, `missing issue "${issue}"`);
  };
  checkTerms(s.proposal, ['proposal'], true);

  const checkIds = (ids: string[] | undefined, known: Set<string>, path: (string | number)[], what: string) =>
    ids?.forEach((id, i) => {
      if (!known.has(id)) add([...path, i], `unknown ${what} "${id}"`);
    });
  const factOrDiscovery = new Set([...factIds, ...discoveryIds]);
  checkIds(s.batna.facts, factIds, ['batna', 'facts'], 'fact');

  const checkPersonaText = (t: PersonaTextDef | undefined, path: (string | number)[]) => {
    if (t === undefined || typeof t === 'string') return;
    if (!Object.hasOwn(t, 'default')) add(path, 'per-persona text needs a "default" entry');
    for (const key of Object.keys(t)) if (key !== 'default' && !personaIds.has(key)) add([...path, key], `unknown persona "${key}"`);
  };

  const checkBeat = (b: Scenario['beats'][number], path: (string | number)[], isInterjection: boolean) => {
    checkPersonaText(b.line, [...path, 'line']);
    checkPersonaText(b.hint, [...path, 'hint']);
    b.choices.forEach((c, j) => {
      const cp = [...path, 'choices', j];
      if (choiceIds.has(c.id)) add([...cp, 'id'], `duplicate choice id "${c.id}" (choice ids are unique in a scenario)`);
      choiceIds.add(c.id);
      if (c.next !== undefined && !beatIds.has(c.next) && !interjectionIds.has(c.next)) add([...cp, 'next'], `no beat "${c.next}" to go to`);
      if (c.next !== undefined && interjectionIds.has(c.next) && !isInterjection)
        add([...cp, 'next'], `"${c.next}" is an interjection: the counterpart opens those itself`);
      checkIds(c.backedBy, factIds, [...cp, 'backedBy'], 'fact');
      checkIds(c.requires, factOrDiscovery, [...cp, 'requires'], 'fact or discovery item');
      checkIds(c.unless, factOrDiscovery, [...cp, 'unless'], 'fact or discovery item');
      checkIds(c.reveals, discoveryIds, [...cp, 'reveals'], 'discovery item');
      checkIds(c.effect?.facts, factIds, [...cp, 'effect', 'facts'], 'fact');
      checkIds(c.effect?.reveals, discoveryIds, [...cp, 'effect', 'reveals'], 'discovery item');
      checkTerms(c.give, [...cp, 'give'], false);
      checkTerms(c.get, [...cp, 'get'], false);
      checkTerms(c.propose, [...cp, 'propose'], false);
      checkPersonaText(c.reply, [...cp, 'reply']);
      if (b.phase === 'prep' && !c.tags.includes('prep') && !c.tags.includes('walk-away')) add([...cp, 'tags'], 'choices in a prep beat carry the "prep" tag');
      if (b.phase !== 'prep' && c.effect) add([...cp, 'effect'], 'effects belong to prep beats; at the table use give/get/propose/reveals');
      if (c.tags.includes('trade') && (!c.give || !c.get)) add([...cp, 'tags'], 'a "trade" choice needs both give and get');
      if (c.tags.includes('concede') && !c.give) add([...cp, 'tags'], 'a "concede" choice needs give');
      if (c.tags.includes('walk-to') && !c.propose) add([...cp, 'tags'], 'a "walk-to" choice needs propose');
    });
  };
  s.beats.forEach((b, i) => checkBeat(b, ['beats', i], false));
  s.interjections.forEach((b, i) => checkBeat(b, ['interjections', i], true));

  if (s.flow.bluffTest !== undefined && !interjectionIds.has(s.flow.bluffTest)) add(['flow', 'bluffTest'], `no interjection "${s.flow.bluffTest}"`);
  if (!beatIds.has(s.flow.finalOffer)) add(['flow', 'finalOffer'], `no beat "${s.flow.finalOffer}"`);

  s.personas.forEach((p, i) => {
    const pp = ['personas', i];
    checkIds(p.signals, discoveryIds, [...pp, 'signals'], 'discovery item');
    for (const key of Object.keys(p.answers ?? {})) if (!discoveryIds.has(key)) add([...pp, 'answers', key], `unknown discovery item "${key}"`);
    for (const key of Object.keys(p.lines ?? {})) if (!beatIds.has(key) && !interjectionIds.has(key)) add([...pp, 'lines', key], `unknown beat "${key}"`);
    p.tactics.forEach((t, j) => {
      if (!interjectionIds.has(t.beat)) add([...pp, 'tactics', j, 'beat'], `no interjection "${t.beat}"`);
      if (t.claim !== undefined && !p.claims.some((cl) => cl.id === t.claim))
        add([...pp, 'tactics', j, 'claim'], `no claim "${t.claim}" in this persona's claims`);
    });
  });
  return problems;
}
