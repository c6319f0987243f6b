import { z } from 'zod';

/**
 * The rep's seat in a room (code and token), kept in this browser so a reload or a lost network finds
 * the same game again. The game itself is the server's: the seat is only the key to it.
 */
const SeatKeySchema = z.object({ code: z.string(), token: z.string() });
export type SeatKey = z.infer<typeof SeatKeySchema>;

const key = (code: string) => `walkaway.workshop.${code.toUpperCase()}`;

export function readSeat(code: string): SeatKey | null {
  try {
    const parsed = SeatKeySchema.safeParse(JSON.parse(localStorage.getItem(key(code)) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeSeat(seat: SeatKey): void {
  try {
    localStorage.setItem(key(seat.code), JSON.stringify({ code: seat.code, token: seat.token }));
  } catch {
    // Private browsing may refuse storage: the game still plays, it just cannot resume after a reload.
  }
}

export function forgetSeat(code: string): void {
  try {
    localStorage.removeItem(key(code));
  } catch {
    // Nothing stored, nothing to forget.
  }
}
