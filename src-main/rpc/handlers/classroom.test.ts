import { afterEach, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../app-core'
import { dispatch } from '../handler-table'
import { tempDir } from '../../test-utils/temp-dir'

const ctx = { host: 'browser' as const, senderId: 'test' }

describe('classroom handlers', () => {
  let core: AppCore
  let t: ReturnType<typeof tempDir>
  afterEach(async () => {
    await core?.dispose()
    t?.cleanup()
  })

  it('opens class, launches a question and publishes its tally through the contract', async () => {
    t = tempDir()
    core = createAppCore({ dataDir: t.dir, host: 'browser', version: 'test' })
    const seen: string[] = []
    core.hub.subscribe((channel) => seen.push(channel))
    const opened = await dispatch(core.table, 'classroom:open', { host: '127.0.0.1', port: 0, title: '初二(3)班' }, ctx)
    expect(opened).toMatchObject({ ok: true, result: { open: true, title: '初二(3)班' } })
    const launched = await dispatch(
      core.table,
      'classroom:launch',
      { spec: { kind: 'truefalse', prompt: '对吗', correct: true } },
      ctx
    )
    expect(launched.ok).toBe(true)
    const bad = await dispatch(core.table, 'classroom:launch', { spec: { kind: 'single', options: ['only one'] } }, ctx)
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    await new Promise((r) => setTimeout(r, 150))
    expect(seen).toContain('classroom:tally')
    expect(seen).toContain('classroom:status-changed')
    const closed = await dispatch(core.table, 'classroom:close', {}, ctx)
    expect(closed).toMatchObject({ ok: true, result: { open: false } })
    const notOpen = await dispatch(core.table, 'classroom:remote-token', {}, ctx)
    expect(notOpen).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})
