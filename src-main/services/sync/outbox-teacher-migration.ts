import type { Migration } from '../storage/migrations'
import { legacyPayloadUpgrade } from './legacy-payloads'

/**
 * Every outbox row belongs to the teacher who made it (issue 13): on a shared classroom PC the
 * worker delivers a row only under that teacher's account, so the columns are stamped when the
 * row is written. Rows from before have no teacher and wait until a signed-in teacher claims
 * them. `display` holds what the sync page shows (class, deck, date), which the payload carries
 * only as ids. The lesson and quiz-result payloads older versions queued in their own shapes
 * are rewritten once here into the platform's DTOs, so the worker has one schema per kind.
 */
export const outboxTeacherMigration: Migration = {
  version: 10,
  name: 'sync: outbox rows stamped with their teacher',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN teacher_id TEXT;
      ALTER TABLE outbox ADD COLUMN teacher_name TEXT;
      ALTER TABLE outbox ADD COLUMN display TEXT;   -- JSON OutboxDisplay
      CREATE INDEX outbox_teacher ON outbox(teacher_id, state, id);
      CREATE TABLE sync_teachers (
        id                TEXT PRIMARY KEY,         -- the platform's teacher id
        name              TEXT NOT NULL,
        school_name       TEXT NOT NULL,
        last_signed_in_at TEXT NOT NULL
      ) STRICT;
    `)
    legacyPayloadUpgrade(db)
  }
}
