import { setBounded } from './bounded-map.ts';
import type { VerifiedSummary } from './verified.ts';

/** What the facilitator's view needs of one rep (the stored row without the record and the seat token). */
export interface RosterRow {
  id: string;
  position: number;
  name: string;
  persona_id: string;
  seed: number;
  move_count: number;
  over: boolean;
  summary: VerifiedSummary | null;
}

/** A change this process stored, told to the roster after the database confirmed it. */
export type RosterChange =
  | { kind: 'joined'; row: RosterRow }
  | { kind: 'moved'; id: string; moveCount: number; over: boolean; summary: VerifiedSummary | null };

interface Roster {
  rows: Map<string, RosterRow>;
  /** Changes stored while the first read was under way: the read may or may not include them. */
  pending: RosterChange[] | null;
  loading: Promise<void> | null;
}

/**
 * Each watched room's reps, kept in memory from the changes this process stores, so the projector's
 * live view (recomputed up to four times a second while 500 reps play) does not read every rep from
 * the database each time. On the embedded database that read took 10-60 ms on its one thread, and
 * every rep's move waited behind it.
 *
 * Only sound when no other process writes the database (the embedded one: its folder is open in one
 * process). A room is read from the database once, when it is first viewed; after that only this
 * process's own joins and moves change it, in the order they were stored: a move count only grows
 * and a finished game never changes, so applying a change the first read already saw is harmless.
 */
export class RoomRosters {
  private readonly rooms = new Map<string, Roster>();
  private readonly mostRooms: number;

  constructor(mostRooms = 64) {
    this.mostRooms = mostRooms;
  }

  /** The room's reps in join order; `read` loads them from the database the first time. */
  async rows(code: string, read: () => Promise<RosterRow[]>): Promise<RosterRow[]> {
    let roster = this.rooms.get(code);
    if (!roster) {
      const created: Roster = { rows: new Map(), pending: [], loading: null };
      created.loading = (async () => {
        try {
          for (const row of await read()) created.rows.set(row.id, row);
        } catch (e) {
          if (this.rooms.get(code) === created) this.rooms.delete(code);
          throw e;
        }
        for (const change of created.pending ?? []) apply(created, change);
        created.pending = null;
        created.loading = null;
      })();
      // The least recently viewed room is forgotten first; it is read again if it is viewed again.
      setBounded(this.rooms, code, created, this.mostRooms);
      roster = created;
    } else {
      // Keep the most recently viewed rooms last, so eviction takes the stalest.
      this.rooms.delete(code);
      this.rooms.set(code, roster);
    }
    if (roster.loading) await roster.loading;
    return [...roster.rows.values()].sort((a, b) => a.position - b.position);
  }

  /** A change stored in room `code`; rooms nobody has viewed are not kept. */
  changed(code: string, change: RosterChange): void {
    const roster = this.rooms.get(code);
    if (!roster) return;
    if (roster.pending) roster.pending.push(change);
    else apply(roster, change);
  }
}

function apply(roster: Roster, change: RosterChange): void {
  if (change.kind === 'joined') {
    if (!roster.rows.has(change.row.id)) roster.rows.set(change.row.id, change.row);
    return;
  }
  const row = roster.rows.get(change.id);
  // A move older than what is held (the first read saw a later one) changes nothing.
  if (!row || change.moveCount <= row.move_count) return;
  roster.rows.set(change.id, { ...row, move_count: change.moveCount, over: change.over, summary: change.summary });
}
