import type { Migration } from '../storage/migrations'

/**
 * A page of thousands of strokes is saved in parts, so one save never holds the board's main
 * thread long enough to drop a frame. Until its last part arrives the page is incomplete: carried
 * on after a crash, it then opens with the deck's own ink rather than with a part of it.
 */
export const lessonsInkCompleteMigration: Migration = {
  version: 14,
  name: 'lessons: ink pages saved in parts',
  up(db) {
    db.exec(`ALTER TABLE lesson_ink_pages ADD COLUMN complete INTEGER NOT NULL DEFAULT 1 CHECK (complete IN (0,1));`)
  }
}
