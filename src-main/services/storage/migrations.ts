/**
 * Numbered schema migrations. Append only: never edit a migration that has shipped.
 * `version` must be 1, 2, 3 … in order; the database's `user_version` is the last applied.
 * Each domain adds its tables in its own migration file and lists it here.
 */
import type { Database } from 'better-sqlite3'

export interface Migration {
  readonly version: number
  readonly name: string
  up(db: Database): void
}

export const coreMigration: Migration = {
  version: 1,
  name: 'core: meta and settings',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `)
  }
}
