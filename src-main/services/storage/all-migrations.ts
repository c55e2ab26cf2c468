/**
 * Every migration ClassDeck ships, in order (version = position). Append only.
 * Each domain keeps its migration beside its service.
 */
import { coreMigration, type Migration } from './migrations'
import { outboxMigration } from '../sync/outbox-migration'

export const allMigrations: readonly Migration[] = [coreMigration, outboxMigration]
