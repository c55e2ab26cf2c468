export { LessonsService, type LessonRules, type LessonsServiceDeps } from './lessons-service'
