/**
 * PDF export in Electron: the renderer's print view (route /print/:docId) is loaded in a hidden,
 * equally hardened window, and Chromium's own printer writes the PDF with the view's @page size,
 * so the teacher gets a file of exactly the pages the print view lays out (window.print() in
 * Electron opens the system's print dialog instead, where saving a PDF depends on the printers
 * installed). The print view says it is ready by setting its title (PRINT_READY_TITLE) once every
 * slide, picture and font is painted, so no script is injected into the page.
 *
 * The courseware service calls this as its PdfPrinter (courseware:export with format 'pdf') and
 * writes the bytes into `<data>/exports/`; the document is open there, and the print view reads
 * it with courseware:get. The Electron API comes in as a parameter, so tests drive it with a fake.
 */
import type * as E from 'electron'
import { APP_ORIGIN } from '../../../src-shared/contract/ipc'
import { AppError } from '../../../src-shared/errors'
import { printRoute, PRINT_ERROR_TITLE, PRINT_READY_TITLE } from '../../../src-shared/print'
import type { PdfPrinter } from '../../services/courseware'
import { secureWebPreferences } from './security'

/** The hidden window's contents, by what printing reads from Electron's WebContents. */
export interface PrintContents extends Pick<E.WebContents, 'printToPDF'> {
  on(event: 'page-title-updated', listener: (event: unknown, title: string) => void): unknown
  once(
    event: 'render-process-gone',
    listener: (event: unknown, details: Pick<E.RenderProcessGoneDetails, 'reason'>) => void
  ): unknown
}

export interface PrintWindow extends Pick<E.BrowserWindow, 'loadURL' | 'destroy'> {
  readonly webContents: PrintContents
}

/** Electron's BrowserWindow, by the constructor printing uses. */
export interface PrintWindowClass {
  new (options: E.BrowserWindowConstructorOptions): PrintWindow
}

export interface PrintDeckOptions {
  readonly docId: string
  readonly withNotes: boolean
  /** The preload the hidden window needs for its transport (the same one the main window uses). */
  readonly preload: string
  /** A large deck with many pictures takes a while to paint; past this the export is abandoned. */
  readonly timeoutMs?: number
}

/** What Chromium is asked for: the view's own page size, backgrounds, no margins or outline. */
export const PRINT_TO_PDF_OPTIONS: E.PrintToPDFOptions = {
  preferCSSPageSize: true,
  printBackground: true,
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
  generateDocumentOutline: false
}

/** The deck as PDF bytes, one page per slide (or A4 notes pages with `withNotes`). */
export async function printDeckToPdf(windows: PrintWindowClass, opts: PrintDeckOptions): Promise<Uint8Array> {
  const win = new windows({
    show: false,
    width: 1100,
    height: 900,
    webPreferences: secureWebPreferences(opts.preload)
  })
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    const ready = new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AppError(
              'UNAVAILABLE',
              '准备 PDF 页面超时，请稍后重试。',
              'Preparing the PDF pages timed out; try again.'
            )
          ),
        opts.timeoutMs ?? 120_000
      )
      win.webContents.on('page-title-updated', (_e, title) => {
        if (title === PRINT_READY_TITLE) resolve()
        else if (title.startsWith(PRINT_ERROR_TITLE)) {
          reject(
            new AppError(
              'NOT_FOUND',
              '无法读取要导出的课件，请先打开它再导出 PDF。',
              `Cannot read the deck to export (${title.slice(PRINT_ERROR_TITLE.length)}); open it first.`
            )
          )
        }
      })
      win.webContents.once('render-process-gone', (_e, details) =>
        reject(
          new AppError(
            'INTERNAL',
            `导出 PDF 时页面崩溃（${details.reason}）`,
            `The page crashed while exporting the PDF (${details.reason})`
          )
        )
      )
    })
    // Whichever comes first decides: a page that fails to load never sets its title.
    await Promise.all([loadPrintView(win, opts), ready])
    return new Uint8Array(await win.webContents.printToPDF(PRINT_TO_PDF_OPTIONS))
  } finally {
    clearTimeout(timer)
    win.destroy()
  }
}

async function loadPrintView(win: PrintWindow, opts: PrintDeckOptions): Promise<void> {
  const url = `${APP_ORIGIN}/index.html#${printRoute(opts.docId, { notes: opts.withNotes })}`
  try {
    await win.loadURL(url)
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    throw new AppError('INTERNAL', `无法打开打印页面（${reason}）`, `Cannot load the print view (${reason})`)
  }
}

/** The courseware service's PdfPrinter in Electron: each export prints in a window of its own. */
export function electronPdfPrinter(
  windows: PrintWindowClass,
  opts: { readonly preload: string; readonly timeoutMs?: number }
): PdfPrinter {
  return (docId, { withNotes }) => printDeckToPdf(windows, { ...opts, docId, withNotes })
}
