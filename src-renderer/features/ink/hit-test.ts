/**
 * Eraser geometry. The eraser moves as a capsule (its last and current positions, radius r) so
 * a fast swipe never skips a stroke between two samples.
 */
import type { InkPoint, InkStroke } from '../../../src-shared/courseware/ink'

export interface Bounds {
  readonly minX: number
  readonly minY: number
  readonly maxX: number
  readonly maxY: number
}

const boundsCache = new WeakMap<InkStroke, Bounds>()

/** The stroke's box, grown by half its width; cached because strokes do not change once committed. */
export function strokeBounds(stroke: InkStroke): Bounds {
  const hit = boundsCache.get(stroke)
  if (hit && stroke.points.length > 0) return hit
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const p of stroke.points) {
    if (p[0] < minX) minX = p[0]
    if (p[0] > maxX) maxX = p[0]
    if (p[1] < minY) minY = p[1]
    if (p[1] > maxY) maxY = p[1]
  }
  const h = stroke.width / 2
  const b = { minX: minX - h, minY: minY - h, maxX: maxX + h, maxY: maxY + h }
  boundsCache.set(stroke, b)
  return b
}

export function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax
  const dy = by - ay
  const len2 = dx * dx + dy * dy
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2
  t = t < 0 ? 0 : t > 1 ? 1 : t
  const cx = ax + t * dx - px
  const cy = ay + t * dy - py
  return Math.sqrt(cx * cx + cy * cy)
}

function segmentsCross(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number
): boolean {
  const d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)
  const d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx)
  const d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
  const d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax)
  return d1 * d2 < 0 && d3 * d4 < 0
}

function segmentDistance(a: InkPoint, b: InkPoint, c: Eraser['from'], d: Eraser['to']): number {
  if (segmentsCross(a[0], a[1], b[0], b[1], c.x, c.y, d.x, d.y)) return 0
  return Math.min(
    distToSegment(a[0], a[1], c.x, c.y, d.x, d.y),
    distToSegment(b[0], b[1], c.x, c.y, d.x, d.y),
    distToSegment(c.x, c.y, a[0], a[1], b[0], b[1]),
    distToSegment(d.x, d.y, a[0], a[1], b[0], b[1])
  )
}

export interface Eraser {
  readonly from: { x: number; y: number }
  readonly to: { x: number; y: number }
  readonly radius: number
}

function eraserMayTouch(stroke: InkStroke, e: Eraser): boolean {
  const b = strokeBounds(stroke)
  const r = e.radius
  return !(
    Math.max(e.from.x, e.to.x) + r < b.minX ||
    Math.min(e.from.x, e.to.x) - r > b.maxX ||
    Math.max(e.from.y, e.to.y) + r < b.minY ||
    Math.min(e.from.y, e.to.y) - r > b.maxY
  )
}

/** Stroke eraser: does the eraser's path touch the stroke's ink? */
export function eraserHitsStroke(stroke: InkStroke, e: Eraser): boolean {
  if (stroke.points.length === 0 || !eraserMayTouch(stroke, e)) return false
  const reach = e.radius + stroke.width / 2
  const pts = stroke.points
  if (pts.length === 1) return distToSegment(pts[0]![0], pts[0]![1], e.from.x, e.from.y, e.to.x, e.to.y) <= reach
  for (let i = 1; i < pts.length; i++) {
    if (segmentDistance(pts[i - 1]!, pts[i]!, e.from, e.to) <= reach) return true
  }
  return false
}

/**
 * Area eraser: removes the samples under the eraser and splits the stroke where it was cut.
 * Returns null when the stroke is untouched, else the pieces that remain (maybe none).
 */
export interface ErasedPiece {
  readonly stroke: InkStroke
  readonly parentId: string
  /** Where in the parent (ms after its first sample) this piece begins. */
  readonly offsetMs: number
}

export function eraseArea(stroke: InkStroke, e: Eraser, newId: () => string): ErasedPiece[] | null {
  if (stroke.points.length === 0 || !eraserMayTouch(stroke, e)) return null
  const reach = e.radius + stroke.width / 2
  const runs: InkPoint[][] = []
  let run: InkPoint[] = []
  let touched = false
  for (const p of densify(stroke.points, e, reach)) {
    if (distToSegment(p[0], p[1], e.from.x, e.from.y, e.to.x, e.to.y) <= reach) {
      touched = true
      if (run.length) runs.push(run)
      run = []
    } else {
      run.push(p)
    }
  }
  if (run.length) runs.push(run)
  if (!touched) return null
  return runs.map((points) => {
    const t0 = points[0]![3]
    // Each piece restarts its own time so replay draws it as its own stroke.
    const piece = { ...stroke, id: newId(), points: points.map((p) => [p[0], p[1], p[2], p[3] - t0] as InkPoint) }
    return { stroke: piece, parentId: stroke.id, offsetMs: t0 }
  })
}

/** Adds points along long segments that pass under the eraser, so a cut happens even between two far samples. */
function densify(points: readonly InkPoint[], e: Eraser, reach: number): InkPoint[] {
  const step = Math.max(0.5, e.radius / 2)
  const out: InkPoint[] = [points[0]!]
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!
    const b = points[i]!
    const len = Math.hypot(b[0] - a[0], b[1] - a[1])
    if (len > step && segmentDistance(a, b, e.from, e.to) <= reach) {
      const n = Math.min(1000, Math.ceil(len / step))
      for (let k = 1; k < n; k++) {
        const f = k / n
        out.push([
          a[0] + (b[0] - a[0]) * f,
          a[1] + (b[1] - a[1]) * f,
          a[2] + (b[2] - a[2]) * f,
          a[3] + (b[3] - a[3]) * f
        ])
      }
    }
    out.push(b)
  }
  return out
}
