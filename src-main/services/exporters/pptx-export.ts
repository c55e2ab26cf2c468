/**
 * Deck → PowerPoint with pptxgenjs, for colleagues who have only PowerPoint or WPS. Our slide space
 * maps onto LAYOUT_WIDE (13.33 × 7.5 in) or 4:3 (10 × 7.5 in) at 96 units per inch, and our font
 * points are already PowerPoint points. A question becomes text with lettered options and its answer
 * and explanation in the notes.
 */
// Loaded on first export, not at start-up (it is a large module).
import type PptxGenJS from 'pptxgenjs'
import {
  mediaMime,
  mediaPath,
  paragraphsText,
  type Approximation,
  type Deck,
  type Element,
  type MediaRef,
  type Paragraph,
  type Question,
  type ShapeKind
} from '../../../src-shared/courseware'
import { AppError } from '../../../src-shared/errors'
import { QUESTION_KIND_ZH } from '../../../src-shared/classroom/question'
import { addChartElement } from './pptx-chart-export'
import { addTiming } from './pptx-timing-export'

const PER_INCH = 96

export interface PptxExportResult {
  bytes: Uint8Array
  approximations: Approximation[]
}

type Slide = ReturnType<PptxGenJS['addSlide']>
type TextProps = PptxGenJS.TextPropsOptions

const inch = (v: number) => Math.round((v / PER_INCH) * 10000) / 10000
const hex = (c: string | undefined) => (c ? c.slice(1, 7).toUpperCase() : undefined)
const transparency = (c: string | undefined) =>
  c && c.length === 9 ? Math.round((1 - parseInt(c.slice(7, 9), 16) / 255) * 100) : undefined

const SHAPES: Record<ShapeKind, PptxGenJS.SHAPE_NAME> = {
  rectangle: 'rect',
  rounded: 'roundRect',
  ellipse: 'ellipse',
  line: 'line',
  arrow: 'line',
  triangle: 'triangle',
  star: 'star5'
}

export async function exportPptx(
  deck: Deck,
  media: ReadonlyMap<string, Uint8Array>,
  opts: { author?: string } = {}
): Promise<PptxExportResult> {
  const { default: PptxGenJSCtor } = await import('pptxgenjs')
  const pptx = new PptxGenJSCtor()
  pptx.layout = deck.aspect === '16:9' ? 'LAYOUT_WIDE' : 'LAYOUT_4x3'
  pptx.title = deck.title
  if (opts.author) pptx.author = opts.author
  const approximations: Approximation[] = []
  const slideIndex = new Map(deck.slides.map((s, i) => [s.id, i + 1]))
  const dataOf = (ref: MediaRef): string => {
    const bytes = media.get(mediaPath(ref))
    if (!bytes)
      throw new AppError(
        'NOT_FOUND',
        `导出失败：缺少媒体文件 ${mediaPath(ref)}。`,
        `Export failed: media ${mediaPath(ref)} is missing.`,
        { ref }
      )
    return `${mediaMime(ref)};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`
  }

  deck.slides.forEach((s, i) => {
    const slideNo = i + 1
    const approx = (kind: Approximation['kind'], message: string, messageEn: string) =>
      approximations.push({ slide: slideNo, kind, message, messageEn })
    const slide = pptx.addSlide()
    if (s.background.image) slide.background = { data: dataOf(s.background.image) }
    else if (s.background.color) slide.background = { color: hex(s.background.color)! }
    if (s.hidden) slide.hidden = true
    const notes: string[] = s.notes ? [s.notes] : []
    for (const e of s.elements) addElement(slide, e, { dataOf, slideIndex, notes, approx })
    if (s.ink.length)
      approx(
        'content',
        `第 ${slideNo} 张的 ${s.ink.length} 笔墨迹未导出。`,
        `${s.ink.length} ink strokes on slide ${slideNo} were not exported.`
      )
    if (notes.length) slide.addNotes(notes.join('\n\n'))
  })
  if (!deck.slides.length) pptx.addSlide()
  const out = (await pptx.write({ outputType: 'uint8array', compression: true })) as Uint8Array
  const bytes = addTiming(out, deck, (slide, kind, message, messageEn) =>
    approximations.push({ slide, kind, message, messageEn })
  )
  return { bytes, approximations }
}

interface Ctx {
  dataOf: (ref: MediaRef) => string
  slideIndex: Map<string, number>
  notes: string[]
  approx: (kind: Approximation['kind'], message: string, messageEn: string) => void
}

function pos(e: Element) {
  return {
    x: inch(e.x),
    y: inch(e.y),
    w: inch(Math.max(e.w, 1)),
    h: inch(Math.max(e.h, 1)),
    ...(e.rotation ? { rotate: e.rotation } : {})
  }
}

function runs(paragraphs: readonly Paragraph[], ctx: Ctx): PptxGenJS.TextProps[] {
  const out: PptxGenJS.TextProps[] = []
  paragraphs.forEach((p, pi) => {
    const para: TextProps = {
      ...(p.align ? { align: p.align } : {}),
      ...(p.list === 'bullet' ? { bullet: true } : p.list === 'number' ? { bullet: { type: 'number' } } : {}),
      ...(p.level ? { indentLevel: p.level } : {})
    }
    const list = p.runs.length ? p.runs : [{ text: '' }]
    list.forEach((r, ri) => {
      const target = r.linkSlideId ? ctx.slideIndex.get(r.linkSlideId) : undefined
      // pptxgenjs starts a new paragraph at any run carrying paragraph options, so only the first does.
      const o: TextProps = {
        ...(ri === 0 ? para : {}),
        ...(r.bold ? { bold: true } : {}),
        ...(r.italic ? { italic: true } : {}),
        ...(r.underline ? { underline: { style: 'sng' } } : {}),
        ...(r.strike ? { strike: 'sngStrike' } : {}),
        ...(r.color ? { color: hex(r.color) } : {}),
        ...(r.fontSize ? { fontSize: r.fontSize } : {}),
        ...(r.fontFamily ? { fontFace: r.fontFamily } : {}),
        ...(r.superscript ? { superscript: true } : {}),
        ...(r.subscript ? { subscript: true } : {}),
        ...(target ? { hyperlink: { slide: target } } : {}),
        ...(ri === list.length - 1 && pi < paragraphs.length - 1 ? { breakLine: true } : {})
      }
      out.push({ text: r.text, options: o })
    })
  })
  return out
}

function questionText(q: Question): { body: string[]; answer: string } {
  const letter = (i: number) => String.fromCharCode(65 + i)
  switch (q.kind) {
    case 'single':
      return {
        body: q.options.map((o, i) => `${letter(i)}. ${o.text}`),
        answer: letter(q.options.findIndex((o) => o.id === q.answer))
      }
    case 'multiple':
      return {
        body: q.options.map((o, i) => `${letter(i)}. ${o.text}`),
        answer: q.options.map((o, i) => (q.answers.includes(o.id) ? letter(i) : '')).join('')
      }
    case 'truefalse':
      return { body: ['A. 正确', 'B. 错误'], answer: q.answer ? 'A（正确）' : 'B（错误）' }
    case 'fillin':
      return { body: ['________'], answer: q.accepted.join(' / ') }
    case 'poll':
      return { body: q.options.map((o, i) => `${letter(i)}. ${o.text}`), answer: '（投票，无标准答案）' }
  }
}

function addElement(slide: Slide, e: Element, ctx: Ctx): void {
  switch (e.type) {
    case 'text':
      slide.addText(runs(e.paragraphs, ctx), {
        ...pos(e),
        valign: e.verticalAlign,
        fit: e.autoFit ? 'shrink' : 'none',
        margin: 0
      })
      return
    case 'shape': {
      const line = e.kind === 'line' || e.kind === 'arrow'
      const props: PptxGenJS.ShapeProps = {
        ...pos(e),
        ...(e.fill && !line
          ? { fill: { color: hex(e.fill)!, ...(transparency(e.fill) ? { transparency: transparency(e.fill) } : {}) } }
          : {}),
        line:
          e.stroke || line
            ? {
                color: hex(e.stroke ?? '#000000')!,
                width: Math.max(0.25, e.strokeWidth * 0.75),
                ...(e.kind === 'arrow' ? { endArrowType: 'triangle' } : {})
              }
            : { type: 'none' },
        ...(e.flipH ? { flipH: true } : {}),
        ...(e.flipV ? { flipV: true } : {})
      }
      if (e.paragraphs.length && !line)
        slide.addText(runs(e.paragraphs, ctx), { ...props, shape: SHAPES[e.kind], valign: e.verticalAlign })
      else slide.addShape(SHAPES[e.kind], props)
      return
    }
    case 'image': {
      const c = e.crop
      if (c && (c.left || c.top || c.right || c.bottom)) {
        // pptxgenjs crops by a box inside the full image: size the full image, then cut the box out.
        const fullW = e.w / (1 - c.left - c.right)
        const fullH = e.h / (1 - c.top - c.bottom)
        slide.addImage({
          data: ctx.dataOf(e.media),
          x: inch(e.x),
          y: inch(e.y),
          w: inch(fullW),
          h: inch(fullH),
          sizing: { type: 'crop', x: inch(c.left * fullW), y: inch(c.top * fullH), w: inch(e.w), h: inch(e.h) },
          ...(e.rotation ? { rotate: e.rotation } : {}),
          ...(e.alt ? { altText: e.alt } : {}),
          ...(e.flipH ? { flipH: true } : {}),
          ...(e.flipV ? { flipV: true } : {})
        })
      } else {
        slide.addImage({
          data: ctx.dataOf(e.media),
          ...pos(e),
          ...(e.alt ? { altText: e.alt } : {}),
          ...(e.flipH ? { flipH: true } : {}),
          ...(e.flipV ? { flipV: true } : {})
        })
      }
      return
    }
    case 'table': {
      const rows: PptxGenJS.TableRow[] = e.rows.map((r, ri) =>
        r.cells
          .filter((c) => !c.merged)
          .map((c) => ({
            text: paragraphsText(c.paragraphs),
            options: {
              ...(c.fill ? { fill: { color: hex(c.fill)! } } : {}),
              ...(c.colSpan > 1 ? { colspan: c.colSpan } : {}),
              ...(c.rowSpan > 1 ? { rowspan: c.rowSpan } : {}),
              ...(e.headerRow && ri === 0 ? { bold: true } : {})
            }
          }))
      )
      const total = e.columns.reduce((a, b) => a + b, 0)
      slide.addTable(rows, {
        x: inch(e.x),
        y: inch(e.y),
        w: inch(e.w),
        colW: e.columns.map((c) => inch((c / total) * e.w)),
        rowH: e.rows.map((r) => inch(r.height)),
        border: { type: 'solid', pt: 0.75, color: hex(e.borderColor)! },
        fontSize: 14
      })
      return
    }
    case 'formula':
      slide.addText(e.syntax === 'chem' ? `\\ce{${e.latex}}` : e.latex, {
        ...pos(e),
        fontSize: e.fontSize * 0.75,
        color: hex(e.color),
        fontFace: 'Cambria Math'
      })
      ctx.approx(
        'text',
        '公式以 LaTeX 源码导出（PowerPoint 不能直接显示 KaTeX）。',
        'A formula was exported as its LaTeX source (PowerPoint cannot show KaTeX).'
      )
      return
    case 'audio':
    case 'video': {
      const ext = e.media.ext
      slide.addMedia({
        type: e.type,
        data: ctx.dataOf(e.media),
        extn: ext,
        ...pos(e),
        ...(e.type === 'video' && e.poster ? { cover: ctx.dataOf(e.poster) } : {})
      } as PptxGenJS.MediaProps)
      return
    }
    case 'slide-link': {
      const target = ctx.slideIndex.get(e.targetSlideId)
      slide.addText(
        [{ text: e.label, options: { color: hex(e.color), ...(target ? { hyperlink: { slide: target } } : {}) } }],
        {
          ...pos(e),
          ...(e.fill ? { fill: { color: hex(e.fill)! } } : {}),
          align: 'center',
          valign: 'middle'
        }
      )
      return
    }
    case 'question': {
      const q = e.question
      const { body, answer } = questionText(q)
      const kind = QUESTION_KIND_ZH[q.kind]
      slide.addText(
        [
          { text: `【${kind}】${q.prompt}`, options: { bold: true, fontSize: 28, breakLine: true } },
          ...body.map((b, i) => ({
            text: b,
            options: { fontSize: 24, ...(i < body.length - 1 ? { breakLine: true } : {}) }
          }))
        ],
        { ...pos(e), valign: 'top' }
      )
      ctx.notes.push(`答案：${answer}${q.explanation ? `\n解析：${q.explanation}` : ''}`)
      return
    }
    case 'chart':
      addChartElement(slide, e, pos(e), ctx.approx)
      return
    case 'placeholder':
      if (e.preview) slide.addImage({ data: ctx.dataOf(e.preview), ...pos(e) })
      else
        slide.addText(e.label, {
          ...pos(e),
          align: 'center',
          valign: 'middle',
          color: '666666',
          line: { color: '999999', dashType: 'dash', width: 1 }
        })
      ctx.approx('content', `占位内容“${e.label}”按原样导出。`, `Placeholder "${e.label}" was exported as is.`)
      return
  }
}
