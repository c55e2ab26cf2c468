import { describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { tempDir } from '../../test-utils/temp-dir'
import { createAppCore } from '../../app-core'
import { dispatch } from '../handler-table'

const ctx = { host: 'browser' as const, senderId: 'test' }

describe('教案 and 公开课 handlers', () => {
  it('run through the contract, which refuses bad input before the services see it', async () => {
    const t = tempDir()
    const core = createAppCore({ dataDir: t.dir, host: 'browser', version: '0.0.0-test' })
    try {
      const doc = await dispatch(core.table, 'courseware:create', { title: '勾股定理' }, ctx)
      if (!doc.ok) throw new Error(doc.error.messageEn)
      const docId = (doc.result as { docId: string }).docId
      const created = await dispatch(core.table, 'lesson-plan:create', { docId }, ctx)
      expect(created).toMatchObject({ ok: true, result: { plan: { title: '勾股定理 教学设计' }, dirty: true } })
      const planId = (created as { result: { plan: { id: string } } }).result.plan.id
      const saved = await dispatch(
        core.table,
        'lesson-plan:save',
        { docId, plan: { id: planId, title: '勾股定理', html: '<p onclick="x()">一</p><script>y()</script>' } },
        ctx
      )
      expect(saved).toMatchObject({ ok: true, result: { plan: { html: '<p>一</p>' } } })
      const exported = await dispatch(core.table, 'lesson-plan:export-docx', { docId, planId }, ctx)
      expect(exported).toMatchObject({ ok: true, result: { fileName: '勾股定理.docx' } })

      for (const [channel, input] of [
        ['lesson-plan:save', { docId, plan: { id: planId, title: '', html: '<p>x</p>' } }],
        ['lesson-plan:save', { docId, plan: { id: planId, title: 't' } }],
        ['lesson-plan:export-docx', { docId, planId, name: '' }],
        ['open-lesson:share', { docId, level: '国家级', clientKey: randomUUID() }],
        ['open-lesson:share', { docId, level: '校级', clientKey: 'not-a-uuid' }],
        ['open-lesson:status', { shareId: 'one' }]
      ] as const) {
        const r = await dispatch(core.table, channel, input, ctx)
        expect(r, `${channel} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      }
      // Nobody is signed in: the share is refused with what to do, and nothing is queued.
      const share = await dispatch(
        core.table,
        'open-lesson:share',
        { docId, level: '校级', clientKey: randomUUID() },
        ctx
      )
      expect(share).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
      expect((share as { error: { message: string } }).error.message).toContain('请先在“同步”页登录教育平台')
      const prepared = await dispatch(core.table, 'open-lesson:prepare', { docId }, ctx)
      expect(prepared).toMatchObject({ ok: true, result: { saved: false, chapter: null, teacher: null } })
    } finally {
      await core.dispose()
      t.cleanup()
    }
  })
})
