import type { Migration } from '../storage/migrations'

/**
 * Sync's own state beside the outbox: resumable upload sessions (so an upload continues after a
 * cut or a restart), the offline cache of what was pulled (catalogue, classes and rosters), and
 * small facts such as the last successful sync. Tokens are not here: they live in the TokenStore
 * (safeStorage in Electron, a 0600 file in the browser host).
 */
export const syncStateMigration: Migration = {
  version: 6,
  name: 'sync: tokens, uploads, catalogue cache',
  up(db) {
    db.exec(`
      CREATE TABLE sync_uploads (
        outbox_id   INTEGER PRIMARY KEY REFERENCES outbox(id) ON DELETE CASCADE,
        generation  INTEGER NOT NULL DEFAULT 0,   -- bumped when the platform forgot the upload; starts a new one
        upload_id   TEXT,                          -- the platform's id, once init has answered
        size        INTEGER NOT NULL,
        part_size   INTEGER,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sync_cache (
        key        TEXT PRIMARY KEY,               -- 'catalogue' | 'classes'
        value      TEXT NOT NULL,                  -- JSON, validated by the shared schema when read
        etag       TEXT,
        fetched_at TEXT NOT NULL
      ) STRICT;
      -- The worker claims the oldest deliverable row: walk pending rows in id order and stop at the
      -- first one (outbox_pending sorts by next_attempt_at first, which forces a sort of them all).
      CREATE INDEX outbox_claim ON outbox(state, id);
      CREATE TABLE sync_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `)
  }
}
