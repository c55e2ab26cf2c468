import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../app-core'
import { dispatch } from '../../rpc/handler-table'
import { tempDir } from '../../test-utils/temp-dir'

const ctx = { host: 'browser', senderId: 'test' } as const

describe('lessons calls through the handler table', () => {
  let t: ReturnType<typeof tempDir>
  let core: AppCore
  let now: number
  beforeEach(() => {
    t = tempDir()
    now = Date.parse('2026-03-02T08:00:00.000Z')
    core = createAppCore({ dataDir: t.dir, host: 'browser', version: 'test', clock: () => new Date(now) })
  })
  afterEach(async () => {
    await core.dispose()
    t.cleanup()
  })

  async function call(channel: string, input: unknown): Promise<unknown> {
    const r = await dispatch(core.table, channel, input, ctx)
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    return r.result
  }

  it('runs a lesson from start to end under the teacher settings and publishes its end', async () => {
    await call('settings:update', { effectiveLessonMinutes: 1 })
    const published: string[] = []
    core.hub.subscribe((ch) => published.push(ch))
    const s = (await call('lessons:start', { classId: 'c1', className: '一班', deckId: 'd1', deckTitle: '课件' })) as {
      sessionId: string
    }
    for (let i = 0; i < 13; i++) {
      now += 5000
      await call('lessons:heartbeat', { sessionId: s.sessionId })
    }
    await call('lessons:record-tool', { sessionId: s.sessionId, tool: 'spotlight' })
    expect(core.services.lessons.status(s.sessionId)).toMatchObject({
      activeMs: 65_000,
      effective: true
    })
    const summary = await call('lessons:end', { sessionId: s.sessionId })
    expect(summary).toMatchObject({ effective: true, effectiveMinutes: 1, toolsUsed: ['spotlight'] })
    expect(published).toContain('lessons:ended')
    expect(await call('lessons:list', {})).toMatchObject({ total: 1 })
  })

  it('rejects a tool the contract does not know, naming the field', async () => {
    const s = (await call('lessons:start', { classId: 'c1', className: '一班', deckId: 'd1', deckTitle: '课件' })) as {
      sessionId: string
    }
    const r = await dispatch(core.table, 'lessons:record-tool', { sessionId: s.sessionId, tool: 'laser-sword' }, ctx)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ code: 'VALIDATION' })
    if (!r.ok) expect(r.error.message).toMatch(/tool/)
  })

  it('keeps 小组PK scores in the lesson record, the last ones being the final scores, and refuses bad ones', async () => {
    const s = (await call('lessons:start', { classId: 'c1', className: '一班', deckId: 'd1', deckTitle: '课件' })) as {
      sessionId: string
    }
    const scores = (a: number, b: number) => [
      { name: '红队', score: a },
      { name: '蓝队', score: b }
    ]
    await call('lessons:record-tool', { sessionId: s.sessionId, tool: 'scoreboard', scores: scores(1, 0) })
    await call('lessons:record-tool', { sessionId: s.sessionId, tool: 'scoreboard', scores: scores(3, 2) })
    const one = await dispatch(
      core.table,
      'lessons:record-tool',
      { sessionId: s.sessionId, tool: 'scoreboard', scores: [{ name: '独苗', score: 1 }] },
      ctx
    )
    expect(one.ok).toBe(false)
    await call('lessons:end', { sessionId: s.sessionId })
    const d = core.services.lessons.get(s.sessionId)
    expect(d.toolsUsed).toEqual(['scoreboard'])
    const kept = d.events.filter((e) => e.ref === 'scoreboard').map((e) => JSON.parse(e.detail!) as unknown)
    expect(kept).toEqual([{ scores: scores(1, 0) }, { scores: scores(3, 2) }])
  })

  it('counts lesson time by the host’s clock only: no call moves it, whatever the environment says', async () => {
    const before = process.env.CLASSDECK_TEST_CLOCK
    try {
      // The variable that once let a test host move the clock over the contract.
      process.env.CLASSDECK_TEST_CLOCK = '1'
      const s = (await call('lessons:start', {
        classId: 'c1',
        className: '一班',
        deckId: 'd1',
        deckTitle: '课件'
      })) as { sessionId: string }
      const moved = await dispatch(core.table, 'lessons:test-advance-clock', { ms: 4 * 60_000 }, ctx)
      expect(moved.ok).toBe(false)
      expect(await call('lessons:activity', { sessionId: s.sessionId })).toMatchObject({ activeMs: 0, elapsedMs: 0 })
      now += 4 * 60_000
      expect(await call('lessons:activity', { sessionId: s.sessionId })).toMatchObject({
        activeMs: 240_000,
        elapsedMs: 240_000
      })
    } finally {
      if (before === undefined) delete process.env.CLASSDECK_TEST_CLOCK
      else process.env.CLASSDECK_TEST_CLOCK = before
    }
  })
})
