import type { Migration } from '../storage/migrations'

// Owned by the lessons service; the tables are added by its issue (nothing has shipped yet).
export const lessonsMigration: Migration = {
  version: 3,
  name: 'lessons: lesson sessions and events',
  up() {}
}
