import { describe, expect, it } from 'vitest'
import type { InkStroke, InkPoint } from '../../../src-shared/courseware/ink'
import { InkStroke as InkStrokeSchema } from '../../../src-shared/courseware/ink'
import { StrokeBuilder, NO_PRESSURE, isSimulated, outlinePath, strokeOutline } from './stroke-builder'
import { eraseArea, eraserHitsStroke } from './hit-test'
import { InkBook, SlideInk, UNDO_LIMIT } from './slide-ink'
import { replayFrame, replayTimeline } from './replay'
import { fitView, pinch, toPage, toScreen } from './view-transform'

let n = 0
const id = (): string => `s${++n}`

function line(x0: number, y0: number, x1: number, y1: number, steps = 10, width = 4): InkStroke {
  const points: InkPoint[] = []
  for (let i = 0; i <= steps; i++) {
    points.push([x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps, 0.5, i * 10])
  }
  return { id: id(), tool: 'pen', color: '#000000', width, points }
}

describe('stroke building', () => {
  it('keeps every sample with pen pressure and time since the stroke began', () => {
    const b = new StrokeBuilder({
      id: 'a',
      tool: 'pen',
      color: '#112233',
      width: 4,
      pointer: 'pen',
      first: { x: 1, y: 2, pressure: 0.2, t: 1000 }
    })
    b.add({ x: 3, y: 4, pressure: 0.9, t: 1008 })
    b.add({ x: 3, y: 4, pressure: 1.7, t: 1016 }) // a repeat is kept; pressure is clamped
    expect(b.stroke.points).toEqual([
      [1, 2, 0.2, 0],
      [3, 4, 0.9, 8],
      [3, 4, 1, 16]
    ])
    expect(b.startedAt).toBe(1000)
    expect(InkStrokeSchema.safeParse(b.stroke).success).toBe(true)
    expect(isSimulated(b.stroke)).toBe(false)
  })

  it('ignores the pressure a mouse or finger reports and simulates it instead', () => {
    const b = new StrokeBuilder({
      id: 'a',
      tool: 'pen',
      color: '#112233',
      width: 4,
      pointer: 'touch',
      first: { x: 0, y: 0, pressure: 1, t: 0 }
    })
    b.add({ x: 10, y: 0, pressure: 0, t: 8 })
    expect(b.stroke.points.map((p) => p[2])).toEqual([NO_PRESSURE, NO_PRESSURE])
    expect(isSimulated(b.stroke)).toBe(true)
  })

  it('turns a stroke into a closed outline path that widens with pen pressure', () => {
    const light = line(0, 0, 100, 0, 20, 10)
    const heavy: InkStroke = { ...light, id: 'h', points: light.points.map((p) => [p[0], p[1], 1, p[3]] as InkPoint) }
    const lightPts = light.points.map((p) => [p[0], p[1], 0.1, p[3]] as InkPoint)
    const height = (s: InkStroke): number => {
      const ys = strokeOutline(s).map((p) => p[1]!)
      return Math.max(...ys) - Math.min(...ys)
    }
    expect(height(heavy)).toBeGreaterThan(height({ ...light, points: lightPts }))
    const d = outlinePath(strokeOutline(heavy))
    expect(d.startsWith('M')).toBe(true)
    expect(d.endsWith('Z')).toBe(true)
  })
})

describe('eraser hit-testing', () => {
  it('stroke eraser hits a stroke the eraser path crosses between two samples, and misses one far away', () => {
    const s = line(0, 50, 100, 50)
    expect(eraserHitsStroke(s, { from: { x: 50, y: 0 }, to: { x: 50, y: 100 }, radius: 2 })).toBe(true)
    expect(eraserHitsStroke(s, { from: { x: 50, y: 0 }, to: { x: 50, y: 40 }, radius: 2 })).toBe(false)
    // within radius plus half the stroke width counts
    expect(eraserHitsStroke(s, { from: { x: 50, y: 44 }, to: { x: 50, y: 44 }, radius: 4.5 })).toBe(true)
  })

  it('area eraser cuts a stroke in two where it passes and leaves the rest', () => {
    const s = line(0, 0, 100, 0, 100, 2)
    const pieces = eraseArea(s, { from: { x: 50, y: -10 }, to: { x: 50, y: 10 }, radius: 5 }, id)!
    expect(pieces).toHaveLength(2)
    const [left, right] = pieces.map((p) => p.stroke)
    expect(Math.max(...left!.points.map((p) => p[0]))).toBeLessThan(45)
    expect(Math.min(...right!.points.map((p) => p[0]))).toBeGreaterThan(55)
    expect(right!.points[0]![3]).toBe(0)
    expect(pieces[1]!.offsetMs).toBeGreaterThan(0)
    expect(eraseArea(s, { from: { x: 50, y: 30 }, to: { x: 50, y: 30 }, radius: 5 }, id)).toBeNull()
  })

  it('area eraser cuts even a long segment with no sample under the eraser', () => {
    const s: InkStroke = {
      id: 'long',
      tool: 'pen',
      color: '#000000',
      width: 2,
      points: [
        [0, 0, 0.5, 0],
        [200, 0, 0.5, 100]
      ]
    }
    const pieces = eraseArea(s, { from: { x: 100, y: 0 }, to: { x: 100, y: 0 }, radius: 10 }, id)!
    expect(pieces).toHaveLength(2)
  })

  it('area eraser removes a stroke entirely when it covers all of it', () => {
    const s = line(0, 0, 4, 0, 4, 2)
    expect(eraseArea(s, { from: { x: 2, y: 0 }, to: { x: 2, y: 0 }, radius: 20 }, id)).toEqual([])
  })
})

describe('slide ink and undo', () => {
  it('undoes and redoes strokes, then forgets redo after a new stroke', () => {
    const ink = new SlideInk()
    const a = line(0, 0, 1, 1)
    const b = line(2, 2, 3, 3)
    ink.add(a)
    ink.add(b)
    expect(ink.undo()).toBe(true)
    expect(ink.strokes.map((s) => s.id)).toEqual([a.id])
    expect(ink.redo()).toBe(true)
    expect(ink.strokes.map((s) => s.id)).toEqual([a.id, b.id])
    ink.undo()
    ink.add(line(5, 5, 6, 6))
    expect(ink.canRedo).toBe(false)
  })

  it('undoes one eraser gesture as one step and restores the original order', () => {
    const strokes = [line(0, 0, 10, 0), line(0, 10, 10, 10), line(0, 20, 10, 20), line(0, 30, 10, 30)]
    const ink = new SlideInk(strokes)
    ink.beginBatch()
    ink.replace(new Set([strokes[1]!.id]))
    const pieces = eraseArea(strokes[2]!, { from: { x: 5, y: 20 }, to: { x: 5, y: 20 }, radius: 1 }, id)!
    ink.replace(new Set([strokes[2]!.id]), pieces)
    // a piece made in this gesture and erased again in it
    ink.replace(new Set([pieces[0]!.stroke.id]))
    ink.endBatch()
    expect(ink.strokes.map((s) => s.id)).toEqual([strokes[0]!.id, strokes[3]!.id, pieces[1]!.stroke.id])
    ink.undo()
    expect(ink.strokes.map((s) => s.id)).toEqual(strokes.map((s) => s.id))
    ink.redo()
    expect(ink.strokes.map((s) => s.id)).toEqual([strokes[0]!.id, strokes[3]!.id, pieces[1]!.stroke.id])
  })

  it('clears a slide in one undoable step', () => {
    const ink = new SlideInk([line(0, 0, 1, 1), line(1, 1, 2, 2)])
    ink.clear()
    expect(ink.strokes).toHaveLength(0)
    ink.undo()
    expect(ink.strokes).toHaveLength(2)
  })

  it(`keeps at most ${UNDO_LIMIT} undo steps`, () => {
    const ink = new SlideInk()
    for (let i = 0; i < UNDO_LIMIT + 5; i++) ink.add(line(i, 0, i, 1, 1))
    let undone = 0
    while (ink.undo() && undone < UNDO_LIMIT + 10) undone++
    expect(undone).toBe(UNDO_LIMIT)
    expect(ink.strokes).toHaveLength(5)
  })

  it('keeps each slide its own ink in the book', () => {
    const book = new InkBook()
    book.slide('s1').add(line(0, 0, 1, 1))
    book.load('s2', [line(0, 0, 1, 1), line(0, 0, 2, 2)])
    expect(book.slide('s1').strokes).toHaveLength(1)
    expect(book.slide('s2').strokes).toHaveLength(2)
    expect(book.entries().map(([k, v]) => [k, v.length])).toEqual([
      ['s1', 1],
      ['s2', 2]
    ])
  })
})

describe('replay', () => {
  it('plays strokes in the order they were drawn, shortening long pauses', () => {
    const a = line(0, 0, 1, 1) // lasts 100 ms
    const b = line(0, 0, 2, 2)
    const c = line(0, 0, 3, 3)
    // stored order differs from drawing order (an undo/redo moved a stroke to the end)
    const started = new Map([
      [a.id, 5000],
      [b.id, 1000],
      [c.id, 1200]
    ])
    const { items, duration } = replayTimeline([a, b, c], started, { maxGapMs: 500 })
    expect(items.map((i) => i.stroke.id)).toEqual([b.id, c.id, a.id])
    expect(items.map((i) => i.at)).toEqual([0, 200, 800]) // b 0-100, gap 100, c 200-300, gap capped 500
    expect(duration).toBe(900)
  })

  it('shows the stroke in progress up to the current sample', () => {
    const a = line(0, 0, 10, 0) // samples every 10 ms
    const b = line(0, 5, 10, 5)
    const { items } = replayTimeline([a, b], new Map(), { defaultGapMs: 50 })
    expect(replayFrame(items, 35).map((s) => s.points.length)).toEqual([4])
    expect(replayFrame(items, 155).map((s) => s.points.length)).toEqual([11, 1])
    expect(replayFrame(items, 10_000).map((s) => s.id)).toEqual([a.id, b.id])
  })
})

describe('view transform', () => {
  it('fits a slide into a window and maps points both ways', () => {
    const v = fitView({ width: 1280, height: 720 }, { width: 1920, height: 1200 })
    expect(v.scale).toBe(1.5)
    expect(v.y).toBe(60)
    const p = toPage(v, toScreen(v, { x: 100, y: 200 }))
    expect(p.x).toBeCloseTo(100)
    expect(p.y).toBeCloseTo(200)
  })

  it('zooms about the fingers: the page point between them stays between them', () => {
    const fit = { scale: 1, x: 0, y: 0 }
    const v = pinch(fit, { x: 100, y: 100 }, { x: 200, y: 100 }, { x: 50, y: 100 }, { x: 250, y: 100 }, fit)
    expect(v.scale).toBe(2)
    const mid = toPage(v, { x: 150, y: 100 })
    expect(mid.x).toBeCloseTo(150)
    const capped = pinch(fit, { x: 0, y: 0 }, { x: 10, y: 0 }, { x: 0, y: 0 }, { x: 1000, y: 0 }, fit)
    expect(capped.scale).toBe(8)
  })
})
