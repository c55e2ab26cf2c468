/**
 * Shape, picture and table-cell styles (element-style.ts) → SVG attributes and CSS: gradients as SVG
 * gradient stops, shadows and glow as drop-shadow filters, soft edges as a blur, dashes as multiples
 * of the stroke width, picture geometry as a clip-path, cell margins as padding.
 */
import type { Gradient, ImageElement, ShapeElement, Shadow, TableCell } from '../../src-shared/courseware/element'

/** SVG linearGradient end points (objectBoundingBox) for a CSS angle (0 = to top, 90 = to the right). */
export function gradientVector(angle: number): { x1: number; y1: number; x2: number; y2: number } {
  const a = ((angle - 90) * Math.PI) / 180
  const r = (v: number) => Math.round(v * 1000) / 1000
  return {
    x1: r(0.5 - Math.cos(a) / 2),
    y1: r(0.5 - Math.sin(a) / 2),
    x2: r(0.5 + Math.cos(a) / 2),
    y2: r(0.5 + Math.sin(a) / 2)
  }
}

/** #RRGGBBAA → the colour and its opacity, as SVG stop attributes want them. */
export function stopColor(c: string): { color: string; opacity: number } {
  if (c.length === 9)
    return { color: c.slice(0, 7), opacity: Math.round((parseInt(c.slice(7), 16) / 255) * 1000) / 1000 }
  return { color: c, opacity: 1 }
}

const shadowCss = (s: Shadow) => `drop-shadow(${s.dx}px ${s.dy}px ${s.blur / 2}px ${s.color})`

/** The CSS filter of a shape or picture: its shadow, glow and soft edge, or undefined. */
export function effectFilter(e: Pick<ShapeElement, 'shadow' | 'glow' | 'softEdge'>): string | undefined {
  const parts: string[] = []
  if (e.shadow) parts.push(shadowCss(e.shadow))
  if (e.glow) parts.push(`drop-shadow(0 0 ${e.glow.radius / 2}px ${e.glow.color})`)
  if (e.softEdge) parts.push(`blur(${Math.max(0.5, e.softEdge / 4)}px)`)
  return parts.length ? parts.join(' ') : undefined
}

export function dashArray(dash: ShapeElement['dash'], width: number): string | undefined {
  const w = Math.max(1, width)
  switch (dash) {
    case 'dash':
      return `${4 * w} ${3 * w}`
    case 'dot':
      return `${w} ${w}`
    case 'dashDot':
      return `${4 * w} ${3 * w} ${w} ${3 * w}`
    case 'longDash':
      return `${8 * w} ${3 * w}`
    default:
      return undefined
  }
}

/** A clip-path for a picture's geometry in its w×h frame. */
export function imageClip(e: Pick<ImageElement, 'geometry' | 'w' | 'h'>): string | undefined {
  switch (e.geometry) {
    case 'ellipse':
      return 'ellipse(50% 50% at 50% 50%)'
    case 'rounded':
      // PowerPoint's default corner is 16.667 % of the shorter side.
      return `inset(0 round ${Math.round(Math.min(e.w, e.h) * 0.16667 * 100) / 100}px)`
    case 'triangle':
      return 'polygon(50% 0, 100% 100%, 0 100%)'
    default:
      return undefined
  }
}

export function cellStyle(cell: TableCell, borderColor: string): Record<string, string | undefined> {
  const m = cell.margins
  return {
    background: cell.fill,
    borderColor,
    padding: m ? `${m.t}px ${m.r}px ${m.b}px ${m.l}px` : undefined,
    verticalAlign: cell.verticalAlign
  }
}

export type { Gradient }
