// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setTransport } from '../../../transport'
import { FakeTransport } from '../../../transport/fake-transport'
import { lessonStatus, lessonSummary } from '../../../test-utils/lessons'
import { useOpenLessonCheck } from './use-open-lesson-check'

let fake: FakeTransport
beforeEach(() => {
  fake = new FakeTransport({
    'lessons:current': () => ({ status: lessonStatus('L7', 60_000) }),
    'lessons:list': () => ({
      items: [lessonSummary('L7', { className: '八年级3班', endedAt: null, endReason: null, effective: null })],
      total: 1
    })
  })
  setTransport(fake)
})
afterEach(() => {
  fake.verify()
  setTransport(null)
})

describe('starting a lesson while another is open', () => {
  it('asks first, naming the open lesson’s class, and starts only when the teacher goes on', async () => {
    const check = useOpenLessonCheck()
    let started = 0
    await check.guard(async () => void started++)
    expect(started).toBe(0)
    expect(check.pending.value).toMatchObject({ sessionId: 'L7', className: '八年级3班' })
    check.cancel()
    expect(check.pending.value).toBeNull()
    await check.guard(async () => void started++)
    await check.proceed()
    expect(started).toBe(1)
    expect(check.pending.value).toBeNull()
  })

  it('starts at once when no lesson is open', async () => {
    fake.handle('lessons:current', () => ({ status: null }))
    const check = useOpenLessonCheck()
    let started = 0
    await check.guard(async () => void started++)
    expect(started).toBe(1)
    expect(check.pending.value).toBeNull()
  })
})
