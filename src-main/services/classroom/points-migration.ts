import type { Migration } from '../storage/migrations'

/**
 * 排行榜: the points rules a class was opened with (absent = no points for that class). The points
 * themselves are not stored: they follow from the class's stored answers and these rules, so the
 * board, the results and the export cannot disagree.
 */
export const classPointsMigration: Migration = {
  version: 13,
  name: 'classroom: points rules of a class',
  up(db) {
    db.exec(`
      CREATE TABLE class_points (
        class_session_id TEXT PRIMARY KEY REFERENCES class_sessions(id) ON DELETE CASCADE,
        rules            TEXT NOT NULL          -- JSON PointsRules, read back through its schema
      ) STRICT;
    `)
  }
}
