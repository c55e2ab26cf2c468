import type { lessonPlanCalls } from '../../../src-shared/contract/lesson-plans'
import type { DomainHandlers } from '../domain-handlers'
import type { Services } from '../../app-core'

export function lessonPlanHandlers(s: Services): DomainHandlers<typeof lessonPlanCalls> {
  const p = s.lessonPlans
  return {
    'lesson-plan:create': ({ docId }) => p.create(docId),
    'lesson-plan:save': (input) => p.save(input),
    'lesson-plan:export-docx': (input) => p.exportDocx(input)
  }
}
