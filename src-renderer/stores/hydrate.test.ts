// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { hydrate, reset } from './hydrate'
import { useClassroomStore } from './classroom'
import { useLessonsStore } from './lessons'
import { useRostersStore } from './rosters'
import { setTransport } from '../transport'
import { FakeTransport } from '../transport/fake-transport'
import { closedStatus, runs } from '../test-utils/classroom'
import { roster, serveRosters } from '../test-utils/rosters'
import { lessonSummary } from '../test-utils/lessons'
import { AppError } from '../../src-shared/errors'

let fake: FakeTransport
beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.clear()
  fake = new FakeTransport({
    'settings:get': () => ({
      language: 'zh-CN',
      classroomPort: 8848,
      platformUrl: 'http://127.0.0.1:8787',
      effectiveLessonMinutes: 15,
      idleMinutes: 5,
      activityRegion: null,
      dataDir: '/d'
    }),
    'classroom:status': () => closedStatus(),
    'classroom:interfaces': () => [],
    'classroom:runs': () => runs(2),
    'lessons:list': () => ({ items: [lessonSummary('L1')], total: 1 })
  })
  serveRosters(fake, { have: [roster('local-1', '七年级1班', ['张三'])] })
  setTransport(fake)
})
afterEach(() => {
  fake.verify()
  setTransport(null)
})

describe('hydrate', () => {
  it('reads settings first, then the stores the pages share', async () => {
    await hydrate()
    expect(fake.calls[0]!.channel).toBe('settings:get')
    expect(useClassroomStore().lastClassRuns).toBe(2)
    expect(useLessonsStore().records.total).toBe(1)
    expect(useRostersStore().classes.map((c) => c.id)).toEqual(['local-1'])
  })

  it('loads the other stores when one of them fails, and keeps that one’s error', async () => {
    fake.handle('classroom:status', () => {
      throw new AppError('UNAVAILABLE', '课堂服务暂时不可用', 'The classroom service is unavailable')
    })
    await hydrate()
    expect(useClassroomStore().error?.messageEn).toBe('The classroom service is unavailable')
    expect(useLessonsStore().records.total).toBe(1)
    expect(useRostersStore().loaded).toBe(true)
  })

  it('resets every store and leaves no listener behind', async () => {
    await hydrate()
    reset()
    for (const ch of ['classroom:status-changed', 'lessons:ended', 'rosters:changed', 'settings:changed'] as const)
      expect(fake.listenerCount(ch)).toBe(0)
  })
})
