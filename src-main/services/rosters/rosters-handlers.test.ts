import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../app-core'
import { dispatch } from '../../rpc/handler-table'
import { tempDir } from '../../test-utils/temp-dir'

const ctx = { host: 'browser', senderId: 'test' } as const

describe('rosters calls through the handler table', () => {
  let t: ReturnType<typeof tempDir>
  let core: AppCore
  const start = (): AppCore => createAppCore({ dataDir: t.dir, host: 'browser', version: 'test' })
  beforeEach(() => {
    t = tempDir()
    core = start()
  })
  afterEach(async () => {
    await core.dispose()
    t.cleanup()
  })

  it('saves a class in the data folder, publishes the change, and a second start of the host still has it', async () => {
    const published: [string, unknown][] = []
    core.hub.subscribe((ch, payload) => published.push([ch, payload]))
    const r = await dispatch(
      core.table,
      'rosters:save',
      { id: 'local-a', name: '七年级1班', students: ['张三', '李四'] },
      ctx
    )
    expect(r).toMatchObject({ ok: true, result: { id: 'local-a', students: ['张三', '李四'], locked: false } })
    expect(published).toEqual([
      [
        'rosters:changed',
        expect.objectContaining({ kind: 'saved', roster: expect.objectContaining({ id: 'local-a' }) })
      ]
    ])
    await core.dispose()
    core = start()
    expect(await dispatch(core.table, 'rosters:list', {}, ctx)).toMatchObject({
      ok: true,
      result: { classes: [{ id: 'local-a', name: '七年级1班' }] }
    })
  })

  it('carries a refusal to the renderer as typed error data in both languages', async () => {
    const r = await dispatch(core.table, 'rosters:save', { name: '一班', students: ['甲'.repeat(21)] }, ctx)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION')
      expect(r.error.message).toMatch(/^班级名单没有保存：第 1 个名字“.*”超过 20 个字/)
      expect(r.error.messageEn).toMatch(/^The class was not saved: Name 1 .* is longer than 20 characters/)
    }
    const bad = await dispatch(core.table, 'rosters:remove', { id: '../etc' }, ctx)
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})
