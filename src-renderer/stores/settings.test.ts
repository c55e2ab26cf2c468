// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useSettingsStore } from './settings'
import { setTransport } from '../transport'
import { FakeTransport, type FakeAnswer } from '../transport/fake-transport'
import { i18n } from '../i18n'
import { AppError } from '../../src-shared/errors'

const base: FakeAnswer<'settings:get'> = {
  language: 'zh-CN',
  classroomPort: 8848,
  platformUrl: 'http://127.0.0.1:8787',
  effectiveLessonMinutes: 15,
  idleMinutes: 5,
  activityRegion: null,
  dataDir: '/d'
}

let fake: FakeTransport
/** What the settings service has saved. */
let saved: FakeAnswer<'settings:get'>

/** Answers from a plain object, as the services would; `refuse` turns every update down. */
function serveSettings(opts: { refuse?: boolean } = {}): void {
  saved = { ...base }
  fake
    .handle('settings:get', () => saved)
    .handle('settings:update', (patch) => {
      if (opts.refuse) throw new AppError('VALIDATION', '输入无效', 'Invalid input')
      return (saved = { ...saved, ...patch })
    })
}

beforeEach(() => {
  setActivePinia(createPinia())
  fake = new FakeTransport()
  setTransport(fake)
})
afterEach(() => {
  fake.verify()
  setTransport(null)
})

describe('settings store', () => {
  it('hydrates from the services and applies the language', async () => {
    serveSettings()
    saved.language = 'en'
    const store = useSettingsStore()
    await store.hydrate()
    expect(store.settings?.language).toBe('en')
    expect(i18n.global.locale.value).toBe('en')
    expect(document.documentElement.lang).toBe('en')
  })

  it('rolls back an optimistic update the service refuses, and keeps the error', async () => {
    serveSettings({ refuse: true })
    const store = useSettingsStore()
    await store.hydrate()
    const ok = await store.update({ language: 'en' })
    expect(ok).toBe(false)
    expect(store.settings?.language).toBe('zh-CN')
    expect(i18n.global.locale.value).toBe('zh-CN')
    expect(store.error?.toData()).toEqual({ code: 'VALIDATION', message: '输入无效', messageEn: 'Invalid input' })
  })

  it('follows a change saved in another window', async () => {
    serveSettings()
    const store = useSettingsStore()
    await store.hydrate()
    fake.emit('settings:changed', { ...base, idleMinutes: 8, language: 'en' })
    expect(store.settings?.idleMinutes).toBe(8)
    expect(i18n.global.locale.value).toBe('en')
    store.reset()
    expect(fake.listenerCount('settings:changed')).toBe(0)
  })
})
