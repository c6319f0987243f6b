/** A request the rooms service refuses, with the HTTP status it maps to and a sentence a person can read. */
export class RoomError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'RoomError';
    this.status = status;
  }
}
