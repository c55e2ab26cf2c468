export { StorageService, lastBackup, type StorageOptions } from './storage-service'
export type { Migration } from './migrations'
export { allMigrations } from './all-migrations'
