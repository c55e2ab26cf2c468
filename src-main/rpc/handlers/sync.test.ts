import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { createAppCore, type AppCore } from '../../app-core'
import { dispatch } from '../handler-table'
import { tempDir } from '../../test-utils/temp-dir'
import { startPlatformServer, type PlatformServer } from '../../../tools/platform-server/server'
import { browserSignIn } from '../../../tools/platform-server/testing'

const ctx = { host: 'browser', senderId: 'test' } as const

describe('sync calls through the handler table, against the reference platform', () => {
  let t: ReturnType<typeof tempDir>
  let core: AppCore
  let server: PlatformServer
  let now: number

  beforeEach(async () => {
    t = tempDir()
    server = await startPlatformServer({ dataDir: join(t.dir, 'platform') })
    now = Date.now()
    core = createAppCore({ dataDir: join(t.dir, 'app'), host: 'browser', version: 'test', clock: () => new Date(now) })
  })
  afterEach(async () => {
    await core.dispose()
    await server.close()
    t.cleanup()
  })

  async function call<T = unknown>(channel: string, input: unknown = {}): Promise<T> {
    const r = await dispatch(core.table, channel, input, ctx)
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    return r.result as T
  }

  it('signs in, teaches a 15-minute lesson, syncs it, and the platform counts it once', async () => {
    await call('settings:update', { platformUrl: server.url })
    expect(await call('sync:status')).toMatchObject({ phase: 'signed-out', signedIn: false, platformUrl: server.url })

    const { authorizeUrl } = await call<{ authorizeUrl: string }>('sync:sign-in-start')
    const completing = call<{ name: string }>('sync:sign-in-complete', { timeoutMs: 10_000 })
    expect((await browserSignIn(authorizeUrl, 'wanglihua', 'classdeck')).status).toBe(200)
    expect((await completing).name).toBe('王丽华')

    const classes = await call<{ classes: { id: string; name: string; students: unknown[] }[] }>('sync:classes', {
      refresh: true
    })
    const cls = classes.classes[0]!
    const s = await call<{ sessionId: string }>('lessons:start', {
      classId: cls.id,
      className: cls.name,
      deckId: 'd1',
      deckTitle: '秒的认识',
      chapterId: 'xx-sx-rj-3a-c1-s1'
    })
    for (let i = 0; i < 185; i++) {
      now += 5000
      await call('lessons:heartbeat', { sessionId: s.sessionId })
      if (i % 12 === 0) await call('lessons:activity', { sessionId: s.sessionId }) // a tap a minute
    }
    await call('lessons:end', { sessionId: s.sessionId })

    await call('sync:now')
    const end = Date.now() + 10_000
    let status = await call<{ counts: { sent: number; pending: number } }>('sync:status')
    while (status.counts.sent < 1 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 25))
      status = await call('sync:status')
    }
    expect(status.counts).toMatchObject({ sent: 1, pending: 0 })
    const rows = server.db
      .prepare('SELECT client_record_id, class_id, title, counted, active_seconds FROM lesson_records')
      .all()
    expect(rows).toEqual([
      { client_record_id: s.sessionId, class_id: cls.id, title: '秒的认识', counted: 1, active_seconds: 925 }
    ])
    const items = await call<{ label: string; state: string }[]>('sync:items', { limit: 10 })
    expect(items).toMatchObject([{ state: 'sent' }])
  })

  it('answers the catalogue from the offline cache once fetched, and says why it is stale', async () => {
    await call('settings:update', { platformUrl: server.url })
    const fresh = await call<{ fromCache: boolean; catalogue: { nodes: { name: string }[] } }>('sync:catalogue', {
      refresh: true
    })
    expect(fresh.fromCache).toBe(false)
    expect(fresh.catalogue.nodes.some((n) => n.name === '三年级上册')).toBe(true)
    await server.close()
    const stale = await call<{ fromCache: boolean; staleBecause: { code: string; message: string } | null }>(
      'sync:catalogue',
      { refresh: true }
    )
    expect(stale.fromCache).toBe(true)
    expect(stale.staleBecause?.message).toContain('无法连接教育平台')
  })

  it('refuses to complete a sign-in that was never started, with a message that says what to do', async () => {
    const r = await dispatch(core.table, 'sync:sign-in-complete', { timeoutMs: 1000 }, ctx)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('请先点“登录”')
  })
})
