import { describe, expect, it } from 'vitest'
import { Deck } from '../../../src-shared/courseware/deck'
import type { InkStroke } from '../../../src-shared/courseware/ink'
import { boardsToKeep, inkChanged, inkIntoDeck, type LessonPage } from './lesson-ink'

const stroke = (id: string): InkStroke => ({
  id,
  tool: 'pen',
  color: '#E53935',
  width: 4,
  points: [
    [10, 10, 0.5, 0],
    [20, 20, 0.5, 16]
  ]
})
const deck = (): Deck =>
  Deck.parse({
    id: 'deck-1',
    title: '勾股定理',
    aspect: '16:9',
    slides: [
      { id: 's1', elements: [] },
      { id: 's2', elements: [], ink: [stroke('old')] },
      { id: 's3', elements: [] }
    ]
  })

describe('saving a lesson’s ink into the deck', () => {
  it('gives each shown slide the ink it ended with and leaves slides not shown as they were', () => {
    const pages: LessonPage[] = [
      { kind: 'slide', id: 's1', strokes: [stroke('a'), stroke('b')], visited: true },
      { kind: 'slide', id: 's2', strokes: [stroke('old')], visited: false },
      { kind: 'slide', id: 's3', strokes: [], visited: true }
    ]
    const out = inkIntoDeck(deck(), pages)
    expect(out.slides.map((s) => s.ink.map((k) => k.id))).toEqual([['a', 'b'], ['old'], []])
    expect(Deck.safeParse(out).success).toBe(true)
  })

  it('clears a slide whose saved ink the teacher erased in class', () => {
    const out = inkIntoDeck(deck(), [{ kind: 'slide', id: 's2', strokes: [], visited: true }])
    expect(out.slides[1]!.ink).toEqual([])
  })

  it('keeps a written whiteboard page as a new slide right after the slide it followed, and drops empty ones', () => {
    const pages: LessonPage[] = [
      { kind: 'board', id: 'b0', bg: 'plain', strokes: [stroke('x')] },
      { kind: 'slide', id: 's1', strokes: [], visited: true },
      { kind: 'board', id: 'b1', bg: 'grid', strokes: [stroke('y')] },
      { kind: 'board', id: 'b2', bg: 'tianzige', strokes: [] },
      { kind: 'slide', id: 's2', strokes: [stroke('old')], visited: true }
    ]
    const bg = new Map([['b1', { image: { hash: 'a'.repeat(64), ext: 'png' as const }, fit: 'stretch' as const }]])
    const out = inkIntoDeck(deck(), pages, bg)
    expect(out.slides.map((s) => s.id)).toEqual(['b0', 's1', 'b1', 's2', 's3'])
    expect(out.slides[2]!.background.image?.hash).toBe('a'.repeat(64))
    expect(out.slides[0]!.background.color).toBe('#FFFFFF')
    expect(out.slides[2]!.ink.map((k) => k.id)).toEqual(['y'])
    expect(Deck.safeParse(out).success).toBe(true)
    expect(boardsToKeep(pages).map((b) => b.id)).toEqual(['b0', 'b1'])
  })

  it('does not insert a whiteboard page twice when the saved deck is taught and saved again', () => {
    const once = inkIntoDeck(deck(), [
      { kind: 'slide', id: 's1', strokes: [], visited: true },
      { kind: 'board', id: 'b1', bg: 'plain', strokes: [stroke('y')] }
    ])
    const twice = inkIntoDeck(once, [{ kind: 'slide', id: 'b1', strokes: [stroke('y'), stroke('z')], visited: true }])
    expect(twice.slides.map((s) => s.id)).toEqual(['s1', 'b1', 's2', 's3'])
    expect(twice.slides[1]!.ink).toHaveLength(2)
  })

  it('keeps a snapshot of a slide as a copy of that slide with the ink written over it', () => {
    const pages: LessonPage[] = [
      { kind: 'slide', id: 's2', strokes: [stroke('old')], visited: true },
      { kind: 'board', id: 'snap', bg: 'plain', copyOf: 's2', strokes: [stroke('old-copy'), stroke('new')] }
    ]
    const source = Deck.parse({
      ...deck(),
      slides: deck().slides.map((s) =>
        s.id === 's2'
          ? {
              ...s,
              notes: '备注',
              elements: [
                { type: 'text', id: 'e1', x: 0, y: 0, w: 100, h: 40, paragraphs: [{ runs: [{ text: '勾股' }] }] }
              ]
            }
          : s
      )
    })
    const out = inkIntoDeck(source, pages)
    expect(out.slides.map((s) => s.id)).toEqual(['s1', 's2', 'snap', 's3'])
    const snap = out.slides[2]!
    expect(snap.elements).toEqual(source.slides[1]!.elements)
    expect(snap.ink.map((k) => k.id)).toEqual(['old-copy', 'new'])
    expect(out.slides[1]!.ink.map((k) => k.id)).toEqual(['old'])
    expect(Deck.safeParse(out).success).toBe(true)
  })

  it('says whether there is anything to save', () => {
    expect(inkChanged(deck(), [{ kind: 'slide', id: 's2', strokes: [stroke('old')], visited: true }])).toBe(false)
    expect(
      inkChanged(deck(), [
        { kind: 'slide', id: 's1', strokes: [], visited: true },
        { kind: 'board', id: 'b', bg: 'grid', strokes: [] }
      ])
    ).toBe(false)
    expect(inkChanged(deck(), [{ kind: 'slide', id: 's1', strokes: [stroke('n')], visited: true }])).toBe(true)
    expect(inkChanged(deck(), [{ kind: 'slide', id: 's2', strokes: [], visited: true }])).toBe(true)
    expect(inkChanged(deck(), [{ kind: 'board', id: 'b', bg: 'grid', strokes: [stroke('n')] }])).toBe(true)
  })
})
