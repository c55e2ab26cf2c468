import type { Migration } from '../storage/migrations'

// Owned by the courseware service; the tables are added by its issue (nothing has shipped yet).
export const coursewareMigration: Migration = {
  version: 5,
  name: 'courseware: documents and recovery',
  up() {}
}
