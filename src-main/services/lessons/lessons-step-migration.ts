import type { Migration } from '../storage/migrations'

/**
 * Slides have build steps (动画) now: where a lesson stood includes how many click groups of the
 * slide on screen had played, so a crashed lesson reopens at that step, not at the bare slide.
 * Rows saved before this say 0, the slide's start, which is where they reopened before.
 */
export const lessonsStepMigration: Migration = {
  version: 15,
  name: 'lessons: build step of the page on screen',
  up(db) {
    db.exec(`ALTER TABLE lesson_resume ADD COLUMN build_step INTEGER NOT NULL DEFAULT 0 CHECK (build_step >= 0);`)
  }
}
