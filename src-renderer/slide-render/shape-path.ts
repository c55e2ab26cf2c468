/** SVG geometry for each shape kind, in a w×h box. */
import type { ShapeKind } from '../../src-shared/courseware/element'

export function shapePath(
  kind: ShapeKind,
  w: number,
  h: number,
  sw: number,
  ends: 'start' | 'end' | 'both' = 'end'
): string {
  const i = sw / 2
  switch (kind) {
    case 'rectangle':
      return `M${i},${i} H${w - i} V${h - i} H${i} Z`
    case 'rounded': {
      const r = Math.min(w, h) * 0.16
      return `M${i + r},${i} H${w - i - r} Q${w - i},${i} ${w - i},${i + r} V${h - i - r} Q${w - i},${h - i} ${w - i - r},${h - i} H${i + r} Q${i},${h - i} ${i},${h - i - r} V${i + r} Q${i},${i} ${i + r},${i} Z`
    }
    case 'ellipse': {
      const rx = w / 2 - i
      const ry = h / 2 - i
      return `M${w / 2 - rx},${h / 2} a${rx},${ry} 0 1,0 ${2 * rx},0 a${rx},${ry} 0 1,0 ${-2 * rx},0 Z`
    }
    case 'triangle':
      return `M${w / 2},${i} L${w - i},${h - i} L${i},${h - i} Z`
    case 'star': {
      const cx = w / 2
      const cy = h / 2
      const pts: string[] = []
      for (let k = 0; k < 10; k++) {
        const a = -Math.PI / 2 + (k * Math.PI) / 5
        const f = k % 2 === 0 ? 1 : 0.4
        pts.push(`${cx + Math.cos(a) * (w / 2 - i) * f},${cy + Math.sin(a) * (h / 2 - i) * f}`)
      }
      return `M${pts.join(' L')} Z`
    }
    case 'line':
      return `M0,0 L${w},${h}`
    case 'arrow': {
      const len = Math.hypot(w, h) || 1
      const ux = w / len
      const uy = h / len
      const head = Math.max(10, sw * 4)
      // A head at (px, py) pointing along (dx, dy); the shaft stops at its base.
      const headAt = (px: number, py: number, dx: number, dy: number) => {
        const bx = px - dx * head
        const by = py - dy * head
        return `M${px},${py} L${bx - dy * head * 0.5},${by + dx * head * 0.5} L${bx + dy * head * 0.5},${by - dx * head * 0.5} Z`
      }
      const atStart = ends !== 'end'
      const atEnd = ends !== 'start'
      const sx = atStart ? ux * head : 0
      const sy = atStart ? uy * head : 0
      const ex = atEnd ? w - ux * head : w
      const ey = atEnd ? h - uy * head : h
      return `M${sx},${sy} L${ex},${ey}${atEnd ? ` ${headAt(w, h, ux, uy)}` : ''}${atStart ? ` ${headAt(0, 0, -ux, -uy)}` : ''}`
    }
  }
}
