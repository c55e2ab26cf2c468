import type { Migration } from '../storage/migrations'

/**
 * The ink of a lesson while it plays, and where it stood: written at most a second apart so a
 * crash of the host loses seconds of strokes, not the lesson's ink (which reaches the deck only at
 * 下课). One row a page holds that page's whole ink as JSON, replaced when it changes; the resume
 * row says which page was on screen and whether the teacher has dealt with the interruption.
 */
export const lessonsInkMigration: Migration = {
  version: 12,
  name: 'lessons: ink and place saved during the lesson',
  up(db) {
    db.exec(`
      CREATE TABLE lesson_ink_pages (
        session_id  TEXT NOT NULL REFERENCES lesson_sessions(id) ON DELETE CASCADE,
        page_id     TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('slide','board')),
        slide_index INTEGER,
        bg          TEXT,
        strokes     TEXT NOT NULL,          -- JSON InkStroke[], read back through the contract's schema
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (session_id, page_id)
      ) STRICT;

      CREATE TABLE lesson_resume (
        session_id  TEXT PRIMARY KEY REFERENCES lesson_sessions(id) ON DELETE CASCADE,
        deck_path   TEXT,
        page_order  TEXT NOT NULL,          -- JSON string[]: the lesson's pages in order
        page_id     TEXT NOT NULL,
        page_index  INTEGER NOT NULL,
        slide_index INTEGER,
        saved_at    TEXT NOT NULL,
        handled     INTEGER NOT NULL DEFAULT 0 CHECK (handled IN (0,1))
      ) STRICT;
    `)
  }
}
