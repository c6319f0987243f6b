import type { RoomService } from './rooms.ts';

type ExportData = Awaited<ReturnType<RoomService['exportRows']>>;

const COLUMNS = [
  'position',
  'name',
  'persona',
  'turns',
  'finished',
  'flagged',
  'outcome',
  'value',
  'walkAwayValue',
  'target',
  'score',
  'grade',
  'antiPatterns',
  'moves',
] as const;

/**
 * One CSV cell. Quoted when needed; a cell that a spreadsheet would run as a formula (=, +, -, @ first)
 * gets a leading apostrophe, so a rep's name cannot become a formula on the facilitator's machine.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(data: ExportData): string {
  const lines = [COLUMNS.join(',')];
  for (const r of data.reps) {
    const s = r.result;
    const row = [
      r.position,
      r.name,
      r.personaId,
      r.turns,
      r.finished,
      r.flagged,
      s?.outcome ?? '',
      s?.value ?? '',
      s?.walkAwayValue ?? '',
      s?.target ?? '',
      s?.score ?? '',
      s?.grade ?? '',
      s?.antiPatterns.map((a) => `${a.id}@${a.turn}`).join(' ') ?? '',
      r.attempt.moves.map((m) => (typeof m === 'string' ? m : m.join('.'))).join(' '),
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
