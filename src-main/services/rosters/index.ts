export { RostersService } from './rosters-service'
export { rostersMigration } from './rosters-migration'
