/**
 * PDF import, in the renderer: pdf.js draws each page on a canvas at classroom resolution, the
 * picture goes to the media store by hash, and the pages become a deck of picture slides.
 *
 * Why the renderer: pdf.js needs a canvas, and the renderer has Chromium's; the main process
 * would need a native canvas package. pdf.js parses in its own Web Worker, so the UI stays live.
 *
 * The document is created only after every page has rendered, so a damaged page leaves nothing
 * behind; if the deck cannot be stored after creation, the new document is closed again.
 * This module is loaded on demand (the store imports it dynamically) so pdf.js is not in the
 * app's first download.
 */
import {
  GlobalWorkerOptions,
  getDocument,
  type PDFDocumentProxy,
  type PDFPageProxy
} from 'pdfjs-dist/legacy/build/pdf.mjs'
// The legacy build: the modern one uses Math.sumPrecise and Map#getOrInsertComputed, which
// Chromium 120 (our floor, see vite.config.ts) lacks. The worker is a same-origin file, as
// CSP `worker-src 'self'` requires; pdf.js is told not to use eval (`script-src 'self'`).
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url'
import type { DocumentView } from '../../../src-shared/contract/courseware'
import type { ImportReport } from '../../../src-shared/courseware/import-report'
import type { MediaRef } from '../../../src-shared/courseware/primitives'
import { AppError } from '../../../src-shared/errors'
import type { Transport } from '../../transport'
import {
  MAX_PDF_BYTES,
  MAX_PDF_PAGES,
  createPdfDocument,
  renderSize,
  type RenderedPage
} from '../../../src-shared/courseware/pdf-pages'

GlobalWorkerOptions.workerSrc = workerUrl

// Character maps (for CJK text in fonts the PDF does not embed) and the standard 14 fonts, shipped
// with the app as hashed assets; pdf.js asks for them by file name through BundledData below.
const assetsByName = (urls: Record<string, string>): Map<string, string> =>
  new Map(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]))
const CMAPS = assetsByName(
  import.meta.glob<string>('../../../node_modules/pdfjs-dist/cmaps/*.bcmap', {
    query: '?url',
    import: 'default',
    eager: true
  })
)
const FONTS = assetsByName(
  import.meta.glob<string>('../../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', {
    query: '?url',
    import: 'default',
    eager: true
  })
)

/** pdf.js's BinaryDataFactory contract: `fetch({kind, filename})` → bytes. */
class BundledData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url =
      kind === 'cMapUrl' ? CMAPS.get(filename) : kind === 'standardFontDataUrl' ? FONTS.get(filename) : undefined
    // No wasm: CSP has no 'wasm-unsafe-eval', so pdf.js uses its JavaScript decoders instead.
    if (!url) throw new Error(`not bundled: ${kind} ${filename}`)
    // Vite inlines small files as data: URLs, which CSP's connect-src would not let fetch() read.
    if (url.startsWith('data:')) return Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0))
    const res = await fetch(url)
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${filename}`)
    return new Uint8Array(await res.arrayBuffer())
  }
}

/** One page may take this long to draw before the import gives up on it (a pathological page). */
const PAGE_TIMEOUT_MS = 30_000
/** PNG keeps text crisp; a page that is mostly photograph is smaller as JPEG. */
const PNG_LIMIT_BYTES = 1_500_000
const JPEG_QUALITY = 0.9

export interface PdfImportOptions {
  readonly transport: Transport
  readonly upload: (picture: Blob) => Promise<MediaRef>
  /** Called after each page: done of total. */
  readonly onProgress?: (done: number, total: number) => void
  readonly signal?: AbortSignal
}

function fileError(file: string, zh: string, en: string, details?: unknown): AppError {
  return new AppError('FILE_INVALID', `无法导入“${file}”：${zh}`, `Cannot import "${file}": ${en}`, details)
}

/** pdf.js's own errors (they cross from its worker as plain objects with a name) in the teacher's words. */
export function describePdfError(file: string, err: unknown): AppError {
  if (err instanceof AppError) return err
  const name = err && typeof err === 'object' && 'name' in err ? String(err.name) : ''
  const message = err instanceof Error ? err.message : String((err as { message?: unknown } | null)?.message ?? err)
  if (name === 'PasswordException') {
    return fileError(
      file,
      '这个 PDF 设有打开密码。请先在 PDF 阅读器中用密码打开并“另存为”无密码的副本，再导入副本。',
      'this PDF is password-protected. Open it with its password in a PDF reader, save a copy without a password, and import that copy.',
      { reason: 'password' }
    )
  }
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') {
    return fileError(
      file,
      '文件已损坏或不是 PDF。请用 PDF 阅读器确认它能打开，或重新下载/导出后再试。',
      'the file is damaged or is not a PDF. Check that it opens in a PDF reader, or download/export it again.',
      { reason: 'invalid', message }
    )
  }
  return fileError(
    file,
    `读取 PDF 时出错（${message}）。请用 PDF 阅读器确认它能打开后再试。`,
    `reading the PDF failed (${message}). Check that it opens in a PDF reader and try again.`,
    { reason: 'render', message }
  )
}

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout()
      reject(new Error(`page took longer than ${ms / 1000} s to draw`))
    }, ms)
  })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

async function toBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(`the browser could not encode ${type}`))), type, quality)
  )
}

/** Draws one page into `canvas` (reused between pages) and returns its picture and size in points. */
async function renderPage(
  page: PDFPageProxy,
  canvas: HTMLCanvasElement
): Promise<{ picture: Blob; width: number; height: number }> {
  const base = page.getViewport({ scale: 1 })
  const size = renderSize(base)
  const viewport = page.getViewport({ scale: size.scale })
  canvas.width = size.width
  canvas.height = size.height
  // Pages without a background are transparent in PDF terms; on a slide they should be paper-white.
  const task = page.render({ canvas, viewport, background: '#ffffff' })
  await withTimeout(task.promise, PAGE_TIMEOUT_MS, () => task.cancel())
  let picture = await toBlob(canvas, 'image/png')
  if (picture.size > PNG_LIMIT_BYTES) picture = await toBlob(canvas, 'image/jpeg', JPEG_QUALITY)
  return { picture, width: base.width, height: base.height }
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('CONFLICT', '已取消导入。', 'Import cancelled.')
}

/** Imports `file` as a new, unsaved deck of picture slides, and the report shown to the teacher. */
export async function importPdf(
  file: File,
  opts: PdfImportOptions
): Promise<{ document: DocumentView; report: ImportReport }> {
  const started = performance.now()
  if (file.size > MAX_PDF_BYTES) {
    throw new AppError(
      'LIMIT',
      `“${file.name}”超过 ${MAX_PDF_BYTES / 1024 / 1024} MB，无法导入。请拆分后再导入。`,
      `"${file.name}" is larger than ${MAX_PDF_BYTES / 1024 / 1024} MB. Split it and import the parts.`
    )
  }
  let pdf: PDFDocumentProxy | null = null
  const pages: RenderedPage[] = []
  try {
    const data = new Uint8Array(await file.arrayBuffer())
    const task = getDocument({
      data,
      isEvalSupported: false,
      useWorkerFetch: false,
      BinaryDataFactory: BundledData,
      cMapPacked: true,
      enableXfa: false,
      useWasm: false
    })
    pdf = await task.promise
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw new AppError(
        'LIMIT',
        `“${file.name}”有 ${pdf.numPages} 页，超过了一次导入的上限 ${MAX_PDF_PAGES} 页。请拆分后再导入。`,
        `"${file.name}" has ${pdf.numPages} pages, more than the ${MAX_PDF_PAGES} one import allows. Split it and import the parts.`
      )
    }
    const canvas = document.createElement('canvas')
    opts.onProgress?.(0, pdf.numPages)
    for (let n = 1; n <= pdf.numPages; n++) {
      checkAborted(opts.signal)
      const page = await pdf.getPage(n)
      try {
        const { picture, width, height } = await renderPage(page, canvas).catch((e: unknown) => {
          throw fileError(
            file.name,
            `第 ${n} 页无法绘制（${e instanceof Error ? e.message : String(e)}）。`,
            `page ${n} could not be drawn (${e instanceof Error ? e.message : String(e)}).`,
            { page: n }
          )
        })
        pages.push({ media: await opts.upload(picture), width, height })
      } finally {
        page.cleanup()
      }
      opts.onProgress?.(n, pdf.numPages)
    }
    canvas.width = canvas.height = 0
  } catch (e) {
    throw describePdfError(file.name, e)
  } finally {
    await pdf?.destroy()
  }
  checkAborted(opts.signal)
  return createPdfDocument(
    (channel, input) => opts.transport.invoke(channel, input),
    file.name,
    pages,
    performance.now() - started
  )
}
