import type { Migration } from '../storage/migrations'

// Owned by the library service; the tables are added by its issue (nothing has shipped yet).
export const libraryMigration: Migration = {
  version: 7,
  name: 'library: resources, search, question bank',
  up() {}
}
