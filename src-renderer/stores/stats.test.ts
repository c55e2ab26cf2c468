// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useStatsStore } from './stats'
import { useSettingsStore } from './settings'
import { setTransport, type Transport } from '../transport'

const settings: Record<string, unknown> = {}

function fakeTransport(): Transport & { calls: { channel: string; input: Record<string, unknown> }[] } {
  const t = {
    calls: [] as { channel: string; input: Record<string, unknown> }[],
    state: 'open' as const,
    async invoke(channel: string, input: Record<string, unknown>) {
      t.calls.push({ channel, input })
      switch (channel) {
        case 'stats:classes':
          return { items: [{ classId: 'c1', className: '一班', lessons: 3, lastTaughtAt: '' }] }
        case 'stats:regions':
          return {
            items: [
              { id: 'a', name: 'A', nameEn: 'A', source: '', caveat: '', rules: [] },
              { id: 'b', name: 'B', nameEn: 'B', source: '', caveat: '', rules: [] }
            ]
          }
        case 'stats:class':
          return { classId: input.classId, className: '一班' }
        case 'settings:get':
          return { ...settings }
        case 'settings:update':
          Object.assign(settings, input)
          return { ...settings }
        case 'stats:activity':
          return { region: { id: input.regionId }, week: { points: 5 }, month: { points: 9 } }
        default:
          throw new Error(`unexpected ${channel}`)
      }
    },
    on: () => () => {},
    onConnectionChange: () => () => {}
  }
  return t as unknown as Transport & { calls: { channel: string; input: Record<string, unknown> }[] }
}

describe('stats store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    for (const k of Object.keys(settings)) delete settings[k]
    Object.assign(settings, {
      language: 'zh-CN',
      classroomPort: 8848,
      platformUrl: 'http://127.0.0.1:8787',
      effectiveLessonMinutes: 15,
      idleMinutes: 5,
      activityRegion: null,
      dataDir: '/d'
    })
  })

  it('opens on the most recent class this week, and the region from settings', async () => {
    settings.activityRegion = 'b'
    const t = fakeTransport()
    setTransport(t)
    await useSettingsStore().hydrate()
    const store = useStatsStore()
    await store.hydrate()
    expect(store.classId).toBe('c1')
    expect(store.stats?.className).toBe('一班')
    expect(t.calls.find((c) => c.channel === 'stats:class')!.input.period).toMatchObject({ kind: 'week' })
    expect(store.activity?.region.id).toBe('b')
  })

  it('reloads for a new period and keeps a chosen region in settings', async () => {
    const t = fakeTransport()
    setTransport(t)
    const store = useStatsStore()
    await store.hydrate()
    await store.setPeriod({ kind: 'custom', from: '2026-03-01', to: '2026-03-31' })
    expect(t.calls.filter((c) => c.channel === 'stats:class').at(-1)!.input.period).toEqual({
      kind: 'custom',
      from: '2026-03-01',
      to: '2026-03-31'
    })
    expect(t.calls.filter((c) => c.channel === 'stats:activity').at(-1)!.input.date).toBe('2026-03-31')
    await store.selectRegion('b')
    expect(t.calls.find((c) => c.channel === 'settings:update')!.input).toEqual({ activityRegion: 'b' })
    expect(settings.activityRegion).toBe('b')
  })
})
