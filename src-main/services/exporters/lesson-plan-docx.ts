/**
 * A deck's 教案 (sanitised lesson-plan HTML, deck.ts LessonPlan) as a Word .docx, written with the
 * `docx` package: headings, paragraphs with bold/italic/underline/strike/colour/highlight/size/font
 * and sub/superscript, bulleted and numbered lists (nested), tables (merged cells kept) and the
 * plan's own pictures. The HTML is read with jsdom, as the sanitiser reads it.
 */
import { createRequire } from 'node:module'
import type { JSDOM as JSDOMType } from 'jsdom'
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild
} from 'docx'
import type { LessonPlan } from '../../../src-shared/courseware/deck'

const requireLazy = createRequire(import.meta.url)
let jsdom: typeof JSDOMType | null = null

/** Bytes of a plan picture by its `media/<hash>.<ext>` path; null when it is missing. */
export type PlanMedia = (path: string) => Uint8Array | null

interface RunStyle {
  bold?: boolean
  italics?: boolean
  underline?: boolean
  strike?: boolean
  subScript?: boolean
  superScript?: boolean
  color?: string
  shading?: string
  size?: number
  font?: string
}

type Block = Paragraph | Table

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6
] as const
const ALIGN: Record<string, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED
}
/** The widest a picture is drawn, in pixels (A4 text width at 96 dpi is ~600). */
const MAX_IMAGE_WIDTH = 600

export async function lessonPlanDocx(plan: Pick<LessonPlan, 'title' | 'html'>, media: PlanMedia): Promise<Uint8Array> {
  jsdom ??= (requireLazy('jsdom') as { JSDOM: typeof JSDOMType }).JSDOM
  const doc = new jsdom(`<!doctype html><body>${plan.html}</body>`).window.document
  const blocks = new Writer(media).blocks(doc.body)
  const document = new Document({
    creator: 'ClassDeck 教学助手',
    title: plan.title,
    styles: { default: { document: { run: { font: '宋体', size: 24 } } } },
    numbering: {
      config: [
        {
          reference: 'plan-numbered',
          levels: [0, 1, 2, 3, 4, 5].map((level) => ({
            level,
            format: level % 2 === 0 ? LevelFormat.DECIMAL : LevelFormat.LOWER_LETTER,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 420 * (level + 1), hanging: 300 } } }
          }))
        }
      ]
    },
    sections: [{ children: blocks.length ? blocks : [new Paragraph({ children: [new TextRun(plan.title)] })] }]
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

class Writer {
  constructor(private readonly media: PlanMedia) {}

  /** Block-level children of a container: loose text and inline elements gather into paragraphs. */
  blocks(container: Element, list?: { kind: 'bullet' | 'number'; level: number }): Block[] {
    const out: Block[] = []
    let inline: Node[] = []
    const flush = () => {
      if (inline.some((n) => (n.textContent ?? '').trim() !== '' || (n as Element).tagName === 'IMG'))
        out.push(this.paragraph(inline, {}, container))
      inline = []
    }
    for (let n = container.firstChild; n; n = n.nextSibling) {
      const tag = n.nodeType === 1 ? (n as Element).tagName.toLowerCase() : ''
      if (/^h[1-6]$/.test(tag)) {
        flush()
        out.push(this.paragraph([...n.childNodes], { heading: HEADINGS[Number(tag[1]) - 1] }, n as Element))
      } else if (tag === 'p' || tag === 'div' || tag === 'blockquote' || tag === 'pre') {
        flush()
        const el = n as Element
        if (el.querySelector('p, div, h1, h2, h3, h4, h5, h6, ul, ol, table')) out.push(...this.blocks(el, list))
        else out.push(this.paragraph([...el.childNodes], { quote: tag === 'blockquote' }, el, list))
      } else if (tag === 'ul' || tag === 'ol') {
        flush()
        const level = list ? list.level + 1 : 0
        for (let li = n.firstChild; li; li = li.nextSibling)
          if ((li as Element).tagName?.toLowerCase() === 'li')
            out.push(...this.blocks(li as Element, { kind: tag === 'ul' ? 'bullet' : 'number', level }))
      } else if (tag === 'table') {
        flush()
        out.push(this.table(n as Element))
      } else if (tag === 'hr') {
        flush()
      } else if (n.nodeType === 1 || n.nodeType === 3) {
        inline.push(n)
      }
    }
    // An <li> with only inline content becomes one list paragraph.
    if (list && out.length === 0 && inline.length) {
      out.push(this.paragraph(inline, {}, container, list))
      inline = []
    }
    flush()
    return out
  }

  paragraph(
    nodes: Node[],
    kind: { heading?: (typeof HEADINGS)[number]; quote?: boolean },
    el: Element,
    list?: { kind: 'bullet' | 'number'; level: number }
  ): Paragraph {
    const children: ParagraphChild[] = []
    for (const n of nodes) this.inline(n, {}, children)
    const align = ALIGN[(el as HTMLElement).style?.textAlign ?? '']
    return new Paragraph({
      children,
      ...(kind.heading ? { heading: kind.heading } : {}),
      ...(align ? { alignment: align } : {}),
      ...(kind.quote ? { indent: { left: 720 } } : {}),
      ...(list?.kind === 'bullet' ? { bullet: { level: Math.min(list.level, 8) } } : {}),
      ...(list?.kind === 'number' ? { numbering: { reference: 'plan-numbered', level: Math.min(list.level, 5) } } : {})
    })
  }

  inline(n: Node, style: RunStyle, out: ParagraphChild[]): void {
    if (n.nodeType === 3) {
      const text = (n.textContent ?? '').replace(/\s+/g, ' ')
      if (text) out.push(new TextRun({ text, ...runOptions(style) }))
      return
    }
    if (n.nodeType !== 1) return
    const el = n as HTMLElement
    const tag = el.tagName.toLowerCase()
    if (tag === 'br') {
      out.push(new TextRun({ text: '', break: 1 }))
      return
    }
    if (tag === 'img') {
      const image = this.image(el)
      if (image) out.push(image)
      return
    }
    const next = { ...style, ...tagStyle(tag), ...inlineStyle(el) }
    if (tag === 'a' && /^#/.test(el.getAttribute('href') ?? '')) {
      // In-document anchors only survive sanitising; Word shows them as text with the link kept.
      const kids: ParagraphChild[] = []
      for (const c of el.childNodes) this.inline(c, next, kids)
      out.push(new ExternalHyperlink({ link: el.getAttribute('href')!, children: kids as TextRun[] }))
      return
    }
    for (const c of el.childNodes) this.inline(c, next, out)
  }

  image(el: Element): ImageRun | null {
    const src = el.getAttribute('src') ?? ''
    const m = /^media\/[0-9a-f]{64}\.(png|jpg|jpeg|gif|bmp)$/.exec(src)
    if (!m) return null
    const data = this.media(src)
    if (!data) return null
    const size = imageSize(data) ?? { width: 400, height: 300 }
    const w = Number(el.getAttribute('width')) || size.width
    const h = Number(el.getAttribute('height')) || Math.round((size.height * w) / size.width)
    const scale = Math.min(1, MAX_IMAGE_WIDTH / w)
    const type = m[1] === 'jpeg' ? 'jpg' : (m[1] as 'png' | 'jpg' | 'gif' | 'bmp')
    return new ImageRun({
      type,
      data,
      transformation: { width: Math.round(w * scale), height: Math.round(h * scale) },
      altText: { name: el.getAttribute('alt') || '图片', description: el.getAttribute('alt') || '', title: '' }
    })
  }

  table(el: Element): Table {
    const rows: TableRow[] = []
    for (const tr of el.querySelectorAll('tr')) {
      if (tr.closest('table') !== el) continue
      const cells: TableCell[] = []
      for (const td of tr.children) {
        const tag = td.tagName.toLowerCase()
        if (tag !== 'td' && tag !== 'th') continue
        const inner = this.blocks(td)
        const children = inner.length ? inner : [new Paragraph('')]
        cells.push(
          new TableCell({
            children,
            columnSpan: Math.max(1, Number(td.getAttribute('colspan')) || 1),
            rowSpan: Math.max(1, Number(td.getAttribute('rowspan')) || 1),
            ...(tag === 'th' ? { shading: { type: ShadingType.CLEAR, fill: 'E8EEF4', color: 'auto' } } : {})
          })
        )
      }
      if (cells.length) rows.push(new TableRow({ children: cells, tableHeader: tr.parentElement?.tagName === 'THEAD' }))
    }
    if (rows.length === 0) rows.push(new TableRow({ children: [new TableCell({ children: [new Paragraph('')] })] }))
    return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } })
  }
}

function tagStyle(tag: string): RunStyle {
  switch (tag) {
    case 'strong':
    case 'b':
    case 'th':
      return { bold: true }
    case 'em':
    case 'i':
      return { italics: true }
    case 'u':
      return { underline: true }
    case 's':
    case 'strike':
    case 'del':
      return { strike: true }
    case 'sub':
      return { subScript: true }
    case 'sup':
      return { superScript: true }
    case 'mark':
      return { shading: 'FFF176' }
    case 'code':
      return { font: 'Consolas' }
    default:
      return {}
  }
}

/** The text styles the sanitiser keeps (html-sanitize.ts TEXT_STYLES) as run options. */
function inlineStyle(el: HTMLElement): RunStyle {
  const s = el.style
  if (!s) return {}
  const out: RunStyle = {}
  const color = hexOf(s.color)
  if (color) out.color = color
  const bg = hexOf(s.backgroundColor)
  if (bg) out.shading = bg
  const size = /^(\d+(?:\.\d+)?)(px|pt)$/.exec(s.fontSize)
  // docx sizes are half-points; 1 px = 0.75 pt.
  if (size) out.size = Math.round(Number(size[1]) * (size[2] === 'px' ? 0.75 : 1) * 2)
  const font = s.fontFamily.split(',')[0]?.replace(/["']/g, '').trim()
  if (font) out.font = font
  return out
}

function hexOf(css: string): string | null {
  if (!css) return null
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css)
  if (hex) return hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!
  const rgb = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/.exec(css)
  if (rgb) return [rgb[1], rgb[2], rgb[3]].map((v) => Math.min(255, Number(v)).toString(16).padStart(2, '0')).join('')
  return null
}

function runOptions(s: RunStyle): IRunOptions {
  return {
    ...(s.bold ? { bold: true } : {}),
    ...(s.italics ? { italics: true } : {}),
    ...(s.underline ? { underline: {} } : {}),
    ...(s.strike ? { strike: true } : {}),
    ...(s.subScript ? { subScript: true } : {}),
    ...(s.superScript ? { superScript: true } : {}),
    ...(s.color ? { color: s.color } : {}),
    ...(s.shading ? { shading: { type: ShadingType.CLEAR, fill: s.shading, color: 'auto' } } : {}),
    ...(s.size ? { size: s.size } : {}),
    ...(s.font ? { font: s.font } : {})
  }
}

/** Width and height from a PNG, GIF, BMP or JPEG header; null when it cannot be read. */
export function imageSize(b: Uint8Array): { width: number; height: number } | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength)
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50) return { width: v.getUint32(16), height: v.getUint32(20) }
  if (b.length > 10 && b[0] === 0x47 && b[1] === 0x49)
    return { width: v.getUint16(6, true), height: v.getUint16(8, true) }
  if (b.length > 26 && b[0] === 0x42 && b[1] === 0x4d)
    return { width: v.getInt32(18, true), height: Math.abs(v.getInt32(22, true)) }
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null
      const marker = b[i + 1]!
      const len = v.getUint16(i + 2)
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { width: v.getUint16(i + 7), height: v.getUint16(i + 5) }
      i += 2 + len
    }
  }
  return null
}

/** The plan's pictures keyed by their path, for lessonPlanDocx. */
export function planMediaFrom(bytes: ReadonlyMap<string, Uint8Array>): PlanMedia {
  return (path) => bytes.get(path) ?? null
}
