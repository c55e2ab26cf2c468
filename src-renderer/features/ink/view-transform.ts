/**
 * Page ↔ screen mapping: screen = page × scale + (x, y). Slides use a fixed fit; whiteboard
 * pages can also be panned and zoomed with two fingers.
 */
export interface View {
  readonly scale: number
  readonly x: number
  readonly y: number
}

export interface Pt {
  readonly x: number
  readonly y: number
}

export const MIN_ZOOM = 0.25
export const MAX_ZOOM = 8

export function toPage(v: View, p: Pt): Pt {
  return { x: (p.x - v.x) / v.scale, y: (p.y - v.y) / v.scale }
}

export function toScreen(v: View, p: Pt): Pt {
  return { x: p.x * v.scale + v.x, y: p.y * v.scale + v.y }
}

/** The view that shows a page of `page` size centred in a `box`, as large as fits. */
export function fitView(page: { width: number; height: number }, box: { width: number; height: number }): View {
  const scale = Math.min(box.width / page.width, box.height / page.height)
  return { scale, x: (box.width - page.width * scale) / 2, y: (box.height - page.height * scale) / 2 }
}

/**
 * Two-finger pan and zoom: the page point under each finger at the start stays under that
 * finger (as far as the zoom limits allow). `fit` is the unzoomed view the limits are relative to.
 */
export function pinch(start: View, a0: Pt, b0: Pt, a1: Pt, b1: Pt, fit: View): View {
  const d0 = Math.hypot(b0.x - a0.x, b0.y - a0.y)
  const d1 = Math.hypot(b1.x - a1.x, b1.y - a1.y)
  const ratio = d0 > 1 ? d1 / d0 : 1
  const scale = clamp(start.scale * ratio, fit.scale * MIN_ZOOM, fit.scale * MAX_ZOOM)
  const m0 = { x: (a0.x + b0.x) / 2, y: (a0.y + b0.y) / 2 }
  const m1 = { x: (a1.x + b1.x) / 2, y: (a1.y + b1.y) / 2 }
  const anchor = toPage(start, m0)
  return { scale, x: m1.x - anchor.x * scale, y: m1.y - anchor.y * scale }
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v
}
