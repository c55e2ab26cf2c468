import type { Migration } from '../storage/migrations'

/**
 * 分组 of a local class (for 小组PK and team points): a JSON list of `{ name, members }` kept with
 * the class. Members are student names, checked against the class's list on every save
 * (RosterSave), and read back through zod, so a damaged value only loses the groups.
 */
export const rosterGroupsMigration: Migration = {
  version: 16,
  name: 'rosters: groups of a class',
  up(db) {
    db.exec(`ALTER TABLE roster_classes ADD COLUMN groups_json TEXT NOT NULL DEFAULT '[]'`)
  }
}
