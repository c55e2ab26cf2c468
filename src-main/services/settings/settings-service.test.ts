import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { StorageService } from '../storage'
import { coreMigration } from '../storage/migrations'
import { SettingsService } from './settings-service'
import { createAppCore, type AppCore } from '../../app-core'
import { dispatch } from '../../rpc/handler-table'
import { tempDir } from '../../test-utils/temp-dir'

describe('SettingsService', () => {
  let t: ReturnType<typeof tempDir>
  let storage: StorageService
  let settings: SettingsService
  beforeEach(() => {
    t = tempDir()
    storage = StorageService.open({ file: join(t.dir, 'c.db'), migrations: [coreMigration], appVersion: 'test' })
    settings = new SettingsService({ storage, dataDir: t.dir })
  })
  afterEach(() => {
    storage.close()
    t.cleanup()
  })

  it('starts with Chinese and the documented defaults', () => {
    expect(settings.get()).toEqual({
      language: 'zh-CN',
      classroomPort: 8848,
      platformUrl: 'http://127.0.0.1:8787',
      effectiveLessonMinutes: 15,
      idleMinutes: 5,
      activityRegion: null,
      activityMinLessonMinutes: 5,
      dataDir: t.dir
    })
  })

  it('keeps an update across a reopen and tells listeners', () => {
    const seen: string[] = []
    settings.onDidChange((v) => seen.push(v.language))
    settings.update({ language: 'en', classroomPort: 9000 })
    expect(seen).toEqual(['en'])
    storage.close()
    storage = StorageService.open({ file: join(t.dir, 'c.db'), migrations: [coreMigration], appVersion: 'test' })
    const again = new SettingsService({ storage, dataDir: t.dir })
    expect(again.get()).toMatchObject({ language: 'en', classroomPort: 9000 })
  })

  it('recovers a damaged stored value to its default instead of failing', () => {
    storage.db
      .prepare("INSERT INTO settings VALUES ('classroomPort', '\"not a port\"', 'x'), ('language', '{broken', 'x')")
      .run()
    expect(settings.get()).toMatchObject({ classroomPort: 8848, language: 'zh-CN' })
  })
})

describe('settings:update through the handler table', () => {
  const ctx = { host: 'browser', senderId: 'test' } as const
  let t: ReturnType<typeof tempDir>
  let core: AppCore
  beforeEach(() => {
    t = tempDir()
    core = createAppCore({ dataDir: t.dir, host: 'browser', version: 'test' })
  })
  afterEach(async () => {
    await core.dispose()
    t.cleanup()
  })

  it('refuses a bad patch as a whole, naming the field, and keeps what was saved', async () => {
    expect(await dispatch(core.table, 'settings:update', { classroomPort: 9000 }, ctx)).toMatchObject({ ok: true })
    const r = await dispatch(
      core.table,
      'settings:update',
      { classroomPort: 9001, platformUrl: 'javascript:alert(1)' },
      ctx
    )
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(!r.ok && r.error.message).toContain('platformUrl')
    expect(core.services.settings.get().classroomPort).toBe(9000)
  })

  it('refuses unknown keys', async () => {
    const r = await dispatch(core.table, 'settings:update', { dataDir: '/etc' }, ctx)
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(core.services.settings.get().dataDir).toBe(t.dir)
  })
})
