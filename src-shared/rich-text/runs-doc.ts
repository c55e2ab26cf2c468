/**
 * The deck's text model (paragraphs of runs, src-shared/courseware/element.ts) and the in-place
 * editor's ProseMirror document (Tiptap's JSON), mapped both ways without loss:
 *
 * - a run's bold, italic, underline, strike, colour, highlight, size, font, super/subscript and
 *   slide link become the marks Tiptap edits (size in points: CSS `pt` is 4/3 px, exactly the
 *   slide's 4/3 units per point, so the editor laid out in slide units shows the size drawn);
 * - every other run field (an imported latinFont, anything a later format adds) rides in a
 *   `runExtra` mark, so text typed next to it keeps it and nothing is dropped;
 * - a paragraph is one flat `paragraph` node with its alignment, list kind and indent level as
 *   attributes (not nested lists: the deck's levels are flat, as PowerPoint's are), and its other
 *   fields (spacing, margins, bullet colour…) in `extra`;
 * - a line break inside a paragraph (a run "\n") is a `hardBreak` carrying the run's marks, and the
 *   formatting of an empty paragraph (its blank runs) is kept on the paragraph.
 *
 * Pure (no DOM, no Tiptap), so it is unit-tested on its own and used by the interop test in Node.
 */
import type { Paragraph, TextRun } from '../courseware/element'

export interface PmMark {
  type: string
  attrs?: Record<string, unknown>
}
export interface PmNode {
  type: string
  attrs?: Record<string, unknown>
  content?: PmNode[]
  marks?: PmMark[]
  text?: string
}

/** Run fields the editor has a mark for; the rest go into `runExtra`. */
const MAPPED_RUN = new Set<keyof TextRun>([
  'text',
  'bold',
  'italic',
  'underline',
  'strike',
  'color',
  'highlight',
  'fontSize',
  'fontFamily',
  'superscript',
  'subscript',
  'linkSlideId'
])
const MAPPED_PARAGRAPH = new Set<keyof Paragraph>(['runs', 'align', 'list', 'level'])

type Format = Omit<TextRun, 'text'>

function marksOf(run: Format): PmMark[] {
  const marks: PmMark[] = []
  if (run.bold) marks.push({ type: 'bold' })
  if (run.italic) marks.push({ type: 'italic' })
  if (run.underline) marks.push({ type: 'underline' })
  if (run.strike) marks.push({ type: 'strike' })
  if (run.superscript) marks.push({ type: 'superscript' })
  if (run.subscript) marks.push({ type: 'subscript' })
  if (run.highlight) marks.push({ type: 'highlight', attrs: { color: run.highlight } })
  if (run.color || run.fontSize || run.fontFamily) {
    marks.push({
      type: 'textStyle',
      attrs: {
        color: run.color ?? null,
        fontSize: run.fontSize ? `${run.fontSize}pt` : null,
        fontFamily: run.fontFamily ?? null
      }
    })
  }
  if (run.linkSlideId) marks.push({ type: 'slideLink', attrs: { slideId: run.linkSlideId } })
  const extra = Object.fromEntries(
    Object.entries(run).filter(([k, v]) => !MAPPED_RUN.has(k as keyof TextRun) && v !== undefined)
  )
  if (Object.keys(extra).length) marks.push({ type: 'runExtra', attrs: { data: JSON.stringify(extra) } })
  return marks
}

/** A CSS colour the editor may hand back (#abc, rgb(…)) as the deck's #RRGGBB; null when not one. */
export function cssColor(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const v = value.trim()
  if (/^#[0-9a-f]{6}([0-9a-f]{2})?$/i.test(v)) return v.toUpperCase()
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(v)
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase()
  const rgb = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(v)
  if (rgb) {
    const hex = (n: number) =>
      Math.max(0, Math.min(255, Math.round(n)))
        .toString(16)
        .padStart(2, '0')
    const a = rgb[4] === undefined ? '' : hex(Number(rgb[4]) * 255)
    return `#${hex(+rgb[1]!)}${hex(+rgb[2]!)}${hex(+rgb[3]!)}${a === 'ff' ? '' : a}`.toUpperCase()
  }
  return null
}

/** A CSS font size as points: "24pt", "32px" (3/4 pt each), a bare number as points. */
export function cssPoints(value: unknown): number | null {
  if (typeof value === 'number' && value > 0) return value
  if (typeof value !== 'string') return null
  const m = /^(\d+(?:\.\d+)?)\s*(pt|px)?$/i.exec(value.trim())
  if (!m) return null
  const n = Number(m[1])
  if (!(n > 0)) return null
  const pt = m[2]?.toLowerCase() === 'px' ? (n * 3) / 4 : n
  return Math.round(pt * 100) / 100
}

function formatOf(marks: readonly PmMark[] | undefined): Format {
  const f: Format = {}
  for (const m of marks ?? []) {
    const a = m.attrs ?? {}
    switch (m.type) {
      case 'bold':
      case 'italic':
      case 'underline':
      case 'strike':
      case 'superscript':
      case 'subscript':
        f[m.type] = true
        break
      case 'highlight': {
        const c = cssColor(a['color'])
        if (c) f.highlight = c
        break
      }
      case 'textStyle': {
        const c = cssColor(a['color'])
        if (c) f.color = c
        const pt = cssPoints(a['fontSize'])
        if (pt) f.fontSize = pt
        if (typeof a['fontFamily'] === 'string' && a['fontFamily'].trim()) f.fontFamily = a['fontFamily'].trim()
        break
      }
      case 'slideLink':
        if (typeof a['slideId'] === 'string' && a['slideId']) f.linkSlideId = a['slideId']
        break
      case 'runExtra':
        if (typeof a['data'] === 'string') Object.assign(f, safeObject(a['data']))
        break
    }
  }
  return f
}

function safeObject(json: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json)
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function textNodes(run: TextRun): PmNode[] {
  const marks = marksOf(run)
  const withMarks = (n: PmNode): PmNode => (marks.length ? { ...n, marks } : n)
  const out: PmNode[] = []
  run.text.split('\n').forEach((part, i) => {
    if (i > 0) out.push(withMarks({ type: 'hardBreak' }))
    if (part) out.push(withMarks({ type: 'text', text: part }))
  })
  return out
}

export function paragraphsToDoc(paragraphs: readonly Paragraph[]): PmNode {
  const content = (paragraphs.length ? paragraphs : [{ runs: [], level: 0 } as Paragraph]).map((p): PmNode => {
    const extra: Record<string, unknown> = Object.fromEntries(
      Object.entries(p).filter(([k, v]) => !MAPPED_PARAGRAPH.has(k as keyof Paragraph) && v !== undefined)
    )
    const inline = p.runs.flatMap(textNodes)
    // A paragraph with no text keeps its runs' formatting (an empty line's size sets its height).
    if (!inline.length && p.runs.length) extra['blankRuns'] = p.runs
    return {
      type: 'paragraph',
      attrs: {
        textAlign: p.align ?? null,
        list: p.list ?? null,
        level: p.level ?? 0,
        extra: Object.keys(extra).length ? JSON.stringify(extra) : null
      },
      ...(inline.length ? { content: inline } : {})
    }
  })
  return { type: 'doc', content }
}

const sameFormat = (a: Format, b: Format): boolean => {
  const ka = Object.keys(a)
  return ka.length === Object.keys(b).length && ka.every((k) => a[k as keyof Format] === b[k as keyof Format])
}

/** The document back as paragraphs; adjacent runs of one format are one run. */
export function docToParagraphs(doc: PmNode): Paragraph[] {
  return (doc.content ?? []).flatMap((node): Paragraph[] => {
    if (node.type !== 'paragraph' && node.type !== 'heading') return []
    const a = node.attrs ?? {}
    const extra = typeof a['extra'] === 'string' ? safeObject(a['extra']) : {}
    const blank = Array.isArray(extra['blankRuns']) ? (extra['blankRuns'] as TextRun[]) : null
    delete extra['blankRuns']
    const runs: TextRun[] = []
    for (const child of node.content ?? []) {
      const text = child.type === 'text' ? (child.text ?? '') : child.type === 'hardBreak' ? '\n' : ''
      if (!text) continue
      const f = formatOf(child.marks)
      const last = runs[runs.length - 1]
      if (last && sameFormat(formatOf(marksOf(last)), f)) last.text += text
      else runs.push({ text, ...f })
    }
    const level = Number.isInteger(a['level']) ? Math.max(0, Math.min(8, a['level'] as number)) : 0
    const p: Paragraph = {
      ...(extra as Partial<Paragraph>),
      runs: runs.length ? runs : (blank ?? []),
      level
    }
    const align = a['textAlign']
    if (align === 'left' || align === 'center' || align === 'right' || align === 'justify') p.align = align
    if (a['list'] === 'bullet' || a['list'] === 'number') p.list = a['list']
    return [p]
  })
}

/** Paragraphs as the round trip gives them back: adjacent runs of one format merged, empty runs beside text dropped. */
export function normalizeParagraphs(paragraphs: readonly Paragraph[]): Paragraph[] {
  return docToParagraphs(paragraphsToDoc(paragraphs))
}
