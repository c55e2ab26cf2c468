/**
 * Equations in PowerPoint (issue 14, item 6): PowerPoint 2010+ writes a text box holding Office Math
 * inside mc:AlternateContent, its a14 choice with the math (a14:m) and a fallback picture of it. A
 * box that holds only math becomes a formula element (LaTeX for KaTeX, omml.ts); a box that mixes
 * words and math keeps PowerPoint's picture, since a text box cannot hold a formula, and says so.
 */
import type { Element } from '../../../../src-shared/courseware'
import { ommlToLatex } from '../omml'
import { attr, child, path, type XNode } from '../xml'
import { colorOf } from './pptx-color'
import { readXfrm, toSlide, type Affine, type TreeEnv } from './pptx-shapes'

function find(n: XNode, name: string, acc: XNode[] = []): XNode[] {
  for (const c of n.children) {
    if (c.name === name) acc.push(c)
    else find(c, name, acc)
  }
  return acc
}

/** True when it read the alternate content (the caller then skips it). */
export function readMathAlternate(n: XNode, t: Affine, env: TreeEnv, out: Element[]): boolean {
  const choice = n.children.find(
    (c) => c.name === 'mc:Choice' && /\ba14\b/.test(attr(c, 'Requires') ?? '') && find(c, 'a14:m').length
  )
  if (!choice) return false
  const sps = choice.children.filter((c) => c.name === 'p:sp')
  const made: Element[] = []
  for (const sp of sps) {
    const f0 = readXfrm(path(sp, 'p:spPr', 'a:xfrm'))
    const body = child(sp, 'p:txBody')
    if (!f0 || !body) return false
    const lines: string[] = []
    const unknown = new Set<string>()
    for (const p of body.children.filter((c) => c.name === 'a:p')) {
      const words = p.children
        .filter((c) => c.name === 'a:r')
        .map((r) => child(r, 'a:t')?.text ?? '')
        .join('')
      const maths = find(p, 'a14:m').flatMap((m) => m.children.filter((c) => c.name.startsWith('m:oMath')))
      if (words.trim() && maths.length) {
        env.ctx.approx(
          'text',
          '一段文字中夹有公式，按 PowerPoint 保存的图片导入（文字不能再编辑）。',
          'A text with an equation in it was imported as the picture PowerPoint saved (its words are no longer editable).'
        )
        return false
      }
      if (words.trim()) return false
      for (const m of maths) {
        const r = ommlToLatex(m)
        if (r.latex) lines.push(r.latex)
        r.unknown.forEach((u) => unknown.add(u))
      }
    }
    if (!lines.length) return false
    const rPr = find(body, 'a:rPr').find((x) => attr(x, 'sz'))
    const sz = Number(attr(rPr, 'sz') ?? 2400) / 100
    const color = colorOf(child(rPr, 'a:solidFill'), env.theme)
    const f = toSlide(f0, t, env.ctx)
    made.push({
      type: 'formula',
      id: env.ctx.id('m'),
      x: f.x,
      y: f.y,
      w: f.w,
      h: f.h,
      rotation: f.rotation,
      opacity: 1,
      locked: false,
      latex: lines.length > 1 ? `\\begin{gathered}${lines.join(' \\\\ ')}\\end{gathered}` : lines[0]!,
      syntax: 'math',
      color: color && color.length === 7 ? color : '#000000',
      fontSize: Math.min(400, Math.round(sz * env.ctx.fontScale * (4 / 3) * 10) / 10)
    })
    if (unknown.size)
      env.ctx.approx(
        'text',
        `公式中的 ${[...unknown].join('、')} 未能转换，只保留了其中的文字。`,
        `In an equation, ${[...unknown].join(', ')} could not be converted; only its text was kept.`
      )
  }
  out.push(...made)
  return made.length > 0
}
