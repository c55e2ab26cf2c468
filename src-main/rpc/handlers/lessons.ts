import type { lessonsCalls } from '../../../src-shared/contract/lessons'
import { AppError } from '../../../src-shared/errors'
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
    'lessons:record-tool': ({ sessionId, tool }) => l.recordTool(sessionId, tool),
    'lessons:record-question': ({ sessionId, questionRunId, questionKind }) =>
      l.recordQuestion(sessionId, questionRunId, questionKind),
    'lessons:end': ({ sessionId }) => l.end(sessionId),
    'lessons:status': ({ sessionId }) => l.status(sessionId),
    'lessons:current': () => ({ status: l.current() }),
    'lessons:list': (q) => l.list(q),
    'lessons:get': ({ id }) => l.get(id),
    'lessons:test-advance-clock': ({ ms }) => {
      // Moving the clock would let anyone fake 有效授课, so only a test host may do it.
      if (!testClockAllowed()) {
        throw new AppError(
          'FORBIDDEN',
          '只有测试环境可以调整授课时钟。正式使用时授课时间按真实时间记录。',
          'Only a test host may move the lesson clock; in real use lesson time follows the real clock.'
        )
      }
      return { skewMs: l.advanceClockForTest(ms) }
    }
  }
}

function testClockAllowed(): boolean {
  return process.env.CLASSDECK_TEST_CLOCK === '1'
}
