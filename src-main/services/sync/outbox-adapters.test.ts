import { describe, expect, it } from 'vitest'
import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../../src-shared/errors'
import { tempDir } from '../../test-utils/temp-dir'
import { toLessonRecordInput, toQuizResultInput } from './outbox-adapters'
import { fullJitterDelay } from './platform-client'
import { FileTokenStore } from './token-store'

const lessonFromLessons = {
  id: 'sess-1',
  classId: 'c-301',
  className: '三年级(1)班',
  deckId: 'd1',
  deckTitle: '分数的初步认识',
  chapterId: null,
  startedAt: '2026-09-08T00:50:00.000Z',
  endedAt: '2026-09-08T01:30:00.000Z',
  endReason: 'ended',
  activeMs: 1_234_567,
  effective: true,
  effectiveMinutes: 15,
  slidesShown: 12,
  toolsUsed: ['pen'],
  questionsRun: 2,
  events: [],
  slideIds: []
}

describe('outbox adapters', () => {
  it('maps the lessons service LessonRecord to the platform lesson record', () => {
    expect(toLessonRecordInput(lessonFromLessons)).toEqual({
      clientRecordId: 'sess-1',
      classId: 'c-301',
      title: '分数的初步认识',
      startedAt: '2026-09-08T00:50:00.000Z',
      endedAt: '2026-09-08T01:30:00.000Z',
      activeSeconds: 1235,
      usedClassroomDisplay: true,
      questionCount: 2
    })
  })

  it('maps a classroom question run and finds its class through its lesson', () => {
    const run = {
      runId: 'run-1',
      classSessionId: 'cs-1',
      lessonSessionId: 'sess-1',
      title: '三年级(1)班',
      spec: { kind: 'truefalse', prompt: '1 分 = 60 秒', correct: true, timeLimitSec: 0 },
      launchedAt: '2026-09-08T01:00:00.000Z',
      closedAt: '2026-09-08T01:01:00.000Z',
      closeReason: 'teacher',
      total: 2,
      answered: 2,
      marked: 2,
      correct: 1,
      answers: [
        {
          studentId: 'x1',
          rosterId: 'c-301-s01',
          name: '李子轩',
          answer: true,
          correct: true,
          receivedAt: '2026-09-08T01:00:10.000Z',
          rank: null
        },
        {
          studentId: 'x2',
          rosterId: null,
          name: '王欣怡',
          answer: false,
          correct: false,
          receivedAt: '2026-09-08T01:00:12.000Z',
          rank: null
        }
      ]
    }
    const mapped = toQuizResultInput(run, (id) => (id === 'sess-1' ? 'c-301' : null))
    expect(mapped).toMatchObject({
      clientResultId: 'run-1',
      classId: 'c-301',
      lessonRecordId: 'sess-1',
      question: { stem: '1 分 = 60 秒', kind: 'judge', correctAnswer: 'true' }
    })
    expect(mapped.answers).toEqual([
      {
        studentId: 'c-301-s01',
        studentName: '李子轩',
        answer: 'true',
        correct: true,
        answeredAt: '2026-09-08T01:00:10.000Z'
      },
      { studentName: '王欣怡', answer: 'false', correct: false, answeredAt: '2026-09-08T01:00:12.000Z' }
    ])
  })

  it('refuses a question that ran outside any lesson with a clear, permanent error', () => {
    const run = {
      runId: 'r',
      lessonSessionId: null,
      spec: { kind: 'poll', prompt: '喜欢吗' },
      launchedAt: '2026-09-08T01:00:00.000Z',
      closedAt: null,
      answers: []
    }
    const err = (() => {
      try {
        toQuizResultInput(run, () => null)
      } catch (e) {
        return e as AppError
      }
      throw new Error('expected a refusal')
    })()
    expect(err.message).toContain('哪个班')
    expect(err.details).toEqual({ kind: 'permanent' })
  })
})

describe('full-jitter backoff', () => {
  const policy = { retries: 5, baseDelayMs: 100, maxDelayMs: 1000 }
  it('stays within [0, min(cap, base·2^n)] and never before Retry-After', () => {
    expect(fullJitterDelay(3, policy, () => 0.999)).toBeLessThanOrEqual(800)
    expect(fullJitterDelay(10, policy, () => 0.999)).toBeLessThanOrEqual(1000)
    expect(fullJitterDelay(2, policy, () => 0)).toBe(0)
    expect(fullJitterDelay(2, policy, () => 0.5, 3000)).toBe(3000)
  })
})

describe('FileTokenStore', () => {
  it('keeps tokens in a file only its owner can read, and treats a damaged file as signed out', () => {
    const t = tempDir()
    const file = join(t.dir, 'platform-tokens.json')
    const store = new FileTokenStore(file)
    store.save({ app: { accessToken: 'a', expiresAt: 1 } })
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(store.load()).toEqual({ app: { accessToken: 'a', expiresAt: 1 } })
    writeFileSync(file, '{not json')
    expect(store.load()).toEqual({})
    t.cleanup()
  })
})
