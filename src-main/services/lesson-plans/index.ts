export { LessonPlanService, type LessonPlanServiceDeps } from './lesson-plan-service'
export { lessonDesignTemplate, TEMPLATE_SECTIONS } from './lesson-plan-template'
