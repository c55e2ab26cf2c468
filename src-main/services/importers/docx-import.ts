/**
 * Word (.docx) lesson plans → a 教案 document kept with the deck (mammoth for the conversion,
 * DOMPurify for safety) and, on request, slides split at a chosen heading level.
 */
// mammoth is loaded on the first Word import, not at start-up.
import type mammothNs from 'mammoth'
import { AppError } from '../../../src-shared/errors'
import {
  Deck,
  SLIDE_SIZE,
  mediaExtFor,
  type Approximation,
  type Element,
  type MediaRef,
  type Paragraph,
  type Slide,
  type TextRun
} from '../../../src-shared/courseware'
import { GuardedZip, DEFAULT_ZIP_LIMITS } from '../courseware/zip-guard'
import { sha256Hex } from '../courseware/edux-file'
import { elementChildren, sanitizeLessonHtml } from './html-sanitize'
import { imageSize } from './image-size'
import { docxMathAsLatex, reportMath } from './docx-math'
import type { ImportOptions, ImportResult } from './import-types'

export const DOCX_LIMITS = { ...DEFAULT_ZIP_LIMITS, opaque: /^word\/embeddings\// }
const { width: W, height: H } = SLIDE_SIZE['16:9']
const LINES_PER_SLIDE = 12

export async function importDocx(file: string, bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  const started = performance.now()
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new AppError(
      'FILE_INVALID',
      `无法导入“${file}”：这是旧版 .doc 文件或已加密的文档。请在 Word/WPS 中另存为 .docx（并取消密码）后再导入。`,
      `Cannot import "${file}": it is a legacy .doc or password-protected document. Save it as .docx (without a password) in Word or WPS and import again.`,
      { file, reason: 'ole2' }
    )
  }
  const zip = GuardedZip.open(file, bytes, DOCX_LIMITS)
  if (!zip.has('word/document.xml') && !zip.names.some((n) => /^word\/document\d*\.xml$/.test(n))) {
    throw new AppError(
      'FILE_INVALID',
      `无法导入“${file}”：文件里没有 Word 正文，它不是 .docx 文档。`,
      `Cannot import "${file}": it has no Word document body; it is not a .docx file.`,
      { file, reason: 'no document part' }
    )
  }
  // mammoth reads the same bytes with JSZip, which inflates whole entries with no limit: every
  // entry is first inflated here against its declared size, so JSZip gets only what was checked.
  zip.verify()
  const media = new Map<string, Uint8Array>()
  const refs: MediaRef[] = []
  const approximations: Approximation[] = []
  const approx = (kind: Approximation['kind'], message: string, messageEn: string) =>
    approximations.push({ kind, message, messageEn })
  let failedImages = 0
  opts.onProgress?.(0, 3)
  let raw: string
  const mammoth: typeof mammothNs = (await import('mammoth')).default
  const math = docxMathAsLatex(zip)
  if (math) reportMath(math, approx)
  const input = math?.bytes ?? bytes
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(input.buffer, input.byteOffset, input.byteLength) },
      {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async (image) => {
          try {
            const buf = new Uint8Array(await image.readAsArrayBuffer())
            const ref: MediaRef = { hash: sha256Hex(buf), ext: mediaExtFor(image.contentType) }
            const path = `media/${ref.hash}.${ref.ext}`
            if (!media.has(path)) {
              media.set(path, buf)
              refs.push(ref)
            }
            return { src: path }
          } catch {
            failedImages++
            return { src: '' }
          }
        })
      }
    )
    raw = result.value
    const unrecognised = result.messages.filter((m) => m.type === 'warning' && /Unrecognised/i.test(m.message)).length
    if (unrecognised)
      approx(
        'text',
        `${unrecognised} 处 Word 样式未能识别，按普通段落导入。`,
        `${unrecognised} Word styles were not recognised and became plain paragraphs.`
      )
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError(
      'FILE_INVALID',
      `无法导入“${file}”：Word 文档内容已损坏（${(e as Error).message}）。`,
      `Cannot import "${file}": the Word document is damaged (${(e as Error).message}).`,
      { file, reason: (e as Error).message }
    )
  }
  opts.onProgress?.(1, 3)
  if (failedImages)
    approx(
      'image',
      `${failedImages} 张图片是外部链接或已损坏，未导入。`,
      `${failedImages} pictures were external links or damaged and were not imported.`
    )
  const clean = sanitizeLessonHtml(raw)
  if (clean.removedLinks)
    approx(
      'link',
      `${clean.removedLinks} 个外部链接已去掉（只保留文字）。`,
      `${clean.removedLinks} external links were removed (their text kept).`
    )
  if (clean.removedImages > failedImages)
    approx(
      'image',
      `${clean.removedImages - failedImages} 张外部图片已去掉。`,
      `${clean.removedImages - failedImages} external pictures were removed.`
    )

  const frag = clean.body
  const firstHeading = frag.querySelector('h1, h2, h3')?.textContent?.trim()
  const planTitle = opts.title ?? (firstHeading || file.replace(/\.[^.]+$/, ''))
  // The pictures the sanitised plan still shows, read off its DOM once (not one scan of the HTML per picture).
  const shown = new Set(Array.from(frag.querySelectorAll('img'), (img) => img.getAttribute('src')))
  const usedRefs = refs.filter((r) => shown.has(`media/${r.hash}.${r.ext}`))
  for (const r of refs) if (!shown.has(`media/${r.hash}.${r.ext}`)) media.delete(`media/${r.hash}.${r.ext}`)

  const slides = opts.splitHeadingLevel ? splitIntoSlides(frag, opts.splitHeadingLevel, media) : [titleSlide(planTitle)]
  opts.onProgress?.(2, 3)
  const deck = Deck.parse({
    id: opts.deckId ?? globalThis.crypto.randomUUID(),
    title: planTitle,
    aspect: '16:9',
    slides,
    lessonPlans: [{ id: 'lesson-plan-1', title: planTitle, html: clean.html, media: usedRefs }]
  })
  opts.onProgress?.(3, 3)
  const report = {
    file,
    format: 'docx' as const,
    slideCount: deck.slides.length,
    mediaCount: media.size,
    durationMs: Math.round(performance.now() - started),
    approximations,
    titles: deck.slides.map((s) => firstText(s))
  }
  // Kept with the deck, so the teacher can reopen it from the deck's details after saving.
  deck.importReport = report
  return { deck, media, report }
}

function firstText(s: Slide): string {
  for (const e of s.elements)
    if (e.type === 'text')
      return e.paragraphs
        .map((p) => p.runs.map((r) => r.text).join(''))
        .join(' ')
        .trim()
  return ''
}

let seq = 0
const nextId = (p: string) => `${p}${++seq}`

function textEl(paragraphs: Paragraph[], y: number, h: number, fontSize?: number): Element {
  if (fontSize) for (const p of paragraphs) for (const r of p.runs) r.fontSize ??= fontSize
  return {
    type: 'text',
    id: nextId('t'),
    x: 60,
    y,
    w: W - 120,
    h,
    rotation: 0,
    opacity: 1,
    locked: false,
    paragraphs,
    verticalAlign: 'top',
    autoFit: true
  }
}

function titleSlide(title: string): Slide {
  return {
    id: nextId('slide-'),
    elements: [textEl([{ runs: [{ text: title, bold: true, fontSize: 40 }], align: 'center', level: 0 }], 280, 120)],
    notes: '',
    background: { fit: 'cover' },
    ink: [],
    animations: [],
    hidden: false
  }
}

/** Inline HTML → runs, keeping bold/italic/underline/strike/sup/sub. */
function runsOf(node: Node, inherited: Omit<TextRun, 'text'> = {}): TextRun[] {
  const out: TextRun[] = []
  node.childNodes.forEach((c) => {
    if (c.nodeType === 3) {
      const text = c.textContent ?? ''
      if (text) out.push({ text, ...inherited })
      return
    }
    if (c.nodeType !== 1) return
    const tag = (c as globalThis.Element).tagName.toLowerCase()
    if (tag === 'br') {
      out.push({ text: '\n', ...inherited })
      return
    }
    const style: Omit<TextRun, 'text'> = { ...inherited }
    if (tag === 'strong' || tag === 'b') style.bold = true
    if (tag === 'em' || tag === 'i') style.italic = true
    if (tag === 'u') style.underline = true
    if (tag === 's' || tag === 'del') style.strike = true
    if (tag === 'sup') style.superscript = true
    if (tag === 'sub') style.subscript = true
    if (tag === 'img' || tag === 'table') return
    out.push(...runsOf(c, style))
  })
  return out
}

function splitIntoSlides(frag: ParentNode, level: number, media: Map<string, Uint8Array>): Slide[] {
  const slides: Slide[] = []
  let title = ''
  let blocks: Element[] = []
  let body: Paragraph[] = []
  let y = 130
  const flushText = () => {
    if (!body.length) return
    const h = Math.max(40, Math.min(H - 40 - y, body.length * 42))
    blocks.push(textEl(body, y, h, 24))
    y += h + 10
    body = []
  }
  // Set when a slide filled up: the next slide carries on under the same title, marked （续）.
  let continued = false
  const flushSlide = (overflow = false) => {
    flushText()
    if (!title && !blocks.length) return
    const heading = title
      ? [
          textEl(
            [{ runs: [{ text: continued ? `${title}（续）` : title, bold: true, fontSize: 36 }], level: 0 }],
            30,
            80
          )
        ]
      : []
    slides.push({
      id: nextId('slide-'),
      elements: [...heading, ...blocks],
      notes: '',
      background: { fit: 'cover' },
      ink: [],
      animations: [],
      hidden: false
    })
    blocks = []
    y = 130
    continued = overflow
  }
  const lines = () => body.length + blocks.length * 3
  const addParagraph = (p: Paragraph) => {
    if (!p.runs.some((r) => r.text.trim())) return
    if (lines() >= LINES_PER_SLIDE) flushSlide(true)
    body.push(p)
  }
  const visit = (node: globalThis.Element) => {
    const tag = node.tagName.toLowerCase()
    const h = /^h([1-6])$/.exec(tag)
    if (h && Number(h[1]) <= level) {
      flushSlide(false)
      title = node.textContent?.trim() ?? ''
      return
    }
    if (h) {
      addParagraph({ runs: runsOf(node, { bold: true }), level: 0 })
      return
    }
    if (tag === 'p') {
      for (const img of Array.from(node.querySelectorAll('img'))) addImage(img.getAttribute('src') ?? '')
      addParagraph({ runs: runsOf(node), level: 0 })
      return
    }
    if (tag === 'ul' || tag === 'ol') {
      const walk = (list: globalThis.Element, depth: number) => {
        for (const li of elementChildren(list)) {
          if (li.tagName.toLowerCase() !== 'li') continue
          const own = li.cloneNode(true) as globalThis.Element
          own.querySelectorAll('ul, ol').forEach((n) => n.remove())
          addParagraph({ runs: runsOf(own), list: tag === 'ol' ? 'number' : 'bullet', level: Math.min(8, depth) })
          for (const sub of elementChildren(li)) if (/^(ul|ol)$/i.test(sub.tagName)) walk(sub, depth + 1)
        }
      }
      walk(node, 0)
      return
    }
    if (tag === 'table') {
      addTable(node)
      return
    }
    for (const c of elementChildren(node)) visit(c)
  }
  const addImage = (src: string) => {
    const bytes = media.get(src)
    const m = /^media\/([0-9a-f]{64})\.([a-z0-9]+)$/.exec(src)
    if (!bytes || !m) return
    flushText()
    if (y > H - 200) flushSlide(true)
    const size = imageSize(bytes) ?? { width: 4, height: 3 }
    const maxW = W - 120
    const maxH = H - 40 - y
    const k = Math.min(maxW / size.width, maxH / size.height, 1.5)
    const w = Math.round(size.width * k)
    const h = Math.round(size.height * k)
    blocks.push({
      type: 'image',
      id: nextId('i'),
      x: (W - w) / 2,
      y,
      w,
      h,
      rotation: 0,
      opacity: 1,
      locked: false,
      media: { hash: m[1]!, ext: m[2] as MediaRef['ext'] },
      alt: '',
      flipH: false,
      flipV: false
    })
    y += h + 10
  }
  const addTable = (table: globalThis.Element) => {
    const trs = Array.from(table.querySelectorAll('tr'))
    const grid = trs.map((tr) => elementChildren(tr).filter((c) => /^t[dh]$/i.test(c.tagName)))
    const cols = Math.max(
      1,
      ...grid.map((r) => r.reduce((n, c) => n + Math.max(1, Number(c.getAttribute('colspan') ?? 1)), 0))
    )
    if (!trs.length) return
    flushText()
    if (y > H - 160) flushSlide(true)
    const rows = grid.map((cells) => {
      const out = cells.map((c) => ({
        paragraphs: [{ runs: runsOf(c), level: 0 }],
        colSpan: Math.max(1, Number(c.getAttribute('colspan') ?? 1)),
        rowSpan: Math.max(1, Number(c.getAttribute('rowspan') ?? 1)),
        merged: false
      }))
      // Cells covered by a colspan are kept as merged placeholders so the grid stays rectangular.
      const expanded = out.flatMap((c) => [
        c,
        ...Array.from({ length: c.colSpan - 1 }, () => ({ paragraphs: [], colSpan: 1, rowSpan: 1, merged: true }))
      ])
      while (expanded.length < cols) expanded.push({ paragraphs: [], colSpan: 1, rowSpan: 1, merged: true })
      expanded.length = cols
      return { height: 40, cells: expanded }
    })
    const h = Math.max(40, Math.min(H - 40 - y, rows.length * 40))
    blocks.push({
      type: 'table',
      id: nextId('tb'),
      x: 60,
      y,
      w: W - 120,
      h,
      rotation: 0,
      opacity: 1,
      locked: false,
      columns: Array.from({ length: cols }, () => 1),
      rows,
      borderColor: '#000000',
      headerRow: !!table.querySelector('th')
    })
    y += h + 10
  }
  for (const c of elementChildren(frag)) visit(c)
  flushSlide(false)
  return slides
}
