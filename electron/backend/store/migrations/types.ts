export interface Migration {
  /** Strictly increasing; recorded in schema_migrations and PRAGMA user_version. */
  version: number;
  name: string;
  sql: string;
}
