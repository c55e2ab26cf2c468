export { StatsService, NEEDS_HELP, type StatsServiceDeps } from './stats-service'
export { loadRegions, SHIPPED_REGION_FILES } from './regions'
