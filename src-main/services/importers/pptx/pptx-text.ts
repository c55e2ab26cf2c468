/**
 * DrawingML text (a:txBody) → our paragraphs and runs. Run properties not set on the run come from
 * a chain of list styles: the shape's own, its layout and master placeholders, the master's
 * title/body/other style, and the presentation default.
 */
import type { Paragraph, TextRun } from '../../../../src-shared/courseware'
import { attr, boolAttr, child, numAttr, type XNode } from '../xml'
import { colorOf } from './pptx-color'

export interface TextEnv {
  theme: Map<string, string>
  fontScale: number
  /** List-style nodes (each holding a:lvl1pPr … a:lvl9pPr), most specific first. */
  styles: (XNode | undefined)[]
  /** Slide part of a link target → our slide id (for in-deck jumps). */
  slideLink?: (rId: string) => string | undefined
}

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
  const font = first((n) => attr(child(n, 'a:ea'), 'typeface') ?? attr(child(n, 'a:latin'), 'typeface'))
  const baseline = first((n) => numAttr(n, 'baseline'))
  if (b) out.bold = true
  if (i) out.italic = true
  if (u && u !== 'none') out.underline = true
  if (strike && strike !== 'noStrike') out.strike = true
  if (sz) out.fontSize = Math.round((sz / 100) * env.fontScale * 10) / 10
  if (color) out.color = color
  if (font && !font.startsWith('+')) out.fontFamily = font
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
    for (const n of pChain) {
      if (child(n, 'a:buNone')) break
      if (child(n, 'a:buAutoNum')) {
        list = 'number'
        break
      }
      if (child(n, 'a:buChar') || child(n, 'a:buBlip')) {
        list = 'bullet'
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
    if (list && runs.some((r) => r.text.trim())) para.list = list
    out.push(para)
  }
  // Trailing empty paragraphs add nothing a teacher can see.
  while (out.length && out[out.length - 1]!.runs.every((r) => !r.text.trim())) out.pop()
  return out
}
