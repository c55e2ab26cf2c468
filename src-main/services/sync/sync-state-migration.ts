import type { Migration } from '../storage/migrations'

// Owned by the sync service; the tables are added by its issue (nothing has shipped yet).
export const syncStateMigration: Migration = {
  version: 6,
  name: 'sync: tokens, uploads, catalogue cache',
  up() {}
}
