/**
 * PDF export in Electron: the renderer's print view (route /print/:docId) is loaded in a hidden,
 * equally hardened window, and Chromium's own printer writes the PDF with the view's @page size.
 * The print view says it is ready by setting its title (PRINT_READY_TITLE) once every slide,
 * picture and font is painted, so no script is injected into the page.
 *
 * The document must be open in the courseware service (the print view reads it with
 * courseware:get), so callers push the latest deck first, as the browser host's button does.
 */
import { BrowserWindow, dialog, type BaseWindow } from 'electron'
import { APP_ORIGIN } from '../../../src-shared/contract/ipc'
import { AppError } from '../../../src-shared/errors'
import { printRoute, PRINT_ERROR_TITLE, PRINT_READY_TITLE } from '../../../src-shared/print'
import { writeFileAtomic } from '../../services/courseware/atomic-write'
import { secureWebPreferences } from './security'

export interface PrintDeckOptions {
  readonly docId: string
  readonly withNotes: boolean
  /** The preload the hidden window needs for its transport (the same one the main window uses). */
  readonly preloadPath: string
  /** A large deck with many pictures takes a while to paint; past this the export is abandoned. */
  readonly timeoutMs?: number
}

/** The deck as PDF bytes, one page per slide (or A4 notes pages with `withNotes`). */
export async function printDeckToPdf(opts: PrintDeckOptions): Promise<Buffer> {
  const win = new BrowserWindow({
    show: false,
    width: 1100,
    height: 900,
    webPreferences: secureWebPreferences(opts.preloadPath)
  })
  try {
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
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
        if (title === PRINT_READY_TITLE) {
          clearTimeout(timer)
          resolve()
        } else if (title.startsWith(PRINT_ERROR_TITLE)) {
          clearTimeout(timer)
          reject(
            new AppError(
              'NOT_FOUND',
              '无法读取要导出的课件，请先打开它再导出 PDF。',
              `Cannot read the deck to export (${title.slice(PRINT_ERROR_TITLE.length)}); open it first.`
            )
          )
        }
      })
      win.webContents.once('render-process-gone', (_e, details) => {
        clearTimeout(timer)
        reject(
          new AppError(
            'INTERNAL',
            `导出 PDF 时页面崩溃（${details.reason}）`,
            `The page crashed while exporting the PDF (${details.reason})`
          )
        )
      })
    })
    await win.loadURL(`${APP_ORIGIN}/index.html#${printRoute(opts.docId, { notes: opts.withNotes })}`)
    await ready
    return await win.webContents.printToPDF({
      preferCSSPageSize: true,
      printBackground: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      generateDocumentOutline: false
    })
  } finally {
    win.destroy()
  }
}

/** Asks where to save, then writes the PDF atomically. Returns the path, or null if the teacher cancelled. */
export async function exportDeckPdfWithDialog(
  parent: BaseWindow,
  opts: PrintDeckOptions & { defaultName: string }
): Promise<string | null> {
  const choice = await dialog.showSaveDialog(parent, {
    title: opts.withNotes ? '导出 PDF（含备注）/ Export PDF with notes' : '导出 PDF / Export PDF',
    defaultPath: opts.defaultName.endsWith('.pdf') ? opts.defaultName : `${opts.defaultName}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }]
  })
  if (choice.canceled || !choice.filePath) return null
  const bytes = await printDeckToPdf(opts)
  await writeFileAtomic(choice.filePath, new Uint8Array(bytes))
  return choice.filePath
}
