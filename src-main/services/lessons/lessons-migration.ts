import type { Migration } from '../storage/migrations'

/**
 * Lesson sessions and what happened in them. The accounting columns (accounted_at,
 * last_activity_at, visible, active_ms) are the whole state of the active-time clock, so a
 * restarted service carries on, or closes the session, from exactly what was last written.
 */
export const lessonsMigration: Migration = {
  version: 3,
  name: 'lessons: lesson sessions and events',
  up(db) {
    db.exec(`
      CREATE TABLE lesson_sessions (
        id                TEXT PRIMARY KEY,
        class_id          TEXT NOT NULL,
        class_name        TEXT NOT NULL,
        deck_id           TEXT NOT NULL,
        deck_title        TEXT NOT NULL,
        chapter_id        TEXT,
        started_at        TEXT NOT NULL,
        ended_at          TEXT,
        end_reason        TEXT CHECK (end_reason IN ('teacher','recovered','replaced')),
        last_heartbeat_at TEXT NOT NULL,          -- every write is a heartbeat; a crash closes here
        accounted_at      TEXT NOT NULL,          -- active_ms is counted up to this instant
        last_activity_at  TEXT NOT NULL,
        visible           INTEGER NOT NULL DEFAULT 1 CHECK (visible IN (0,1)),
        active_ms         INTEGER NOT NULL DEFAULT 0,
        effective         INTEGER CHECK (effective IN (0,1)),   -- fixed when the session ends
        effective_minutes INTEGER                                -- the rule it was judged by
      ) STRICT;
      CREATE INDEX lesson_sessions_open ON lesson_sessions(id) WHERE ended_at IS NULL;
      CREATE INDEX lesson_sessions_started ON lesson_sessions(started_at DESC, id);
      CREATE INDEX lesson_sessions_class ON lesson_sessions(class_id, started_at DESC);

      CREATE TABLE lesson_events (
        id         INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES lesson_sessions(id) ON DELETE CASCADE,
        at         TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('slide','tool','question')),
        ref        TEXT NOT NULL,
        detail     TEXT
      ) STRICT;
      CREATE INDEX lesson_events_session ON lesson_events(session_id, id);
    `)
  }
}
