import { describe, expect, it } from 'vitest'
import { InkController, isPalm, type InkInput, type InkAction } from './ink-controller'
import { SlideInk } from './slide-ink'

function setup(): { c: InkController; actions: InkAction[]; resets: () => number } {
  let n = 0
  let resets = 0
  const actions: InkAction[] = []
  const c = new InkController({
    newId: () => `k${++n}`,
    events: { action: (a) => actions.push(a), reset: () => resets++ }
  })
  c.setSlide(new SlideInk())
  return { c, actions, resets: () => resets }
}

function ev(kind: InkInput['kind'], pointerId: number, x: number, y: number, over: Partial<InkInput> = {}): InkInput {
  return {
    kind,
    pointerId,
    pointerType: 'touch',
    x,
    y,
    pressure: 0.5,
    width: 10,
    height: 10,
    t: 0,
    buttons: 1,
    ...over
  }
}

/** Drags pointer `id` from (x0,y0) by (dx,dy) in `steps` moves starting at time t0. */
function drag(
  c: InkController,
  id: number,
  x0: number,
  y0: number,
  dx: number,
  dy: number,
  steps: number,
  t0 = 0,
  over: Partial<InkInput> = {}
): void {
  c.input(ev('down', id, x0, y0, { t: t0, ...over }))
  for (let i = 1; i <= steps; i++)
    c.input(ev('move', id, x0 + (dx * i) / steps, y0 + (dy * i) / steps, { t: t0 + i * 8, ...over }))
  c.input(ev('up', id, x0 + dx, y0 + dy, { t: t0 + steps * 8 + 1, ...over }))
}

describe('InkController', () => {
  it('lets several fingers draw at once, one stroke per finger', () => {
    const { c } = setup()
    c.input(ev('down', 1, 10, 10))
    c.input(ev('down', 2, 300, 10, { t: 5 }))
    c.input(ev('down', 3, 600, 10, { t: 9 }))
    for (let i = 1; i <= 5; i++) {
      for (const id of [1, 2, 3]) c.input(ev('move', id, id * 100 + i * 10, 50 + i, { t: 10 + i * 8 }))
    }
    expect(c.liveStrokes()).toHaveLength(3)
    for (const id of [1, 2, 3]) c.input(ev('up', id, id * 100 + 50, 55, { t: 100 }))
    expect(c.ink.strokes).toHaveLength(3)
    expect(c.ink.strokes.map((s) => s.points.length)).toEqual([6, 6, 6])
    expect(c.liveStrokes()).toHaveLength(0)
  })

  it('records pen pressure and every sample', () => {
    const { c } = setup()
    c.input(ev('down', 7, 0, 0, { pointerType: 'pen', pressure: 0.1 }))
    c.input(ev('move', 7, 5, 0, { pointerType: 'pen', pressure: 0.6, t: 4 }))
    c.input(ev('move', 7, 10, 0, { pointerType: 'pen', pressure: 0.9, t: 8 }))
    c.input(ev('up', 7, 10, 0, { pointerType: 'pen', pressure: 0, t: 9 }))
    expect(c.ink.strokes[0]!.points.map((p) => p[2])).toEqual([0.1, 0.6, 0.9])
  })

  it('treats a large contact as a palm that erases until it lifts', () => {
    const { c, actions } = setup()
    drag(c, 1, 0, 100, 400, 0, 10) // a horizontal line at y=100
    drag(c, 2, 0, 300, 400, 0, 10) // and one at y=300
    expect(isPalm({ pointerType: 'touch', width: 80, height: 60 })).toBe(true)
    expect(isPalm({ pointerType: 'pen', width: 80, height: 60 })).toBe(false)
    // the palm wipes down across the first line only
    c.input(ev('down', 9, 200, 40, { width: 90, height: 70 }))
    c.input(ev('move', 9, 200, 160, { width: 90, height: 70, t: 8 }))
    expect(c.liveStrokes()).toHaveLength(0)
    c.input(ev('up', 9, 200, 160, { t: 16 }))
    expect(actions).toContain('palm-eraser')
    // the line at y=100 was cut by the palm (area erase), the one at y=300 is whole
    const ys = c.ink.strokes.map((s) => s.points[0]![1])
    expect(ys.filter((y) => y === 300)).toHaveLength(1)
    expect(
      c.ink.strokes
        .filter((s) => s.points[0]![1] === 100)
        .every((s) => s.points.every((p) => Math.abs(p[0] - 200) > 40))
    ).toBe(true)
    // one undo brings the whole line back
    c.undo()
    expect(c.ink.strokes).toHaveLength(2)
  })

  it('switches a finger that grows into a palm from drawing to erasing, leaving no ink of its own', () => {
    const { c } = setup()
    c.input(ev('down', 1, 50, 50))
    c.input(ev('move', 1, 60, 50, { t: 8 }))
    c.input(ev('move', 1, 70, 50, { t: 16, width: 100, height: 100 }))
    c.input(ev('up', 1, 70, 50, { t: 24 }))
    expect(c.ink.strokes).toHaveLength(0)
  })

  it('pans and zooms a whiteboard with two fingers put down together, drawing nothing', () => {
    const { c } = setup()
    c.whiteboard = true
    c.setFit({ scale: 1, x: 0, y: 0 })
    c.input(ev('down', 1, 100, 100, { t: 0 }))
    c.input(ev('down', 2, 200, 100, { t: 60 }))
    c.input(ev('move', 1, 50, 100, { t: 70 }))
    c.input(ev('move', 2, 250, 100, { t: 70 }))
    expect(c.view.scale).toBeCloseTo(2)
    c.input(ev('up', 1, 50, 100, { t: 80 }))
    c.input(ev('move', 2, 400, 400, { t: 90 }))
    c.input(ev('up', 2, 400, 400, { t: 100 }))
    expect(c.ink.strokes).toHaveLength(0)
    expect(c.view.scale).toBeCloseTo(2)
  })

  it('on a slide, a second finger is another pen, never a zoom', () => {
    const { c } = setup()
    c.input(ev('down', 1, 100, 100, { t: 0 }))
    c.input(ev('down', 2, 200, 100, { t: 60 }))
    c.input(ev('move', 1, 50, 100, { t: 70 }))
    c.input(ev('move', 2, 250, 100, { t: 70 }))
    c.input(ev('up', 1, 50, 100, { t: 80 }))
    c.input(ev('up', 2, 250, 100, { t: 80 }))
    expect(c.ink.strokes).toHaveLength(2)
    expect(c.view.scale).toBe(1)
  })

  it('on a whiteboard, a finger that lands while another is already writing also writes', () => {
    const { c } = setup()
    c.whiteboard = true
    drag(c, 1, 0, 0, 100, 0, 3) // finishes
    c.input(ev('down', 1, 0, 50, { t: 1000 }))
    c.input(ev('move', 1, 80, 50, { t: 1100 }))
    c.input(ev('down', 2, 0, 90, { t: 1400 }))
    c.input(ev('move', 2, 80, 90, { t: 1410 }))
    c.input(ev('up', 1, 80, 50, { t: 1420 }))
    c.input(ev('up', 2, 80, 90, { t: 1420 }))
    expect(c.ink.strokes).toHaveLength(3)
  })

  it('maps drawing through the current zoom into page coordinates', () => {
    const { c } = setup()
    c.setFit({ scale: 2, x: 100, y: 0 })
    drag(c, 1, 300, 200, 0, 0, 1)
    expect(c.ink.strokes[0]!.points[0]!.slice(0, 2)).toEqual([100, 100])
  })

  it('erases whole strokes with the stroke eraser, as one undo step per gesture', () => {
    const { c, actions } = setup()
    drag(c, 1, 0, 100, 400, 0, 10)
    drag(c, 1, 0, 200, 400, 0, 10)
    drag(c, 1, 0, 300, 400, 0, 10)
    c.mode = 'stroke-eraser'
    drag(c, 4, 200, 50, 0, 200, 2, 500, { pointerType: 'mouse' }) // crosses y=100 and y=200
    expect(c.ink.strokes.map((s) => s.points[0]![1])).toEqual([300])
    expect(actions).toContain('stroke-eraser')
    c.undo()
    expect(c.ink.strokes.map((s) => s.points[0]![1])).toEqual([100, 200, 300])
  })

  it("erases with the pen's eraser button whatever tool is chosen", () => {
    const { c } = setup()
    drag(c, 1, 0, 100, 400, 0, 10)
    drag(c, 3, 200, 50, 0, 100, 2, 100, { pointerType: 'pen', buttons: 32 })
    expect(c.ink.strokes).toHaveLength(0)
  })

  it('ignores a right-button mouse drag and drops a cancelled stroke', () => {
    const { c } = setup()
    drag(c, 1, 0, 0, 50, 0, 3, 0, { pointerType: 'mouse', buttons: 2 })
    c.input(ev('down', 2, 0, 0))
    c.input(ev('move', 2, 10, 0, { t: 8 }))
    c.input(ev('cancel', 2, 10, 0, { t: 9 }))
    expect(c.ink.strokes).toHaveLength(0)
  })

  it('draws highlighter strokes wider and marks their tool', () => {
    const { c, actions } = setup()
    c.mode = 'highlighter'
    drag(c, 1, 0, 0, 50, 0, 3, 0, { pointerType: 'mouse' })
    expect(c.ink.strokes[0]).toMatchObject({ tool: 'highlighter', width: 24 })
    expect(actions).toEqual(['highlighter'])
  })

  it('draws a stroke begun beside the ruler along its edge, and one begun away from it freely', () => {
    const { c } = setup()
    c.guides = [{ a: { x: 100, y: 200 }, b: { x: 600, y: 200 } }]
    c.input(ev('down', 1, 150, 215, { pointerType: 'pen' }))
    c.input(ev('move', 1, 300, 188, { pointerType: 'pen', t: 8 }))
    c.input(ev('move', 1, 700, 230, { pointerType: 'pen', t: 16 }))
    c.input(ev('up', 1, 700, 230, { pointerType: 'pen', t: 24 }))
    const guided = c.ink.strokes[0]!.points.map((p) => [p[0], p[1]])
    expect(guided).toEqual([
      [150, 200],
      [300, 200],
      [600, 200]
    ])
    drag(c, 2, 150, 300, 100, 40, 4, 100, { pointerType: 'pen' })
    expect(c.ink.strokes[1]!.points.at(-1)!.slice(0, 2)).toEqual([250, 340])
  })

  it('goes back to the fitted view of a whiteboard after a pinch zoom', () => {
    const { c } = setup()
    c.whiteboard = true
    c.setFit({ scale: 1, x: 0, y: 0 })
    expect(c.zoomed).toBe(false)
    c.input(ev('down', 1, 100, 100, { t: 0 }))
    c.input(ev('down', 2, 200, 100, { t: 60 }))
    c.input(ev('move', 2, 300, 100, { t: 70 }))
    c.input(ev('up', 1, 100, 100, { t: 80 }))
    c.input(ev('up', 2, 300, 100, { t: 80 }))
    expect(c.zoomed).toBe(true)
    c.resetZoom()
    expect(c.zoomed).toBe(false)
    expect(c.view).toEqual({ scale: 1, x: 0, y: 0 })
  })
})
