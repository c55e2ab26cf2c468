/** Geometry for the ruler and protractor tools. */
export interface Pt {
  readonly x: number
  readonly y: number
}

/** Tick marks along a ruler of `lengthCm` at `pxPerCm`: every mm, longer at 5 mm, labelled at each cm. */
export function rulerTicks(
  lengthCm: number,
  pxPerCm: number
): { x: number; len: 'short' | 'mid' | 'long'; label?: string }[] {
  const out: { x: number; len: 'short' | 'mid' | 'long'; label?: string }[] = []
  const mm = Math.round(lengthCm * 10)
  for (let i = 0; i <= mm; i++) {
    const x = (i * pxPerCm) / 10
    if (i % 10 === 0) out.push({ x, len: 'long', label: String(i / 10) })
    else out.push({ x, len: i % 5 === 0 ? 'mid' : 'short' })
  }
  return out
}

/** The angle at `vertex` from arm `a` to arm `b`, in degrees 0..180 (what a protractor reads). */
export function angleAt(vertex: Pt, a: Pt, b: Pt): number {
  const a1 = Math.atan2(a.y - vertex.y, a.x - vertex.x)
  const a2 = Math.atan2(b.y - vertex.y, b.x - vertex.x)
  let d = Math.abs(a2 - a1) * (180 / Math.PI)
  if (d > 180) d = 360 - d
  return Math.round(d * 10) / 10
}

/** Rotation of a tool dragged by its handle around its pivot, in degrees. */
export function rotationFrom(pivot: Pt, handle: Pt): number {
  return (Math.atan2(handle.y - pivot.y, handle.x - pivot.x) * 180) / Math.PI
}

/** The change from angle `a` to angle `b` (radians), taken the short way round: in (-π, π]. */
export function angleStep(a: number, b: number): number {
  let d = b - a
  while (d > Math.PI) d -= 2 * Math.PI
  while (d <= -Math.PI) d += 2 * Math.PI
  return d
}

/**
 * Points along a compass arc from `start` through `sweep` radians (either way, any length up
 * to a full circle), one every `stepDeg` degrees and always including both ends.
 */
export function arcPoints(center: Pt, radius: number, start: number, sweep: number, stepDeg = 3): Pt[] {
  const total = Math.max(-2 * Math.PI, Math.min(2 * Math.PI, sweep))
  const n = Math.max(1, Math.ceil(Math.abs(total) / ((stepDeg * Math.PI) / 180)))
  return Array.from({ length: n + 1 }, (_, i) => {
    const a = start + (total * i) / n
    return { x: center.x + radius * Math.cos(a), y: center.y + radius * Math.sin(a) }
  })
}
