/**
 * PDF export in Electron, where the binary cannot run: a typed fake BrowserWindow plays the print
 * view as the renderer does (index.html's title first; then courseware:get through the real
 * handler table for the deck named in the URL, and the ready or error title), and Chromium's
 * printer answers with a PDF. The services, handler table and data folder are real.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type * as E from 'electron'
import { createAppCore, type AppCore } from '../../app-core'
import { dispatch } from '../../rpc/handler-table'
import { tempDir } from '../../test-utils/temp-dir'
import { AppError, isAppErrorData } from '../../../src-shared/errors'
import { PRINT_ERROR_TITLE, PRINT_READY_TITLE } from '../../../src-shared/print'
import {
  electronPdfPrinter,
  printDeckToPdf,
  type PrintContents,
  type PrintWindow,
  type PrintWindowClass
} from './print-pdf'

const PRELOAD = '/opt/ClassDeck/resources/app.asar/dist/preload/index.cjs'
/** A one-page PDF as Chromium writes it, cut to its header, catalogue and trailer. */
const PDF = Buffer.from(
  '%PDF-1.4\n%\xd3\xeb\xe9\xe1\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF',
  'latin1'
)

/** What the page in the hidden window does once loaded. */
type PageScript = 'renderer' | 'crash' | 'never-ready'

interface Printed {
  readonly options: E.BrowserWindowConstructorOptions
  url: string | null
  titles: string[]
  printedWith: E.PrintToPDFOptions | null
  destroyed: boolean
}

function fakeWindows(core: () => AppCore, script: PageScript = 'renderer', loadError?: Error) {
  const windows: Printed[] = []

  class FakeContents implements PrintContents {
    readonly #titleListeners: ((event: unknown, title: string) => void)[] = []
    readonly #goneListeners: ((event: unknown, details: Pick<E.RenderProcessGoneDetails, 'reason'>) => void)[] = []
    constructor(readonly record: Printed) {}
    on(event: 'page-title-updated', listener: (event: unknown, title: string) => void): this {
      if (event === 'page-title-updated') this.#titleListeners.push(listener)
      return this
    }
    once(
      event: 'render-process-gone',
      listener: (event: unknown, details: Pick<E.RenderProcessGoneDetails, 'reason'>) => void
    ): this {
      if (event === 'render-process-gone') this.#goneListeners.push(listener)
      return this
    }
    setTitle(title: string): void {
      this.record.titles.push(title)
      for (const l of this.#titleListeners) l({ preventDefault() {} }, title)
    }
    crash(): void {
      for (const l of this.#goneListeners.splice(0)) l({}, { reason: 'oom' })
    }
    async printToPDF(options: E.PrintToPDFOptions): Promise<Buffer> {
      if (this.record.destroyed) throw new Error('Object has been destroyed')
      if (this.record.titles.at(-1) !== PRINT_READY_TITLE) throw new Error('printed before the view was ready')
      this.record.printedWith = options
      return PDF
    }
  }

  class FakePrintWindow implements PrintWindow {
    readonly webContents: FakeContents
    constructor(options: E.BrowserWindowConstructorOptions) {
      const record: Printed = { options, url: null, titles: [], printedWith: null, destroyed: false }
      windows.push(record)
      this.webContents = new FakeContents(record)
    }
    async loadURL(url: string): Promise<void> {
      const record = this.webContents.record
      record.url = url
      if (loadError) throw loadError
      // index.html's own title, then the print view's script runs after load.
      this.webContents.setTitle('ClassDeck 教学助手')
      setTimeout(() => void this.#runPage(url), 5)
    }
    async #runPage(url: string): Promise<void> {
      if (script === 'crash') return this.webContents.crash()
      if (script === 'never-ready') return
      const route = new URL(url).hash.slice(1)
      const docId = decodeURIComponent(/^\/print\/([^?]+)/.exec(route)![1]!)
      const res = await dispatch(core().table, 'courseware:get', { docId }, { host: 'electron', senderId: '2' })
      if (this.webContents.record.destroyed) return
      if (res.ok) this.webContents.setTitle(PRINT_READY_TITLE)
      else this.webContents.setTitle(`${PRINT_ERROR_TITLE}${isAppErrorData(res.error) ? res.error.messageEn : '?'}`)
    }
    destroy(): void {
      this.webContents.record.destroyed = true
    }
  }

  const Windows: PrintWindowClass = FakePrintWindow
  return { Windows, windows }
}

describe('PDF export in Electron', () => {
  let t: ReturnType<typeof tempDir>
  let core: AppCore | null = null
  const theCore = () => core!
  const start = (printPdf?: Parameters<typeof createAppCore>[0]['printPdf']) => {
    core = createAppCore({ dataDir: t.dir, host: 'electron', version: 'test', ...(printPdf ? { printPdf } : {}) })
    return core
  }

  beforeEach(() => {
    t = tempDir()
  })
  afterEach(async () => {
    await core?.dispose()
    core = null
    t.cleanup()
  })

  it('exports the open deck as the PDF Chromium printed from its print view, into the exports folder', async () => {
    const fake = fakeWindows(theCore)
    const c = start(electronPdfPrinter(fake.Windows, { preload: PRELOAD }))
    const doc = c.services.courseware.create({ title: '勾股定理' })
    const res = await dispatch(
      c.table,
      'courseware:export',
      { docId: doc.docId, format: 'pdf', withNotes: true },
      { host: 'electron', senderId: '1' }
    )
    expect(res).toMatchObject({ ok: true, result: { fileName: '勾股定理（含备注）.pdf' } })
    const file = join(t.dir, 'exports', '勾股定理（含备注）.pdf')
    expect(readFileSync(file).equals(PDF)).toBe(true)

    const [w] = fake.windows
    expect(fake.windows).toHaveLength(1)
    expect(w!.url).toBe(`app://classdeck/index.html#/print/${doc.docId}?notes=1`)
    expect(w!.options.show).toBe(false)
    expect(w!.options.webPreferences).toMatchObject({
      preload: PRELOAD,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true
    })
    expect(w!.printedWith).toMatchObject({ preferCSSPageSize: true, printBackground: true })
    expect(w!.destroyed).toBe(true)
  })

  it('prints slides alone without the notes query', async () => {
    const fake = fakeWindows(theCore)
    const c = start()
    const doc = c.services.courseware.create({ title: '分数' })
    const bytes = await printDeckToPdf(fake.Windows, { docId: doc.docId, withNotes: false, preload: PRELOAD })
    expect(Buffer.from(bytes).equals(PDF)).toBe(true)
    expect(fake.windows[0]!.url).toBe(`app://classdeck/index.html#/print/${doc.docId}`)
    expect(fake.windows[0]!.titles).toEqual(['ClassDeck 教学助手', PRINT_READY_TITLE])
  })

  it('says the deck is not open when the print view cannot read it, and prints nothing', async () => {
    const fake = fakeWindows(theCore)
    start()
    const err = await printDeckToPdf(fake.Windows, { docId: 'closed-deck', withNotes: false, preload: PRELOAD }).catch(
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('请先打开它') })
    expect((err as AppError).messageEn).toContain('This deck is not open')
    expect(fake.windows[0]!.printedWith).toBeNull()
    expect(fake.windows[0]!.destroyed).toBe(true)
  })

  it('reports a crashed page with its reason', async () => {
    const fake = fakeWindows(theCore, 'crash')
    start()
    await expect(
      printDeckToPdf(fake.Windows, { docId: 'd', withNotes: false, preload: PRELOAD })
    ).rejects.toMatchObject({ code: 'INTERNAL', messageEn: 'The page crashed while exporting the PDF (oom)' })
    expect(fake.windows[0]!.destroyed).toBe(true)
  })

  it('gives up on a view that never gets ready, and closes its window', async () => {
    const fake = fakeWindows(theCore, 'never-ready')
    start()
    await expect(
      printDeckToPdf(fake.Windows, { docId: 'd', withNotes: false, preload: PRELOAD, timeoutMs: 50 })
    ).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('超时') })
    expect(fake.windows[0]!.destroyed).toBe(true)
  })

  it('reports a print view that fails to load, and writes no file', async () => {
    const fake = fakeWindows(
      theCore,
      'renderer',
      new Error("ERR_FILE_NOT_FOUND (-6) loading 'app://classdeck/index.html'")
    )
    const c = start(electronPdfPrinter(fake.Windows, { preload: PRELOAD }))
    const doc = c.services.courseware.create({ title: '勾股定理' })
    const res = await dispatch(
      c.table,
      'courseware:export',
      { docId: doc.docId, format: 'pdf', withNotes: false },
      { host: 'electron', senderId: '1' }
    )
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', messageEn: expect.stringContaining('ERR_FILE_NOT_FOUND') }
    })
    expect(existsSync(join(t.dir, 'exports', '勾股定理.pdf'))).toBe(false)
    expect(fake.windows[0]!.destroyed).toBe(true)
  })
})
