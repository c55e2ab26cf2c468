/** Geometry for the ruler and protractor tools. */
export interface Pt {
  readonly x: number
  readonly y: number
}

/** Tick marks along a ruler of `lengthCm` at `pxPerCm`: every mm, longer at 5 mm, labelled at each cm. */
export function rulerTicks(lengthCm: number, pxPerCm: number): { x: number; len: 'short' | 'mid' | 'long'; label?: string }[] {
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
