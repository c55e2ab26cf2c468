/**
 * A lessons service for renderer tests, answering over the fake transport from memory: start,
 * beats and records move a clock the test owns; end fixes the summary under the 15-minute rule.
 */
import type { z } from 'zod'
import type { FakeAnswer, FakeTransport } from '../transport/fake-transport'
import type { LessonStatus } from '../../src-shared/contract/lessons'
import type { RecorderEnv } from '../features/presenter/lesson-recorder'

export type StatusAnswer = z.input<typeof LessonStatus>
export type SummaryAnswer = FakeAnswer<'lessons:end'>

const T0 = Date.parse('2026-11-25T08:00:00.000Z')

export function lessonStatus(sessionId: string, elapsedMs: number, over: Partial<StatusAnswer> = {}): StatusAnswer {
  return {
    sessionId,
    open: true,
    startedAt: new Date(T0).toISOString(),
    endedAt: null,
    elapsedMs,
    activeMs: elapsedMs,
    effectiveMinutes: 15,
    effective: elapsedMs >= 15 * 60_000,
    remainingMs: Math.max(0, 15 * 60_000 - elapsedMs),
    paused: null,
    idleMinutes: 5,
    ...over
  }
}

export function lessonSummary(id: string, over: Partial<SummaryAnswer> = {}): SummaryAnswer {
  return {
    id,
    classId: 'c1',
    className: '八年级2班',
    teacher: null,
    deckId: 'd1',
    deckTitle: '勾股定理',
    chapterId: null,
    startedAt: new Date(T0).toISOString(),
    endedAt: new Date(T0 + 16 * 60_000).toISOString(),
    endReason: 'teacher',
    activeMs: 16 * 60_000,
    effective: true,
    effectiveMinutes: 15,
    slidesShown: 3,
    toolsUsed: ['pen'],
    questionsRun: 1,
    ...over
  }
}

/** Timers the test fires by hand, and a clock it moves. */
export function manualEnv(): RecorderEnv & { beat(): void; ticking(): boolean; advance(ms: number): void } {
  let timer: (() => void) | null = null
  let now = 0
  return {
    setInterval: (fn) => ((timer = fn), 1),
    clearInterval: () => (timer = null),
    now: () => now,
    beat: () => timer?.(),
    ticking: () => timer !== null,
    advance: (ms) => void (now += ms)
  }
}

/** Answers the lessons calls like the service: one session at a time, each call a minute later. */
export function serveLessons(fake: FakeTransport, sessionId = 'L1'): { elapsed: () => number } {
  let elapsed = 0
  const status = () => lessonStatus(sessionId, (elapsed += 60_000))
  fake
    .handle('lessons:start', () => lessonStatus(sessionId, (elapsed = 0)))
    .handle('lessons:heartbeat', status)
    .handle('lessons:activity', status)
    .handle('lessons:visibility', status)
    .handle('lessons:record-slide', status)
    .handle('lessons:record-tool', status)
    .handle('lessons:record-question', status)
    .handle('lessons:end', ({ sessionId: id }) => lessonSummary(id, { activeMs: elapsed }))
  return { elapsed: () => elapsed }
}
