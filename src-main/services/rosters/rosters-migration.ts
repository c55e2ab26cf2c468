import type { Migration } from '../storage/migrations'

/**
 * Class rosters the teacher typed in on this computer (the platform's rosters are cached by
 * sync). Students are rows of their own so a name is one value, ordered as the teacher wrote
 * the list; a class's students go with it when it is removed.
 */
export const rostersMigration: Migration = {
  version: 8,
  name: 'rosters: local classes and their students',
  up(db) {
    db.exec(`
      CREATE TABLE roster_classes (
        seq         INTEGER PRIMARY KEY,        -- creation order, the order the chooser lists them in
        id          TEXT NOT NULL UNIQUE,
        name        TEXT NOT NULL,
        locked      INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0,1)),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE TABLE roster_students (
        id          INTEGER PRIMARY KEY,
        class_id    TEXT NOT NULL REFERENCES roster_classes(id) ON DELETE CASCADE,
        name        TEXT NOT NULL,
        position    INTEGER NOT NULL,
        UNIQUE (class_id, position),
        UNIQUE (class_id, name)
      ) STRICT;
    `)
  }
}
