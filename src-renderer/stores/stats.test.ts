// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useStatsStore } from './stats'
import { useSettingsStore } from './settings'
import { setTransport } from '../transport'
import { FakeTransport, type FakeAnswer } from '../transport/fake-transport'

const region = (id: string): FakeAnswer<'stats:regions'>['items'][number] => ({
  id,
  name: id,
  nameEn: id,
  source: '',
  caveat: '',
  rules: []
})

const estimateWindow = (points: number): FakeAnswer<'stats:activity'>['week'] => ({
  from: '2026-03-01',
  to: '2026-03-07',
  label: '本周',
  labelEn: 'This week',
  points,
  rules: []
})

let fake: FakeTransport
let settings: FakeAnswer<'settings:get'>

/** The stats and settings services: one class, two regions, and settings kept in memory. */
function serveStats(): void {
  fake
    .handle('stats:classes', () => ({
      items: [{ classId: 'c1', className: '一班', lessons: 3, lastTaughtAt: '2026-03-02T08:00:00.000Z' }]
    }))
    .handle('stats:regions', () => ({ items: [region('a'), region('b')] }))
    .handle('stats:class', (input) => ({
      classId: input.classId,
      className: '一班',
      period: { from: '2026-03-01', to: '2026-03-07', label: '本周', labelEn: 'This week', bucket: 'day' },
      lessons: { taught: 3, minutes: 120, effective: 2, tools: [] },
      questions: {
        runs: 0,
        answers: 0,
        participation: null,
        correctRate: null,
        perQuestion: [],
        perChapter: [],
        perStudent: []
      },
      charts: []
    }))
    .handle('stats:activity', (input) => ({
      region: region(input.regionId),
      estimate: true,
      disclaimer: '估算',
      disclaimerEn: 'An estimate',
      week: estimateWindow(5),
      month: estimateWindow(9)
    }))
    .handle('settings:get', () => settings)
    .handle('settings:update', (patch) => (settings = { ...settings, ...patch }))
}

beforeEach(() => {
  setActivePinia(createPinia())
  settings = {
    language: 'zh-CN',
    classroomPort: 8848,
    platformUrl: 'http://127.0.0.1:8787',
    effectiveLessonMinutes: 15,
    idleMinutes: 5,
    activityRegion: null,
    dataDir: '/d'
  }
  fake = new FakeTransport()
  serveStats()
  setTransport(fake)
})
afterEach(() => {
  fake.verify()
  setTransport(null)
})

describe('stats store', () => {
  it('opens on the most recent class this week, and the region from settings', async () => {
    settings.activityRegion = 'b'
    await useSettingsStore().hydrate()
    const store = useStatsStore()
    await store.hydrate()
    expect(store.classId).toBe('c1')
    expect(store.stats?.className).toBe('一班')
    expect(fake.callsTo('stats:class')[0]!.period).toMatchObject({ kind: 'week' })
    expect(store.activity?.region.id).toBe('b')
  })

  it('reloads for a new period and keeps a chosen region in settings', async () => {
    const store = useStatsStore()
    await store.hydrate()
    await store.setPeriod({ kind: 'custom', from: '2026-03-01', to: '2026-03-31' })
    expect(fake.callsTo('stats:class').at(-1)!.period).toEqual({
      kind: 'custom',
      from: '2026-03-01',
      to: '2026-03-31'
    })
    expect(fake.callsTo('stats:activity').at(-1)!.date).toBe('2026-03-31')
    await store.selectRegion('b')
    expect(fake.callsTo('settings:update')[0]).toEqual({ activityRegion: 'b' })
    expect(settings.activityRegion).toBe('b')
  })
})
