/**
 * The one small database interface the workshop server uses. Two adapters implement it: the embedded
 * PostgreSQL (PGlite, the default, on disk) and a PostgreSQL server (`pg`, with DATABASE_URL). Both run
 * the same SQL: plain PostgreSQL with $1-style parameters.
 */
export interface Queryable {
  /** Runs one statement with parameters and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  /** Which adapter this is, for logs and the bench ("pglite" or "postgres"). */
  readonly kind: 'pglite' | 'postgres';
  /**
   * True when no other process can write this database (the embedded one: its folder is open in this
   * process alone), so what this process wrote is all there is to know about it.
   */
  readonly exclusive: boolean;
  /** Runs several statements (no parameters): migrations. */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Calls `onMessage` for every NOTIFY on `channel`, from this process or any other sharing the database. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<void>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}
