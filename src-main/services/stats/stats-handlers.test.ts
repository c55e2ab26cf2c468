/**
 * The library, question bank and statistics calls through the real composition root and handler
 * table: what the renderer does, end to end below the transport.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createAppCore, type AppCore } from '../../app-core'
import { dispatch } from '../../rpc/handler-table'
import { tempDir } from '../../test-utils/temp-dir'
import { makeDocx } from '../library/docx-fixture'

const ctx = { host: 'browser', senderId: 'test' } as const
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64')

describe('library, question bank and stats calls through the handler table', () => {
  let t: ReturnType<typeof tempDir>
  let core: AppCore
  let now: number
  beforeEach(() => {
    t = tempDir()
    now = Date.parse('2026-03-02T01:00:00.000Z')
    core = createAppCore({ dataDir: t.dir, host: 'browser', version: 'test', clock: () => new Date(now) })
  })
  afterEach(async () => {
    await core.dispose()
    t.cleanup()
  })

  async function call<T = unknown>(channel: string, input: unknown): Promise<T> {
    const r = await dispatch(core.table, channel, input, ctx)
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    return r.result as T
  }

  it('files a resource on a chapter, finds it by search and publishes the change', async () => {
    const published: string[] = []
    core.hub.subscribe((ch) => published.push(ch))
    const chapter = { chapter: { id: 'ch17', name: '第十七章 勾股定理' } }
    const path = join(t.dir, '勾股定理教案.docx')
    writeFileSync(path, makeDocx(['探究直角三角形三边关系']))
    const added = await call<{ resource: { id: string } }>('library:add', { path, chapter })
    expect(await call('library:search', { q: '三边' })).toMatchObject({
      total: 1,
      items: [{ id: added.resource.id, chapter }]
    })
    expect(await call('library:tree', {})).toMatchObject({ total: 1, nodes: [{ id: 'ch17', count: 1 }] })
    expect(published).toContain('library:changed')
    const bad = await dispatch(core.table, 'library:search', { q: 5 }, ctx)
    expect(bad.ok).toBe(false)
  })

  it('imports questions from Word and lists them', async () => {
    const r = await call<{ added: unknown[] }>('question-bank:import-word', {
      fileName: 'q.docx',
      dataBase64: b64(makeDocx(['1. 1+1=？', 'A. 1 B. 2', '答案：B']))
    })
    expect(r.added).toHaveLength(1)
    expect(await call('question-bank:list', {})).toMatchObject({ total: 1 })
  })

  it('shows a lesson in the class statistics and estimates activity', async () => {
    const s = await call<{ sessionId: string }>('lessons:start', {
      classId: 'c1',
      className: '一班',
      deckId: 'd1',
      deckTitle: '勾股定理'
    })
    for (let i = 0; i < 20; i++) {
      now += 60_000
      await call('lessons:activity', { sessionId: s.sessionId })
    }
    await call('lessons:end', { sessionId: s.sessionId })
    expect(await call('stats:classes', {})).toMatchObject({ items: [{ classId: 'c1', className: '一班', lessons: 1 }] })
    const st = await call<{ lessons: unknown }>('stats:class', {
      classId: 'c1',
      period: { kind: 'week', date: '2026-03-02' }
    })
    expect(st.lessons).toMatchObject({ taught: 1, minutes: 20, effective: 1 })
    const regions = await call<{ items: { id: string }[] }>('stats:regions', {})
    expect(regions.items.map((r) => r.id)).toContain('zhejiang-zhijianghui')
    const a = await call<{ estimate: boolean; week: { points: number } }>('stats:activity', {
      regionId: 'zhejiang-zhijianghui',
      date: '2026-03-02'
    })
    // 互动授课 5 + 课堂教学 5 + one active day 1
    expect(a).toMatchObject({ estimate: true, week: { points: 11 } })
  })
})
