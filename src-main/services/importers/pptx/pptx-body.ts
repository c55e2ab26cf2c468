/**
 * A text body's a:bodyPr → how its text sits in the box (insets, wrapping, vertical text, columns,
 * autofit), and a rough measure of whether the text still fits, so the report can say where it does not.
 */
import type { Insets, Paragraph, TextElement } from '../../../../src-shared/courseware'
import { attr, child, numAttr, type XNode } from '../xml'

export type TextLayout = Pick<TextElement, 'insets' | 'wrap' | 'vertical' | 'columns' | 'columnGap' | 'autoGrow'>

/** PowerPoint's default insets: 0.1 in left and right, 0.05 in top and bottom. */
const DEFAULT_INS = { l: 91440, t: 45720, r: 91440, b: 45720 }

export interface BodyProps {
  layout: TextLayout
  /** normAutofit's fontScale and lnSpcReduction (1 and 0 when PowerPoint did not shrink the text). */
  autofit?: { fontScale: number; lnSpcReduction: number }
  /** normAutofit present: PowerPoint shrinks this text on overflow. */
  shrink: boolean
}

export function readBodyPr(bodyPr: XNode | undefined, sx: number, sy: number): BodyProps {
  const r = (v: number) => Math.round(v * 100) / 100
  const ins = (k: keyof typeof DEFAULT_INS, s: number) =>
    r(Math.max(0, numAttr(bodyPr, `${k}Ins`) ?? DEFAULT_INS[k]) * s)
  const insets: Insets = { l: ins('l', sx), t: ins('t', sy), r: ins('r', sx), b: ins('b', sy) }
  const layout: TextLayout = { insets }
  if (attr(bodyPr, 'wrap') === 'none') layout.wrap = false
  const vert = attr(bodyPr, 'vert')
  if (vert === 'vert' || vert === 'vert270' || vert === 'eaVert' || vert === 'wordArtVert') layout.vertical = vert
  else if (vert === 'mongolianVert') layout.vertical = 'eaVert'
  else if (vert === 'wordArtVertRtl') layout.vertical = 'wordArtVert'
  const numCol = Math.round(numAttr(bodyPr, 'numCol') ?? 1)
  if (numCol > 1) {
    layout.columns = Math.min(16, numCol)
    layout.columnGap = r(Math.max(0, numAttr(bodyPr, 'spcCol') ?? 0) * sx)
  }
  if (child(bodyPr, 'a:spAutoFit')) layout.autoGrow = true
  const norm = child(bodyPr, 'a:normAutofit')
  const out: BodyProps = { layout, shrink: !!norm }
  if (norm) {
    const fontScale = Math.min(1, Math.max(0.01, (numAttr(norm, 'fontScale') ?? 100000) / 100000))
    const lnSpcReduction = Math.min(0.9, Math.max(0, (numAttr(norm, 'lnSpcReduction') ?? 0) / 100000))
    if (fontScale < 1 || lnSpcReduction > 0) out.autofit = { fontScale, lnSpcReduction }
  }
  return out
}

const PT = 4 / 3

/** Width of a character in ems, as a CJK-aware rule of thumb (no font metrics in the main process). */
function charEm(ch: string): number {
  const c = ch.codePointAt(0) ?? 0
  if (c === 0x20) return 0.28
  if (c < 0x2e80) return /[A-Z0-9mwMW@%&]/.test(ch) ? 0.62 : 0.5
  return 1
}

/**
 * An estimate of the height the paragraphs take at `width` slide units, in slide units. It errs low
 * (narrow Latin glyphs, no kerning) so that only text clearly past its box is reported.
 */
export function estimateTextHeight(paragraphs: readonly Paragraph[], width: number, defaultPt: number): number {
  let height = 0
  for (const p of paragraphs) {
    const size = Math.max(...p.runs.map((r) => r.fontSize ?? defaultPt), defaultPt * 0.1) * PT
    const pitch = p.lineSpacingPt ? p.lineSpacingPt * PT : size * (p.lineHeight ?? 1.2)
    const avail = Math.max(size, width - (p.marginLeft ?? 0))
    let lines = 0
    for (const line of p.runs
      .map((r) => r.text)
      .join('')
      .split('\n')) {
      let w = 0
      let n = 1
      for (const ch of line) {
        const cw = charEm(ch) * size
        if (w + cw > avail && w > 0) {
          n++
          w = 0
        }
        w += cw
      }
      lines += n
    }
    height += lines * pitch + ((p.spaceBefore ?? 0) + (p.spaceAfter ?? 0)) * PT
  }
  return height
}
