// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useCoursewareStore } from './courseware'
import { useEditorStore } from './editor'
import { setTransport } from '../transport'
import { FakeTransport } from '../transport/fake-transport'
import { createDeck, createManifest } from '../../src-shared/courseware'
import type { DocumentView } from '../../src-shared/contract/courseware'

const DATA = 'C:\\Users\\李老师\\AppData\\Roaming\\ClassDeck'

function newDocument(title: string): DocumentView {
  const deck = createDeck(title)
  const manifest = createManifest(deck, new Date('2026-03-02T08:00:00Z'), 'ClassDeck test')
  return { docId: deck.id, path: null, manifest, deck, dirty: true, recovered: false }
}

let fake: FakeTransport
let doc: DocumentView
beforeEach(() => {
  setActivePinia(createPinia())
  doc = newDocument('勾股定理')
  fake = new FakeTransport({
    'courseware:create': () => doc,
    'courseware:update': ({ docId }) => ({ docId, dirty: true }),
    'courseware:save': ({ docId }) => ({ docId, path: `${DATA}\\decks\\勾股定理.edux`, manifest: doc.manifest }),
    'courseware:export': (input) => {
      const fileName = input.format === 'pptx' ? '勾股定理.pptx' : '勾股定理（含备注）.pdf'
      return { path: `${DATA}\\exports\\${fileName}`, fileName, approximations: [] }
    }
  })
  setTransport(fake)
})
afterEach(() => {
  fake.verify()
  setTransport(null)
})

const hostIs = (host: 'electron' | 'browser') =>
  fake.handle('system:info', () => ({
    name: 'ClassDeck',
    version: '1.0.0',
    host,
    dataDir: DATA,
    schemaVersion: 11,
    startedAt: '2026-03-02T08:00:00.000Z'
  }))

describe('courseware store', () => {
  it('saves a new deck without a path: the service chooses where, and the store keeps what it chose', async () => {
    const cw = useCoursewareStore()
    await cw.create('勾股定理', '16:9')
    expect(await cw.save()).toBe(true)
    expect(fake.callsTo('courseware:save')).toEqual([{ docId: doc.docId }])
    expect(cw.doc?.path).toBe(`${DATA}\\decks\\勾股定理.edux`)
  })

  it('exports PowerPoint by the deck alone and downloads it under the name the service gave', async () => {
    const cw = useCoursewareStore()
    await cw.create('勾股定理', '16:9')
    expect(await cw.exportPptx()).toBe(`./exports/${encodeURIComponent('勾股定理.pptx')}`)
    expect(fake.callsTo('courseware:export')).toEqual([{ docId: doc.docId, format: 'pptx' }])
    // The latest deck went to the service first, so the export has every edit.
    expect(fake.calls.map((c) => c.channel).slice(-2)).toEqual(['courseware:update', 'courseware:export'])
  })

  it('in the browser host, PDF opens the print view and asks the service for no file', async () => {
    hostIs('browser')
    const cw = useCoursewareStore()
    await cw.create('勾股定理', '16:9')
    expect(await cw.exportPdf(false)).toEqual({ printView: `/print/${doc.docId}?auto=1` })
    expect(await cw.exportPdf(true)).toEqual({ printView: `/print/${doc.docId}?notes=1&auto=1` })
    expect(fake.callsTo('courseware:export')).toEqual([])
    expect(fake.callsTo('system:info')).toHaveLength(1)
  })

  it('in Electron, PDF is written by the host and offered for download', async () => {
    hostIs('electron')
    const cw = useCoursewareStore()
    await cw.create('勾股定理', '16:9')
    expect(await cw.exportPdf(true)).toEqual({
      download: `./exports/${encodeURIComponent('勾股定理（含备注）.pdf')}`
    })
    expect(fake.callsTo('courseware:export')).toEqual([{ docId: doc.docId, format: 'pdf', withNotes: true }])
  })

  it('shows the host’s refusal of a PDF export instead of a download', async () => {
    hostIs('electron')
    fake.handle('courseware:export', () => {
      throw new Error('printer gone')
    })
    const cw = useCoursewareStore()
    await cw.create('勾股定理', '16:9')
    expect(await cw.exportPdf(false)).toBeNull()
    expect(cw.error?.code).toBe('INTERNAL')
  })

  it('opens a picked .edux as a copy, not as an import, and shows it saved', async () => {
    const colleague = { ...newDocument('同事的课件'), dirty: false }
    const uploaded = `${DATA}\\incoming\\u1\\同事的课件.edux`
    // The page streams the file to the host's /incoming (a real HTTP route; its tests are the host's).
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, result: { path: uploaded } })))
    vi.stubGlobal('fetch', fetchMock)
    fake.handle('courseware:open-copy', () => colleague)
    const cw = useCoursewareStore()
    await cw.openFile(new File([new Uint8Array([1])], '同事的课件.edux'))
    vi.unstubAllGlobals()
    expect(fake.callsTo('courseware:open-copy')).toEqual([{ path: uploaded }])
    expect(fake.callsTo('courseware:import')).toEqual([])
    expect(cw.doc?.docId).toBe(colleague.docId)
    expect(useEditorStore().dirty).toBe(false)
  })

  it('refuses, by name and before any upload, a file it cannot open', async () => {
    const cw = useCoursewareStore()
    await cw.openFile(new File(['x'], '成绩.xlsx'))
    expect(cw.error?.code).toBe('FILE_INVALID')
    expect(cw.error?.message).toContain('成绩.xlsx')
    expect(fake.calls).toEqual([])
  })

  it('counts a recovered deck as unsaved until it is saved', async () => {
    const crashed = { ...newDocument('崩溃前'), recovered: true }
    fake.handle('courseware:recover', () => crashed)
    fake.handle('courseware:save', ({ docId }) => ({
      docId,
      path: `${DATA}\\decks\\崩溃前.edux`,
      manifest: crashed.manifest
    }))
    const cw = useCoursewareStore()
    await cw.recover(crashed.docId)
    expect(useEditorStore().dirty).toBe(true)
    expect(await cw.save()).toBe(true)
    expect(useEditorStore().dirty).toBe(false)
    expect(cw.doc?.recovered).toBe(false)
  })

  it('saves as a new file under the name given, and a new deck starts without the unsaved mark', async () => {
    const cw = useCoursewareStore()
    await cw.create('勾股定理', '16:9')
    expect(useEditorStore().dirty).toBe(false)
    expect(await cw.saveAs(' 勾股定理（二班） ')).toBe(true)
    expect(fake.callsTo('courseware:save')).toEqual([{ docId: doc.docId, saveAs: true, name: '勾股定理（二班）' }])
  })

  it('opens the file the system asked for when no deck is open, and keeps one asked for while editing', async () => {
    const a = { ...newDocument('一'), path: 'C:\\课件\\一.edux', dirty: false }
    let pending = [a.path!]
    fake.handle('courseware:take-open-requests', () => pending.splice(0))
    fake.handle('courseware:open', () => a)
    fake.handle('courseware:list', () => [])
    fake.handle('courseware:templates', () => [])
    fake.handle('courseware:recover-list', () => [])
    const cw = useCoursewareStore()
    await cw.hydrate()
    expect(cw.doc?.docId).toBe(a.docId)
    pending = ['C:\\课件\\二.edux']
    fake.emit('courseware:open-requested', { path: pending[0]! })
    await vi.waitFor(() => expect(cw.requested).toEqual(['C:\\课件\\二.edux']))
    expect(fake.callsTo('courseware:open')).toHaveLength(1)
  })
})
