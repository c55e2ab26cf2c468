import type { lessonsCalls } from '../../../src-shared/contract/lessons'
import type { DomainHandlers } from '../domain-handlers'
import type { Services } from '../../app-core'

export function lessonsHandlers(s: Services): DomainHandlers<typeof lessonsCalls> {
  const l = s.lessons
  return {
    'lessons:start': (input) => l.start(input),
    'lessons:heartbeat': ({ sessionId }) => l.heartbeat(sessionId),
    'lessons:activity': ({ sessionId }) => l.activity(sessionId),
    'lessons:visibility': ({ sessionId, visible }) => l.visibility(sessionId, visible),
    'lessons:record-slide': ({ sessionId, slideId, slideIndex }) => l.recordSlide(sessionId, slideId, slideIndex),
    'lessons:record-tool': ({ sessionId, tool, scores }) => l.recordTool(sessionId, tool, scores),
    'lessons:record-question': ({ sessionId, questionRunId, questionKind }) =>
      l.recordQuestion(sessionId, questionRunId, questionKind),
    'lessons:end': ({ sessionId }) => l.end(sessionId),
    'lessons:current': () => ({ status: l.current() }),
    'lessons:list': (q) => l.list(q),
    'lessons:save-ink': (input) => s.lessonInk.save(input),
    'lessons:interrupted': () => ({ lesson: s.lessonInk.interrupted() }),
    'lessons:dismiss-interrupted': ({ sessionId }) => s.lessonInk.dismiss(sessionId)
  }
}
