export { ClassroomService, type ClassroomServiceDeps } from './classroom-service'
export { classroomMigration } from './classroom-migration'
export { QUIZ_RESULT_KIND } from './run-records'
