/**
 * The last step of PDF import against the real handler table and a real SQLite data folder:
 * createPdfDocument (src-shared/courseware/pdf-pages.ts, called by the renderer after pdf.js has
 * drawn the pages) creates the document and stores the picture deck under the same deck id, and
 * when storing fails it closes the new document again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../app-core'
import { dispatch } from './handler-table'
import { tempDir } from '../test-utils/temp-dir'
import { createPdfDocument, type RenderedPage } from '../../src-shared/courseware/pdf-pages'
import type { CallChannel, CallInput, CallOutput } from '../../src-shared/contract'
import { AppError } from '../../src-shared/errors'

const ctx = { host: 'browser', senderId: 'test' } as const
const PNG = new Uint8Array(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
    'base64'
  )
)

describe('a PDF import becoming a document', () => {
  let t: ReturnType<typeof tempDir>
  let core: AppCore
  const calls: string[] = []
  let failUpdate = false
  let createdDocId: string | null = null

  async function invoke<C extends CallChannel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>> {
    calls.push(channel)
    // The one injected fault: the service refusing the deck (as it would a deck it finds invalid).
    if (failUpdate && channel === 'courseware:update') throw new AppError('VALIDATION', '课件数据无效', 'invalid deck')
    const r = await dispatch(core.table, channel, input, ctx)
    if (!r.ok) throw AppError.fromData(r.error)
    if (channel === 'courseware:create') createdDocId = (r.result as CallOutput<'courseware:create'>).docId
    return r.result as CallOutput<C>
  }

  async function pages(n: number, size: { width: number; height: number }): Promise<RenderedPage[]> {
    // The renderer uploads each page over HTTP (POST /media); here it goes straight into the same store.
    const media = await core.services.courseware.putMedia(PNG, 'png')
    return Array.from({ length: n }, () => ({ ...size, media }))
  }

  beforeEach(() => {
    t = tempDir()
    core = createAppCore({ dataDir: t.dir, host: 'browser', version: 'test' })
    calls.length = 0
    failUpdate = false
    createdDocId = null
  })
  afterEach(async () => {
    await core.dispose()
    t.cleanup()
  })

  it('creates an unsaved document holding one picture slide per page, under the deck id create gave', async () => {
    const { document, report } = await createPdfDocument(
      invoke,
      '三角形.pdf',
      await pages(3, { width: 793.7, height: 446.45 }),
      12
    )
    expect(calls.slice(-2)).toEqual(['courseware:create', 'courseware:update'])
    const stored = await invoke('courseware:get', { docId: document.docId })
    expect(stored.deck.id).toBe(document.docId)
    expect(stored.deck).toEqual(document.deck)
    expect(stored).toMatchObject({ dirty: true, path: null, manifest: { title: '三角形' } })
    expect(stored.deck.aspect).toBe('16:9')
    expect(stored.deck.slides).toHaveLength(3)
    expect(stored.deck.slides.every((s) => s.elements.length === 1 && s.elements[0]!.type === 'image')).toBe(true)
    expect(report).toMatchObject({ format: 'pdf', slideCount: 3, file: '三角形.pdf' })
  })

  it('makes portrait pages a 4:3 document', async () => {
    const { document } = await createPdfDocument(
      invoke,
      'worksheet.PDF',
      await pages(2, { width: 595.28, height: 841.89 }),
      1
    )
    const stored = await invoke('courseware:get', { docId: document.docId })
    expect(stored.deck.aspect).toBe('4:3')
    expect(stored.manifest.aspect).toBe('4:3')
    expect(stored.manifest.title).toBe('worksheet')
  })

  it('closes the new document again when the deck cannot be stored, so nothing is left open', async () => {
    const p = await pages(2, { width: 720, height: 540 })
    failUpdate = true
    await expect(createPdfDocument(invoke, 'x.pdf', p, 1)).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(calls.slice(-3)).toEqual(['courseware:create', 'courseware:update', 'courseware:close'])
    // The document create made is no longer open (so it will not be autosaved into crash recovery either).
    expect(createdDocId).not.toBeNull()
    await expect(invoke('courseware:get', { docId: createdDocId! })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await invoke('courseware:recover-list', {})).toEqual([])
    expect(await invoke('courseware:list', {})).toEqual([])
  })

  it('refuses a PDF without pages before creating anything', async () => {
    await expect(createPdfDocument(invoke, 'empty.pdf', [], 1)).rejects.toMatchObject({ code: 'FILE_INVALID' })
    expect(calls).not.toContain('courseware:create')
  })
})
