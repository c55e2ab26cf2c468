// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { flushPromises } from '@vue/test-utils'
import { useLessonsStore } from './lessons'
import { setTransport } from '../transport'
import { FakeTransport } from '../transport/fake-transport'
import { lessonSummary, manualEnv, serveLessons } from '../test-utils/lessons'
import { AppError } from '../../src-shared/errors'

const START = {
  classId: 'c1',
  className: '八年级2班',
  deckId: 'd1',
  deckTitle: '勾股定理',
  slideId: 's1',
  slideIndex: 0
}

let fake: FakeTransport
beforeEach(() => {
  setActivePinia(createPinia())
  fake = new FakeTransport({
    'lessons:list': () => ({ items: [lessonSummary('L0')], total: 7 })
  })
  setTransport(fake)
})
afterEach(() => {
  fake.verify()
  setTransport(null)
})

describe('lessons store', () => {
  it('hydrates the recent records and subscribes once', async () => {
    const store = useLessonsStore()
    await Promise.all([store.hydrate(), store.hydrate()])
    expect(store.records.items.map((i) => i.id)).toEqual(['L0'])
    expect(store.records.total).toBe(7)
    expect(fake.callsTo('lessons:list')[0]).toEqual({ limit: 20 })
    expect(fake.listenerCount('lessons:ended')).toBe(1)
  })

  it('lists a lesson that ended in another window first, and replaces one it already lists', async () => {
    const store = useLessonsStore()
    await store.hydrate()
    fake.emit('lessons:ended', lessonSummary('L1', { endReason: 'replaced', effective: false, activeMs: 60_000 }))
    expect(store.records.items.map((i) => i.id)).toEqual(['L1', 'L0'])
    expect(store.records.total).toBe(8)
    fake.emit('lessons:ended', lessonSummary('L0', { questionsRun: 4 }))
    expect(store.records.items.find((i) => i.id === 'L0')?.questionsRun).toBe(4)
    expect(store.records.total).toBe(8)
  })

  it('records a lesson played here: starts, beats on its timer, ends with the summary, and stops beating', async () => {
    serveLessons(fake)
    const env = manualEnv()
    const store = useLessonsStore()
    await store.hydrate()
    store.setRecorderEnv(env)
    const recorder = store.newRecorder()
    await store.start(START)
    expect(store.status?.sessionId).toBe('L1')
    env.beat()
    env.beat()
    await flushPromises()
    expect(store.status?.elapsedMs).toBe(120_000)
    expect(store.lastBeat).toBe('2026-11-25T08:02:00.000Z')
    recorder.tool('pen')
    await flushPromises()

    let seen: string | null = null
    const s = await store.end((sum) => (seen = sum.id))
    expect(s?.id).toBe('L1')
    expect(seen).toBe('L1')
    expect(store.summary?.id).toBe('L1')
    expect(store.records.items[0]?.id).toBe('L1') // listed at once, without reloading
    expect(env.ticking()).toBe(false)
    expect(fake.calls.map((c) => c.channel)).toEqual([
      'lessons:list',
      'lessons:start',
      'lessons:heartbeat',
      'lessons:heartbeat',
      'lessons:record-tool',
      'lessons:end'
    ])
  })

  it('gives each lesson a fresh recorder, so its tools are recorded again', async () => {
    serveLessons(fake)
    const store = useLessonsStore()
    store.setRecorderEnv(manualEnv())
    for (let i = 0; i < 2; i++) {
      const r = store.newRecorder()
      await store.start(START)
      r.tool('pen')
      await flushPromises()
      await store.end()
    }
    expect(fake.callsTo('lessons:record-tool')).toHaveLength(2)
  })

  it('surfaces a refused start in both languages, and a failed beat without stopping the next', async () => {
    fake.handle('lessons:start', () => {
      throw new AppError('VALIDATION', '班级名称太长', 'The class name is too long')
    })
    const store = useLessonsStore()
    store.setRecorderEnv(manualEnv())
    store.newRecorder()
    await store.start(START)
    expect(store.error?.toData()).toEqual({
      code: 'VALIDATION',
      message: '班级名称太长',
      messageEn: 'The class name is too long'
    })
    expect(store.status).toBeNull()
  })

  it('refuses, with the contract’s VALIDATION error, a start the service would refuse', async () => {
    serveLessons(fake)
    const store = useLessonsStore()
    store.setRecorderEnv(manualEnv())
    store.newRecorder()
    await store.start({ ...START, classId: '' })
    expect(store.error?.code).toBe('VALIDATION')
    expect(store.error?.message).toContain('classId')
    expect(store.status).toBeNull()
  })

  it('resets to nothing: no records, no recorder beating, no listener', async () => {
    serveLessons(fake)
    const env = manualEnv()
    const store = useLessonsStore()
    await store.hydrate()
    store.setRecorderEnv(env)
    store.newRecorder()
    await store.start(START)
    store.reset()
    expect(env.ticking()).toBe(false)
    expect(store.records).toEqual({ items: [], total: 0 })
    expect(store.status).toBeNull()
    expect(fake.listenerCount('lessons:ended')).toBe(0)
    expect(await store.end()).toBeNull()
  })
})
