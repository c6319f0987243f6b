import {
  DIMENSIONS,
  formatValue,
  turnClock,
  keyMomentText,
  outcomeContext,
  outcomeHeadline,
  type KeyMoment,
  type SessionResult,
  type SessionSnapshot,
} from '../engine/index.ts';

/** The turn as the terminal shows it: who speaks, what is on the table, the numbered choices. */
export function formatTurn(s: SessionSnapshot): string[] {
  const lines: string[] = [];
  lines.push('');
  const clock = turnClock(s).text;
  lines.push(`── ${clock} ─ ${s.speaker}${s.phase === 'negotiation' ? ` (${s.mood})` : ''}`);
  lines.push(`"${s.line}"`);
  if (s.phase === 'negotiation') {
    lines.push('  On the table:');
    for (const t of s.termsView) lines.push(`    ${t.issueLabel.padEnd(16)} ${t.optionLabel}`);
    const v = (n: number) => formatValue(n, s.unit);
    lines.push(`  Worth to you: ${v(s.value)}   walk-away ${v(s.walkAwayValue)}   target ${v(s.target)}`);
  }
  if (s.hint) lines.push(`  Coach: ${s.hint}`);
  s.choices.forEach((c, i) => {
    lines.push(`  ${i + 1}. ${c.text}`);
    if (s.phase === 'prep' && c.explain) lines.push(`       (${c.explain})`);
  });
  return lines;
}

/** The debrief in plain text: outcome, score, every check, anti-patterns at their turns, key moments, offers. */
export function formatDebrief(r: SessionResult, moments: KeyMoment[] = []): string[] {
  const lines: string[] = [];
  const tick = (b: boolean) => (b ? '[x]' : '[ ]');
  lines.push('');
  lines.push(`══ Debrief: ${outcomeHeadline(r)} ══`);
  lines.push(outcomeContext(r));
  lines.push(`Score ${r.score.total}/100, grade ${r.score.grade}`);
  if (r.score.cap) lines.push(`  Capped at ${r.score.cap.max}: ${r.score.cap.reason}`);
  for (const d of DIMENSIONS) {
    const dim = r.score.dimensions[d];
    lines.push(`  ${dim.label}: ${dim.score}/${dim.max}`);
    for (const c of dim.checks) lines.push(`    ${tick(c.passed)} ${c.label}`);
  }
  if (r.antiPatterns.length) {
    lines.push('Where you gave leverage away:');
    for (const a of r.antiPatterns) lines.push(`  turn ${a.turn}: ${a.label}. ${a.principle}`);
  } else lines.push('No anti-patterns. Clean negotiation.');
  if (moments.length) {
    lines.push('Key moments (each replayed with the better choice and a disciplined game from there):');
    for (const m of moments) lines.push(`  ${keyMomentText(m, r.unit)}`);
  }
  if (r.offers.length) {
    lines.push('Offers over the turns (their offer / your position, valued by you):');
    lines.push('  ' + r.offers.map((o) => `t${o.turn}: ${o.theirs}/${o.yours}`).join('  '));
  }
  return lines;
}
