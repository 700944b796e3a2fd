import type Database from 'better-sqlite3';

export interface Migration {
  /** Strictly increasing; recorded in schema_migrations and PRAGMA user_version. */
  version: number;
  name: string;
  sql: string;
  /**
   * An optional step in JavaScript after the SQL, in the same transaction
   * (for what SQL cannot do, e.g. making keys). Throwing undoes the SQL too.
   */
  run?: (db: Database.Database) => void;
}
