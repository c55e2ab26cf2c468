/**
 * Replaying a slide's ink stroke by stroke, in the order and at the pace it was drawn.
 * Long pauses between strokes are shortened so a replay never stalls.
 */
import type { InkStroke } from '../../../src-shared/courseware/ink'

export interface ReplayItem {
  readonly stroke: InkStroke
  /** When this stroke starts in the replay (ms). */
  readonly at: number
  /** How long its own drawing takes (ms). */
  readonly duration: number
}

export interface ReplayOptions {
  /** Longest pause kept between two strokes. */
  readonly maxGapMs?: number
  /** Pause used when start times are unknown (ink loaded from a deck). */
  readonly defaultGapMs?: number
  /** 2 = twice as fast. */
  readonly speed?: number
}

export function replayTimeline(
  strokes: readonly InkStroke[],
  startedAt: ReadonlyMap<string, number>,
  opts: ReplayOptions = {}
): { items: ReplayItem[]; duration: number } {
  const maxGap = opts.maxGapMs ?? 800
  const defaultGap = opts.defaultGapMs ?? 250
  const speed = opts.speed && opts.speed > 0 ? opts.speed : 1
  // Known start times decide the order; strokes without one keep their place in the list.
  const order = strokes
    .map((stroke, i) => ({ stroke, i, start: startedAt.get(stroke.id) }))
    .sort((a, b) => (a.start !== undefined && b.start !== undefined ? a.start - b.start || a.i - b.i : a.i - b.i))
  const items: ReplayItem[] = []
  let cursor = 0
  let prevEnd: number | undefined
  for (const { stroke, start } of order) {
    const own = stroke.points.length ? stroke.points[stroke.points.length - 1]![3] : 0
    if (items.length > 0) {
      const gap =
        start !== undefined && prevEnd !== undefined ? Math.min(maxGap, Math.max(0, start - prevEnd)) : defaultGap
      cursor += gap / speed
    }
    items.push({ stroke, at: cursor, duration: own / speed })
    cursor += own / speed
    prevEnd = start !== undefined ? start + own : undefined
  }
  return { items, duration: cursor }
}

/** What is visible `t` ms into the replay: finished strokes whole, the current one up to its sample at t. */
export function replayFrame(items: readonly ReplayItem[], t: number, speed = 1): InkStroke[] {
  const out: InkStroke[] = []
  for (const it of items) {
    if (t < it.at) break
    if (t >= it.at + it.duration) {
      out.push(it.stroke)
      continue
    }
    const local = (t - it.at) * speed
    const pts = it.stroke.points
    let n = 0
    while (n < pts.length && pts[n]![3] <= local) n++
    if (n > 0) out.push({ ...it.stroke, points: pts.slice(0, n) })
  }
  return out
}
