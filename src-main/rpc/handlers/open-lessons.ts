import type { openLessonCalls } from '../../../src-shared/contract/open-lessons'
import type { DomainHandlers } from '../domain-handlers'
import type { Services } from '../../app-core'

export function openLessonHandlers(s: Services): DomainHandlers<typeof openLessonCalls> {
  const o = s.openLessons
  return {
    'open-lesson:prepare': ({ docId }) => o.prepare(docId),
    'open-lesson:share': (input) => o.share(input),
    'open-lesson:status': ({ shareId }) => o.status(shareId)
  }
}
