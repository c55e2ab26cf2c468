/**
 * Drawing along a ruler: a stroke that starts close to one of the ruler's edges follows that
 * edge's line, as a pen held against a real ruler does. Surface coordinates (CSS px), so the
 * snap distance feels the same at any zoom.
 */
import type { Pt } from './view-transform'

/** One straight edge of a ruler on screen, from end `a` to end `b`. */
export interface GuideEdge {
  readonly a: Pt
  readonly b: Pt
}

/** A stroke that starts this close to an edge (CSS px) is guided by it. */
export const GUIDE_SNAP_PX = 32

/** The point of the edge nearest `p`, and how far `p` is from it. */
export function nearestOnEdge(edge: GuideEdge, p: Pt): { at: Pt; dist: number } {
  const dx = edge.b.x - edge.a.x
  const dy = edge.b.y - edge.a.y
  const len2 = dx * dx + dy * dy
  let t = len2 === 0 ? 0 : ((p.x - edge.a.x) * dx + (p.y - edge.a.y) * dy) / len2
  // A pen runs along the ruler, not past its ends.
  t = t < 0 ? 0 : t > 1 ? 1 : t
  const at = { x: edge.a.x + t * dx, y: edge.a.y + t * dy }
  return { at, dist: Math.hypot(p.x - at.x, p.y - at.y) }
}

/** The edge a stroke starting at `p` follows: the nearest one within `snapPx`, if any. */
export function guideFor(edges: readonly GuideEdge[], p: Pt, snapPx = GUIDE_SNAP_PX): GuideEdge | null {
  let best: GuideEdge | null = null
  let bestDist = snapPx
  for (const e of edges) {
    const { dist } = nearestOnEdge(e, p)
    if (dist <= bestDist) {
      best = e
      bestDist = dist
    }
  }
  return best
}

/** The four corners of a ruler drawn `length` × `height` px from `origin`, turned `angleDeg` about it. */
export function rulerEdges(origin: Pt, angleDeg: number, length: number, height: number): GuideEdge[] {
  const r = (angleDeg * Math.PI) / 180
  const ux = { x: Math.cos(r), y: Math.sin(r) }
  const uy = { x: -Math.sin(r), y: Math.cos(r) }
  const at = (s: number, h: number): Pt => ({ x: origin.x + ux.x * s + uy.x * h, y: origin.y + ux.y * s + uy.y * h })
  return [
    { a: at(0, 0), b: at(length, 0) },
    { a: at(0, height), b: at(length, height) }
  ]
}
