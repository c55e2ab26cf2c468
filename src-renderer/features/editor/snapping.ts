/**
 * Snapping while dragging: an element's edges and centre snap to the slide's edges and centre
 * lines and to the other elements' edges and centres within a threshold, and the lines it
 * snapped to are returned as guides to draw.
 */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export interface SnapResult {
  dx: number
  dy: number
  guides: { axis: 'x' | 'y'; at: number }[]
}

function lines(r: Rect, axis: 'x' | 'y'): number[] {
  return axis === 'x' ? [r.x, r.x + r.w / 2, r.x + r.w] : [r.y, r.y + r.h / 2, r.y + r.h]
}

export function snap(
  moving: Rect,
  others: readonly Rect[],
  slide: { width: number; height: number },
  threshold: number
): SnapResult {
  const targets = { x: [0, slide.width / 2, slide.width], y: [0, slide.height / 2, slide.height] }
  for (const o of others) {
    targets.x.push(...lines(o, 'x'))
    targets.y.push(...lines(o, 'y'))
  }
  const result: SnapResult = { dx: 0, dy: 0, guides: [] }
  for (const axis of ['x', 'y'] as const) {
    let best: { delta: number; at: number } | null = null
    for (const edge of lines(moving, axis)) {
      for (const t of targets[axis]) {
        const delta = t - edge
        if (Math.abs(delta) <= threshold && (!best || Math.abs(delta) < Math.abs(best.delta))) best = { delta, at: t }
      }
    }
    if (best) {
      if (axis === 'x') result.dx = best.delta
      else result.dy = best.delta
      result.guides.push({ axis, at: best.at })
    }
  }
  return result
}
