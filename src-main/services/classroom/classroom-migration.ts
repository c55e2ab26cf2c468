import type { Migration } from '../storage/migrations'

// Owned by the classroom service; the tables are added by its issue (nothing has shipped yet).
export const classroomMigration: Migration = {
  version: 4,
  name: 'classroom: question runs and answers',
  up() {}
}
