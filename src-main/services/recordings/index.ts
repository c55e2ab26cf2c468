export { RecordingsService, type RecordingsServiceDeps } from './recordings-service'
