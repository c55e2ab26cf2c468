/**
 * The pure half of PDF import: how big to render a page, which slide shape suits the pages,
 * where a page's picture sits on its slide, the deck and report that come out, and the calls
 * that make it a document. No pdf.js and no DOM, so it is tested in Node; the renderer's
 * src-renderer/features/prepare/pdf-import.ts draws the pages with pdf.js and calls in here.
 */
import type { CallChannel, CallInput, CallOutput } from '../contract'
import type { DocumentView } from '../contract/courseware'
import { AppError } from '../errors'
import { Deck, type DeckInput } from './deck'
import type { Approximation, ImportReport } from './import-report'
import { SLIDE_SIZE, createId, type Aspect, type MediaRef } from './primitives'

/** A page's size in PDF points (1/72 inch), after its /Rotate is applied. */
export interface PageSize {
  readonly width: number
  readonly height: number
}

export interface RenderedPage extends PageSize {
  readonly media: MediaRef
}

/**
 * Pixels a page is rendered into: a classroom display is 1920×1080, and a 4:3 or portrait page
 * fills 1440 px of height on a 1920×1440 (4:3 at full width) screen. Sharper is only bigger files.
 */
export const RENDER_BOX = { width: 1920, height: 1440 } as const
/** More pages than this is a book, not a lesson: refused with a clear reason. */
export const MAX_PDF_PAGES = 300
/** A lesson's PDF is far smaller; a larger file is refused before any page is drawn. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024

const RATIOS: Readonly<Record<Aspect, number>> = { '16:9': 16 / 9, '4:3': 4 / 3 }

function checkSize(p: PageSize): void {
  if (!(p.width > 0 && p.height > 0 && Number.isFinite(p.width) && Number.isFinite(p.height))) {
    throw new RangeError(`page size must be positive and finite, got ${p.width}×${p.height}`)
  }
}

/** The slide shape nearest this page's shape (compared as ratios, so 2:1 and 1:2 are equally far). */
export function nearestAspect(p: PageSize): Aspect {
  checkSize(p)
  const r = Math.log(p.width / p.height)
  return Math.abs(r - Math.log(RATIOS['16:9'])) < Math.abs(r - Math.log(RATIOS['4:3'])) ? '16:9' : '4:3'
}

/**
 * One shape for the whole deck: the one most pages are nearest to; a tie goes to the first
 * page's, since a title page sets the tone. An empty list is a 16:9 deck, the editor's default.
 */
export function chooseAspect(pages: readonly PageSize[]): Aspect {
  if (!pages.length) return '16:9'
  let wide = 0
  for (const p of pages) if (nearestAspect(p) === '16:9') wide++
  const narrow = pages.length - wide
  if (wide !== narrow) return wide > narrow ? '16:9' : '4:3'
  return nearestAspect(pages[0]!)
}

/** The scale from PDF points to pixels, and the canvas size, so the page fits RENDER_BOX. */
export function renderSize(
  p: PageSize,
  box: { width: number; height: number } = RENDER_BOX
): { scale: number; width: number; height: number } {
  checkSize(p)
  const scale = Math.min(box.width / p.width, box.height / p.height)
  return { scale, width: Math.max(1, Math.round(p.width * scale)), height: Math.max(1, Math.round(p.height * scale)) }
}

/** Where the page's picture goes on a slide of `aspect`: as large as fits, centred (letterboxed). */
export function pageFrame(p: PageSize, aspect: Aspect): { x: number; y: number; w: number; h: number } {
  checkSize(p)
  const slide = SLIDE_SIZE[aspect]
  const k = Math.min(slide.width / p.width, slide.height / p.height)
  const w = p.width * k
  const h = p.height * k
  return { x: (slide.width - w) / 2, y: (slide.height - h) / 2, w, h }
}

/** True when the page leaves visible bars on its slide (more than 1% of either side). */
export function isLetterboxed(p: PageSize, aspect: Aspect): boolean {
  const f = pageFrame(p, aspect)
  const slide = SLIDE_SIZE[aspect]
  return f.w < slide.width * 0.99 || f.h < slide.height * 0.99
}

/** The deck: one slide per page, each a locked full-size picture on white, in page order. */
export function pdfDeck(input: {
  deckId: string
  title: string
  pages: readonly RenderedPage[]
  aspect?: Aspect
}): Deck {
  const aspect = input.aspect ?? chooseAspect(input.pages)
  const deck: DeckInput = {
    id: input.deckId,
    title: input.title,
    aspect,
    slides: input.pages.map((p, i) => ({
      id: createId(),
      notes: '',
      background: { color: '#FFFFFF', fit: 'cover' },
      elements: [
        {
          type: 'image',
          id: createId(),
          ...pageFrame(p, aspect),
          media: p.media,
          alt: `PDF 第 ${i + 1} 页 / PDF page ${i + 1}`,
          // Locked so a stray drag in the editor does not shift the page; it can be unlocked.
          locked: true
        }
      ]
    }))
  }
  return Deck.parse(deck)
}

/** What the teacher is told after a PDF import: pages are pictures, and which pages were letterboxed. */
export function pdfImportReport(
  file: string,
  deck: Deck,
  pages: readonly PageSize[],
  durationMs: number
): ImportReport {
  const approximations: Approximation[] = [
    {
      kind: 'content',
      message: 'PDF 的每一页都已转为一张图片：文字和图形不能直接编辑，可以在上面添加文字、题目和批注。',
      messageEn:
        'Each PDF page became one picture: its text and drawings cannot be edited, but you can add text, questions and ink on top.'
    }
  ]
  pages.forEach((p, i) => {
    if (isLetterboxed(p, deck.aspect)) {
      approximations.push({
        slide: i + 1,
        kind: 'layout',
        message: `这一页的长宽比例与 ${deck.aspect} 幻灯片不同，已居中放置并留白。`,
        messageEn: `This page's shape differs from a ${deck.aspect} slide, so it is centred with blank margins.`
      })
    }
  })
  return {
    file,
    format: 'pdf',
    slideCount: deck.slides.length,
    mediaCount: new Set(deck.slides.flatMap((s) => s.elements.map((e) => (e.type === 'image' ? e.media.hash : ''))))
      .size,
    durationMs,
    approximations,
    titles: deck.slides.map(() => '')
  }
}

/** A typed contract call (the renderer's transport, or the handler table in a test). */
export type Invoke = <C extends CallChannel>(channel: C, input: CallInput<C>) => Promise<CallOutput<C>>

/**
 * The rendered pages as a new, unsaved document: courseware:create, then courseware:update with
 * the picture deck under the id create gave it (the service keys a document by its deck id).
 * If the update fails, the new document is closed again, so a failed import leaves nothing open.
 */
export async function createPdfDocument(
  invoke: Invoke,
  file: string,
  pages: readonly RenderedPage[],
  durationMs: number
): Promise<{ document: DocumentView; report: ImportReport }> {
  if (!pages.length)
    throw new AppError(
      'FILE_INVALID',
      `无法导入“${file}”：文件里没有页面。`,
      `Cannot import "${file}": the file has no pages.`
    )
  const title = file.replace(/\.pdf$/i, '').trim() || 'PDF'
  const created = await invoke('courseware:create', { title, aspect: chooseAspect(pages) })
  try {
    const deck = pdfDeck({ deckId: created.deck.id, title, pages, aspect: created.deck.aspect })
    await invoke('courseware:update', { docId: created.docId, deck })
    return { document: { ...created, deck, dirty: true }, report: pdfImportReport(file, deck, pages, durationMs) }
  } catch (e) {
    await invoke('courseware:close', { docId: created.docId }).catch(() => undefined)
    throw AppError.from(e)
  }
}
