export { LessonsService, type LessonRules, type LessonsServiceDeps } from './lessons-service'
export { LessonInkService, type LessonInkServiceDeps } from './lesson-ink-service'
