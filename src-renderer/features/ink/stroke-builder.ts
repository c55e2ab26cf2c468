/**
 * Building a stroke from pointer samples and turning it into a filled outline with
 * perfect-freehand. Pure: no DOM, so it is tested in node and shared by the live and the
 * committed canvas.
 */
import { getStroke, type StrokeOptions } from 'perfect-freehand'
import type { InkPoint, InkStroke, InkTool } from '../../../src-shared/courseware/ink'

/** Pressure stored for input that has none (mouse, most touch screens): marks the stroke as simulated. */
export const NO_PRESSURE = 0.5

export interface InkSample {
  /** Page coordinates (slide units, or whiteboard units). */
  readonly x: number
  readonly y: number
  /** 0..1 from a pen; ignored for mouse and touch. */
  readonly pressure: number
  /** Milliseconds on the engine's clock (PointerEvent.timeStamp). */
  readonly t: number
}

export type PointerKind = 'pen' | 'mouse' | 'touch'

export class StrokeBuilder {
  readonly stroke: InkStroke
  /** Engine time of the first sample, kept beside the stroke for replay. */
  readonly startedAt: number
  readonly #pressureFromInput: boolean

  constructor(opts: {
    id: string
    tool: InkTool
    color: string
    width: number
    pointer: PointerKind
    first: InkSample
  }) {
    this.stroke = { id: opts.id, tool: opts.tool, color: opts.color, width: opts.width, points: [] }
    this.startedAt = opts.first.t
    // Only a pen reports real pressure; a finger or mouse gets velocity-simulated thinning instead.
    this.#pressureFromInput = opts.pointer === 'pen'
    this.add(opts.first)
  }

  /** Adds one sample. Every sample is kept (none dropped), even a repeat of the last position. */
  add(s: InkSample): void {
    const p = this.#pressureFromInput ? clamp01(s.pressure) : NO_PRESSURE
    const t = Math.max(0, s.t - this.startedAt)
    this.stroke.points.push([s.x, s.y, p, t] as InkPoint)
  }
}

function clamp01(v: number): number {
  if (!Number.isFinite(v)) return NO_PRESSURE
  return v < 0 ? 0 : v > 1 ? 1 : v
}

/** True when no sample carried real pressure (then pressure is simulated from speed). */
export function isSimulated(stroke: InkStroke): boolean {
  for (const p of stroke.points) if (p[2] !== NO_PRESSURE) return false
  return true
}

export function strokeOptions(stroke: InkStroke, last: boolean): StrokeOptions {
  if (stroke.tool === 'highlighter') {
    return {
      size: stroke.width,
      thinning: 0,
      smoothing: 0.5,
      streamline: 0.4,
      simulatePressure: false,
      last,
      start: { cap: true },
      end: { cap: true }
    }
  }
  return {
    size: stroke.width,
    thinning: 0.6,
    smoothing: 0.5,
    streamline: 0.45,
    simulatePressure: isSimulated(stroke),
    last
  }
}

/** The stroke's filled outline as a polygon in page coordinates. */
export function strokeOutline(stroke: InkStroke, last = true): number[][] {
  return getStroke(stroke.points, strokeOptions(stroke, last))
}

/** An SVG path for the outline (Path2D takes it directly). Quadratic curves through midpoints keep it smooth. */
export function outlinePath(outline: readonly number[][]): string {
  const n = outline.length
  if (n === 0) return ''
  if (n < 3) {
    const [x, y] = outline[0]!
    return `M${r(x!)},${r(y!)}Z`
  }
  let d = `M${r(outline[0]![0]!)},${r(outline[0]![1]!)}Q`
  for (let i = 0; i < n; i++) {
    const a = outline[i]!
    const b = outline[(i + 1) % n]!
    d += `${r(a[0]!)},${r(a[1]!)} ${r((a[0]! + b[0]!) / 2)},${r((a[1]! + b[1]!) / 2)} `
  }
  return d + 'Z'
}

function r(v: number): string {
  return (Math.round(v * 100) / 100).toString()
}

/** Highlighter ink is translucent so the slide shows through. */
export function strokeAlpha(stroke: InkStroke): number {
  return stroke.tool === 'highlighter' ? 0.35 : 1
}
