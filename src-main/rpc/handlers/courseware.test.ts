import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { tempDir } from '../../test-utils/temp-dir'
import { createAppCore } from '../../app-core'
import { dispatch } from '../handler-table'

const ctx = { host: 'browser' as const, senderId: 'test' }

describe('courseware handlers', () => {
  it('create → update → save → close → open round trip through the contract', async () => {
    const t = tempDir()
    const core = createAppCore({ dataDir: t.dir, host: 'browser', version: '0.0.0-test' })
    try {
      const call = async (channel: string, input: unknown) => {
        const r = await dispatch(core.table, channel, input, ctx)
        if (!r.ok) throw new Error(`${channel}: ${r.error.messageEn}`)
        return r.result as Record<string, never>
      }
      const templates = (await call('courseware:templates', {})) as unknown as { id: string }[]
      // title, content, question, summary and 一节课 (the lesson outline)
      expect(templates.length).toBe(5)
      const doc = (await call('courseware:create', { title: '光合作用', template: 'content' })) as unknown as {
        docId: string
        deck: { slides: { notes: string }[] }
      }
      const deck = structuredClone(doc.deck)
      deck.slides[0]!.notes = '叶绿体'
      expect(await call('courseware:update', { docId: doc.docId, deck })).toEqual({ docId: doc.docId, dirty: true })
      const saved = (await call('courseware:save', {
        docId: doc.docId,
        manifest: { original: true }
      })) as unknown as { path: string }
      const path = join(t.dir, 'decks', '光合作用.edux')
      expect(saved.path).toBe(path)
      await call('courseware:close', { docId: doc.docId })
      const reopened = (await call('courseware:open', { path })) as unknown as { deck: { slides: { notes: string }[] } }
      expect(reopened.deck.slides[0]!.notes).toBe('叶绿体')
      const list = (await call('courseware:list', {})) as unknown as { title: string }[]
      expect(list.map((d) => d.title)).toEqual(['光合作用'])
      // The contract checks the deck once, before the service sees it.
      const bad = await dispatch(core.table, 'courseware:update', { docId: doc.docId, deck: { nope: 1 } }, ctx)
      expect(bad.ok).toBe(false)
      const wrongAspect = await dispatch(
        core.table,
        'courseware:update',
        { docId: doc.docId, deck: { ...doc.deck, aspect: '21:9' } },
        ctx
      )
      expect(wrongAspect).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      // A path is not a name: the renderer cannot choose where the service writes.
      const withPath = await dispatch(core.table, 'courseware:save', { docId: doc.docId, path: '/etc/x.edux' }, ctx)
      expect(withPath).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    } finally {
      await core.dispose()
      t.cleanup()
    }
  })
})
