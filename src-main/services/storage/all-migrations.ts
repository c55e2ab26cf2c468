/** Every migration ClassDeck ships, in order. Domains append theirs here. */
import { coreMigration, type Migration } from './migrations'

export const allMigrations: readonly Migration[] = [coreMigration]
