// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useSettingsStore } from './settings'
import { setTransport, type Transport } from '../transport'
import { i18n } from '../i18n'
import { AppError } from '../../src-shared/errors'
import type { SettingsView } from '../../src-shared/contract/settings'

const base: SettingsView = {
  language: 'zh-CN',
  classroomPort: 8848,
  platformUrl: 'http://127.0.0.1:8787',
  effectiveLessonMinutes: 15,
  idleMinutes: 5,
  activityRegion: null,
  dataDir: '/d'
}

/** A transport that answers from a plain object, as the services would. */
function fakeTransport(opts: { refuse?: boolean } = {}): Transport & { saved: SettingsView } {
  const t = {
    saved: { ...base },
    state: 'open' as const,
    async invoke(channel: string, input: unknown) {
      if (channel === 'settings:get') return { ...t.saved }
      if (channel === 'settings:update') {
        if (opts.refuse) throw new AppError('VALIDATION', '输入无效', 'Invalid input')
        t.saved = { ...t.saved, ...(input as object) }
        return { ...t.saved }
      }
      throw new Error(`unexpected ${channel}`)
    },
    on: () => () => {},
    onConnectionChange: () => () => {}
  }
  return t as unknown as Transport & { saved: SettingsView }
}

describe('settings store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('hydrates from the services and applies the language', async () => {
    const t = fakeTransport()
    t.saved.language = 'en'
    setTransport(t)
    const store = useSettingsStore()
    await store.hydrate()
    expect(store.settings?.language).toBe('en')
    expect(i18n.global.locale.value).toBe('en')
    expect(document.documentElement.lang).toBe('en')
  })

  it('rolls back an optimistic update the service refuses, and keeps the error', async () => {
    setTransport(fakeTransport({ refuse: true }))
    const store = useSettingsStore()
    await store.hydrate()
    const ok = await store.update({ language: 'en' })
    expect(ok).toBe(false)
    expect(store.settings?.language).toBe('zh-CN')
    expect(i18n.global.locale.value).toBe('zh-CN')
    expect(store.error?.code).toBe('VALIDATION')
  })
})
