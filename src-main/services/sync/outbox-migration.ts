import type { Migration } from '../storage/migrations'

/** The outbox: what must reach the platform, queued in the same transaction that created it. */
export const outboxMigration: Migration = {
  version: 2,
  name: 'sync: outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id              INTEGER PRIMARY KEY,
        kind            TEXT NOT NULL,            -- 'lesson' | 'quiz-result' | 'resource-upload' | …
        entity_id       TEXT NOT NULL,            -- delivery is in order per (kind, entity_id)
        idempotency_key TEXT NOT NULL UNIQUE,     -- sent as Idempotency-Key; the platform dedupes on it
        payload         TEXT NOT NULL,            -- JSON, validated by the kind's zod schema when sent
        state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','sending','sent','failed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        last_error      TEXT,                     -- JSON AppErrorData of the last failure
        next_attempt_at TEXT,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        sent_at         TEXT
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox(state, next_attempt_at, id);
      CREATE INDEX outbox_entity ON outbox(kind, entity_id, id);
    `)
  }
}
