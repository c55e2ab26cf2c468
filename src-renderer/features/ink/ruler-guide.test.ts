import { describe, expect, it } from 'vitest'
import { guideFor, nearestOnEdge, rulerEdges } from './ruler-guide'

describe('ruler guide', () => {
  const edge = { a: { x: 100, y: 200 }, b: { x: 500, y: 200 } }

  it('puts a point beside the edge onto the edge, and a point past an end at that end', () => {
    expect(nearestOnEdge(edge, { x: 300, y: 220 })).toEqual({ at: { x: 300, y: 200 }, dist: 20 })
    expect(nearestOnEdge(edge, { x: 650, y: 200 }).at).toEqual({ x: 500, y: 200 })
  })

  it('guides a stroke started near an edge by the nearest edge, and one started farther away by none', () => {
    const edges = rulerEdges({ x: 100, y: 200 }, 0, 400, 96)
    expect(guideFor(edges, { x: 300, y: 190 })).toBe(edges[0])
    expect(guideFor(edges, { x: 300, y: 310 })).toBe(edges[1])
    expect(guideFor(edges, { x: 300, y: 150 })).toBeNull()
  })

  it('turns the edges with the ruler', () => {
    const [top, bottom] = rulerEdges({ x: 0, y: 0 }, 90, 400, 96)
    expect(top!.b.x).toBeCloseTo(0)
    expect(top!.b.y).toBeCloseTo(400)
    // Turned a quarter clockwise on screen, the ruler's far side lies to the left of its top edge.
    expect(bottom!.a.x).toBeCloseTo(-96)
    expect(bottom!.a.y).toBeCloseTo(0)
  })
})
