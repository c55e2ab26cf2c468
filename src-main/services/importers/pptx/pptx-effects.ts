/**
 * DrawingML fills, outlines and effects beyond a solid colour → the shape and picture style fields
 * (element-style.ts): gradients (linear and radial), pattern fills (as the mix of their two colours),
 * outer shadows, glow and soft edges, dashes, arrow heads and compound lines. What is approximated is
 * reported once per slide and kind, by the caller's context.
 */
import type { Gradient, Shadow } from '../../../../src-shared/courseware'
import { attr, child, children, numAttr, type XNode } from '../xml'
import { colorOf } from './pptx-color'
import type { PptxContext } from './pptx-context'

/** A gradient fill, or undefined when it has fewer than two stops we can read. */
export function readGradient(grad: XNode | undefined, theme: Map<string, string>): Gradient | undefined {
  if (!grad) return undefined
  const stops = children(child(grad, 'a:gsLst'), 'a:gs')
    .map((gs) => ({ at: Math.min(1, Math.max(0, (numAttr(gs, 'pos') ?? 0) / 100000)), color: colorOf(gs, theme) }))
    .filter((s): s is { at: number; color: string } => !!s.color)
    .sort((a, b) => a.at - b.at)
    .slice(0, 16)
  if (stops.length < 2) return undefined
  const path = attr(child(grad, 'a:path'), 'path')
  if (path) return { kind: 'radial', angle: 90, stops }
  // a:lin's angle is clockwise from "left to right"; CSS's 0deg is "to top", 90deg "to the right".
  const ang = (numAttr(child(grad, 'a:lin'), 'ang') ?? 0) / 60000
  return { kind: 'linear', angle: Math.round(((ang + 90) % 360) * 100) / 100, stops }
}

/** A pattern fill's look from a distance: its foreground and background colours mixed half and half. */
export function patternColor(patt: XNode, theme: Map<string, string>): string | undefined {
  const fg = colorOf(child(patt, 'a:fgClr'), theme) ?? '#000000'
  const bg = colorOf(child(patt, 'a:bgClr'), theme) ?? '#FFFFFF'
  const mix = (i: number) =>
    Math.round((parseInt(fg.slice(i, i + 2), 16) + parseInt(bg.slice(i, i + 2), 16)) / 2)
      .toString(16)
      .padStart(2, '0')
  return `#${mix(1)}${mix(3)}${mix(5)}`.toUpperCase()
}

export interface Effects {
  shadow?: Shadow
  glow?: { radius: number; color: string }
  softEdge?: number
}

/** a:effectLst of a shape's or picture's properties; `s` is slide units per EMU. */
export function readEffects(spPr: XNode | undefined, theme: Map<string, string>, s: number, ctx: PptxContext): Effects {
  const lst = child(spPr, 'a:effectLst')
  if (!lst) return {}
  const out: Effects = {}
  const r = (v: number) => Math.round(v * s * 100) / 100
  const outer = child(lst, 'a:outerShdw')
  if (outer) {
    const dist = numAttr(outer, 'dist') ?? 0
    const dir = (((numAttr(outer, 'dir') ?? 0) / 60000) * Math.PI) / 180
    out.shadow = {
      dx: r(Math.cos(dir) * dist),
      dy: r(Math.sin(dir) * dist),
      blur: Math.min(10_000, r(numAttr(outer, 'blurRad') ?? 0)),
      color: colorOf(outer, theme) ?? '#00000080'
    }
  }
  const glow = child(lst, 'a:glow')
  if (glow)
    out.glow = { radius: Math.min(10_000, r(numAttr(glow, 'rad') ?? 0)), color: colorOf(glow, theme) ?? '#FFFF0080' }
  const soft = child(lst, 'a:softEdge')
  if (soft) out.softEdge = Math.min(10_000, r(numAttr(soft, 'rad') ?? 0))
  const lost = ['a:innerShdw', 'a:reflection', 'a:prstShdw', 'a:blur'].filter((k) => child(lst, k))
  if (lost.length)
    ctx.approx(
      'shape',
      `形状效果（${lost.map((k) => EFFECT_ZH[k]).join('、')}）未导入。`,
      `Shape effects (${lost.map((k) => k.slice(2)).join(', ')}) were not imported.`
    )
  return out
}

const EFFECT_ZH: Record<string, string> = {
  'a:innerShdw': '内部阴影',
  'a:reflection': '映像',
  'a:prstShdw': '预设阴影',
  'a:blur': '模糊'
}

const DASH: Record<string, 'dash' | 'dot' | 'dashDot' | 'longDash'> = {
  dash: 'dash',
  sysDash: 'dash',
  dot: 'dot',
  sysDot: 'dot',
  dashDot: 'dashDot',
  sysDashDot: 'dashDot',
  sysDashDotDot: 'dashDot',
  lgDashDot: 'dashDot',
  lgDashDotDot: 'dashDot',
  lgDash: 'longDash'
}

export interface LineStyle {
  dash?: 'dash' | 'dot' | 'dashDot' | 'longDash'
  arrowheads?: 'start' | 'end' | 'both'
}

/** Dash, arrow heads (headEnd is at the line's start, tailEnd at its end) and compound lines of a:ln. */
export function readLineStyle(ln: XNode | undefined, ctx: PptxContext): LineStyle {
  if (!ln) return {}
  const out: LineStyle = {}
  const dash = DASH[attr(child(ln, 'a:prstDash'), 'val') ?? 'solid']
  if (dash) out.dash = dash
  else if (child(ln, 'a:custDash')) out.dash = 'dash'
  const has = (tag: string) => (attr(child(ln, tag), 'type') ?? 'none') !== 'none'
  const head = has('a:headEnd')
  const tail = has('a:tailEnd')
  if (head || tail) out.arrowheads = head && tail ? 'both' : head ? 'start' : 'end'
  const cmpd = attr(ln, 'cmpd')
  if (cmpd && cmpd !== 'sng')
    ctx.approx(
      'shape',
      '复合线（双线、粗细线）以单线显示。',
      'A compound (double, thick-thin) line is shown as a single line.'
    )
  return out
}
