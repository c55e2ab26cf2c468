/**
 * DrawingML text (a:txBody) → our paragraphs and runs. Run properties not set on the run come from
 * a chain of list styles: the shape's own, its layout and master placeholders, the master's
 * title/body/other style, and the presentation default.
 */
import type { Numbering, Paragraph, TextRun } from '../../../../src-shared/courseware'
import { attr, boolAttr, child, numAttr, type XNode } from '../xml'
import { colorOf } from './pptx-color'
import { bulletChar, numberingOf } from './pptx-bullets'

export interface TextEnv {
  theme: Map<string, string>
  fontScale: number
  /** List-style nodes (each holding a:lvl1pPr … a:lvl9pPr), most specific first. */
  styles: (XNode | undefined)[]
  /** Slide part of a link target → our slide id (for in-deck jumps). */
  slideLink?: (rId: string) => string | undefined
  /** The shape style's text colour (p:style/a:fontRef): white text on a blue shape. */
  fontRefColor?: string
  /** What PowerPoint's shrink-on-overflow (normAutofit) last computed: applied to sizes and line pitch. */
  autofit?: { fontScale: number; lnSpcReduction: number }
  /** Slide units per EMU, horizontally (for paragraph margins). */
  emuX?: number
}

/** PowerPoint's default run size, when no style in the chain names one. */
const DEFAULT_PT = 18
/** A line at 100 % spacing is this many times the font size in PowerPoint (and LibreOffice). */
const SINGLE_LINE = 1.2

const ALIGN: Record<string, Paragraph['align']> = {
  l: 'left',
  ctr: 'center',
  r: 'right',
  just: 'justify',
  dist: 'justify'
}

function levelProps(env: TextEnv, level: number): XNode[] {
  const out: XNode[] = []
  for (const s of env.styles) {
    const p = child(s, `a:lvl${level + 1}pPr`)
    if (p) out.push(p)
  }
  return out
}

function runProps(rPr: XNode | undefined, inherited: XNode[], env: TextEnv): Omit<TextRun, 'text'> {
  const chain = [rPr, ...inherited.map((p) => child(p, 'a:defRPr'))].filter((n): n is XNode => !!n)
  const first = <T>(get: (n: XNode) => T | undefined): T | undefined => {
    for (const n of chain) {
      const v = get(n)
      if (v !== undefined) return v
    }
    return undefined
  }
  const out: Omit<TextRun, 'text'> = {}
  const b = first((n) => boolAttr(n, 'b'))
  const i = first((n) => boolAttr(n, 'i'))
  const u = first((n) => attr(n, 'u'))
  const strike = first((n) => attr(n, 'strike'))
  const sz = first((n) => numAttr(n, 'sz'))
  const color = first((n) => colorOf(child(n, 'a:solidFill'), env.theme))
  const face = (n: XNode, tag: string) => {
    const f = attr(child(n, tag), 'typeface')
    const resolved = f?.startsWith('+') ? env.theme.get(f) : f
    return resolved || undefined
  }
  const ea = first((n) => face(n, 'a:ea'))
  const latin = first((n) => face(n, 'a:latin'))
  const font = ea ?? latin
  const baseline = first((n) => numAttr(n, 'baseline'))
  if (b) out.bold = true
  if (i) out.italic = true
  if (u && u !== 'none') out.underline = true
  if (strike && strike !== 'noStrike') out.strike = true
  const scale = env.autofit?.fontScale ?? 1
  if (sz || scale < 1) out.fontSize = Math.round(((sz ?? DEFAULT_PT * 100) / 100) * scale * env.fontScale * 10) / 10
  const shown = color ?? env.fontRefColor
  if (shown) out.color = shown
  if (font) out.fontFamily = font
  if (latin && latin !== font) out.latinFont = latin
  if (baseline && baseline > 0) out.superscript = true
  if (baseline && baseline < 0) out.subscript = true
  return out
}

/** Paragraphs of a text body; empty paragraphs are kept (they are blank lines). */
export function readParagraphs(txBody: XNode | undefined, env: TextEnv): Paragraph[] {
  if (!txBody) return []
  const styles: TextEnv = { ...env, styles: [child(txBody, 'a:lstStyle'), ...env.styles] }
  const out: Paragraph[] = []
  for (const p of txBody.children) {
    if (p.name !== 'a:p') continue
    const pPr = child(p, 'a:pPr')
    const level = Math.min(8, numAttr(pPr, 'lvl') ?? 0)
    const inherited = levelProps(styles, level)
    const pChain = [pPr, ...inherited].filter((n): n is XNode => !!n)
    const algn = pChain.map((n) => attr(n, 'algn')).find((v) => v !== undefined)
    let list: Paragraph['list']
    let bullet: string | undefined
    let numbering: Numbering | undefined
    for (const n of pChain) {
      if (child(n, 'a:buNone')) break
      const auto = child(n, 'a:buAutoNum')
      if (auto) {
        list = 'number'
        numbering = numberingOf(auto)
        break
      }
      const ch = child(n, 'a:buChar')
      if (ch || child(n, 'a:buBlip')) {
        list = 'bullet'
        // The bullet's font is the nearest a:buFont in the chain, not necessarily beside this a:buChar.
        const buFont = pChain.map((x) => attr(child(x, 'a:buFont'), 'typeface')).find((v) => v !== undefined)
        if (ch) bullet = bulletChar(attr(ch, 'char') ?? '•', buFont)
        break
      }
    }
    const runs: TextRun[] = []
    for (const r of p.children) {
      if (r.name === 'a:r' || r.name === 'a:fld') {
        const rPr = child(r, 'a:rPr')
        const text = child(r, 'a:t')?.text ?? ''
        const run: TextRun = { text, ...runProps(rPr, inherited, styles) }
        const link = attr(child(rPr, 'a:hlinkClick'), 'r:id')
        if (link && env.slideLink) {
          const target = env.slideLink(link)
          if (target) run.linkSlideId = target
        }
        runs.push(run)
      } else if (r.name === 'a:br') {
        runs.push({ text: '\n', ...runProps(child(r, 'a:rPr'), inherited, styles) })
      }
    }
    const para: Paragraph = { runs, level }
    const a = algn ? ALIGN[algn] : undefined
    if (a) para.align = a
    if (list && runs.some((r) => r.text.trim())) {
      para.list = list
      if (bullet) para.bullet = bullet
      if (numbering) para.numbering = numbering
      const buClr = pChain.map((x) => colorOf(child(x, 'a:buClr'), env.theme)).find((v) => v !== undefined)
      if (buClr) para.bulletColor = buClr
    }
    Object.assign(para, spacing(pChain, runs, styles))
    out.push(para)
  }
  // Trailing empty paragraphs add nothing a teacher can see.
  while (out.length && out[out.length - 1]!.runs.every((r) => !r.text.trim())) out.pop()
  return out
}

/** Line pitch, space before and after, and margins of a paragraph, from the first level that sets each. */
function spacing(pChain: XNode[], runs: TextRun[], env: TextEnv): Partial<Paragraph> {
  const out: Partial<Paragraph> = {}
  const reduction = env.autofit?.lnSpcReduction ?? 0
  const size = runs.find((r) => r.fontSize)?.fontSize ?? DEFAULT_PT * env.fontScale
  const pick = (tag: string) => pChain.map((n) => child(n, tag)).find((v) => v !== undefined)
  const lnSpc = pick('a:lnSpc')
  const pct = numAttr(child(lnSpc, 'a:spcPct'), 'val')
  const pts = numAttr(child(lnSpc, 'a:spcPts'), 'val')
  if (pts !== undefined && pts > 0) out.lineSpacingPt = round((pts / 100) * env.fontScale * (1 - reduction))
  else if (pct !== undefined || reduction > 0) {
    const multiple = Math.max(0.1, (pct ?? 100000) / 100000 - reduction)
    out.lineHeight = round(Math.min(10, SINGLE_LINE * multiple))
  }
  const gap = (tag: string): number | undefined => {
    const n = pick(tag)
    const p = numAttr(child(n, 'a:spcPts'), 'val')
    if (p !== undefined) return round((p / 100) * env.fontScale * (1 - reduction))
    const q = numAttr(child(n, 'a:spcPct'), 'val')
    if (q !== undefined) return round((q / 100000) * size * SINGLE_LINE * (1 - reduction))
    return undefined
  }
  const before = gap('a:spcBef')
  const after = gap('a:spcAft')
  if (before) out.spaceBefore = Math.min(1000, before)
  if (after) out.spaceAfter = Math.min(1000, after)
  if (env.emuX) {
    const marL = pChain.map((n) => numAttr(n, 'marL')).find((v) => v !== undefined)
    const indent = pChain.map((n) => numAttr(n, 'indent')).find((v) => v !== undefined)
    if (marL !== undefined && marL > 0) out.marginLeft = Math.min(10_000, round(marL * env.emuX))
    if (indent !== undefined && indent !== 0) out.indent = Math.max(-10_000, Math.min(10_000, round(indent * env.emuX)))
  }
  return out
}

function round(v: number): number {
  return Math.round(v * 100) / 100
}
