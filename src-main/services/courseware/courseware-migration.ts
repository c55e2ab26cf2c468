import type { Migration } from '../storage/migrations'

/**
 * Recent courseware files (what the library and the start page list) and autosave recovery copies.
 * The decks themselves live in .edux files, not in the database.
 */
export const coursewareMigration: Migration = {
  version: 5,
  name: 'courseware: documents and recovery',
  up(db) {
    db.exec(`
      CREATE TABLE courseware_documents (
        path        TEXT PRIMARY KEY,
        deck_id     TEXT NOT NULL,
        title       TEXT NOT NULL,
        slide_count INTEGER NOT NULL,
        manifest    TEXT NOT NULL,
        modified_at TEXT NOT NULL,
        opened_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX courseware_documents_opened ON courseware_documents(opened_at DESC);
      CREATE TABLE courseware_recovery (
        deck_id       TEXT PRIMARY KEY,
        path          TEXT,
        title         TEXT NOT NULL,
        recovery_file TEXT NOT NULL,
        autosaved_at  TEXT NOT NULL
      ) STRICT;
    `)
  }
}
