import { describe, expect, it } from 'vitest'
import { createDeck, createSlide } from '../../../src-shared/courseware/factory'
import { Deck } from '../../../src-shared/courseware/deck'
import type { Element } from '../../../src-shared/courseware/element'
import {
  addElement,
  addSlide,
  deleteElements,
  deleteSlides,
  duplicateSlides,
  moveElements,
  moveSlides,
  reorderElements,
  updateElement,
  toggleSlidesHidden
} from './deck-ops'
import { DeckHistory } from './deck-history'
import { snap } from './snapping'

const text = (id: string, x = 0): Element => ({
  type: 'text',
  id,
  x,
  y: 0,
  w: 100,
  h: 50,
  rotation: 0,
  opacity: 1,
  locked: false,
  paragraphs: [{ runs: [{ text: id }], level: 0 }],
  verticalAlign: 'top',
  autoFit: false
})

function threeSlides() {
  let d = createDeck('测试')
  d = addSlide(d, 0, createSlide({ id: 'b' } as never))
  d = addSlide(d, 1, createSlide({ id: 'c' } as never))
  return { ...d, slides: [{ ...d.slides[0], id: 'a' }, ...d.slides.slice(1)] }
}

describe('deck edits', () => {
  it('shares unchanged slides between versions and keeps the deck valid', () => {
    const d0 = threeSlides()
    const d1 = addElement(d0, 'b', text('t1'))
    expect(d1.slides[0]).toBe(d0.slides[0])
    expect(d1.slides[2]).toBe(d0.slides[2])
    expect(d1.slides[1]).not.toBe(d0.slides[1])
    expect(Deck.safeParse(d1).success).toBe(true)
  })

  it('duplicates slides with fresh ids right after each original', () => {
    const d = duplicateSlides(addElement(threeSlides(), 'a', text('t1')), ['a', 'c'])
    expect(d.slides.map((s) => s.id).slice(0, 2)).toEqual(['a', d.slides[1].id])
    expect(d.slides).toHaveLength(5)
    expect(d.slides[1].id).not.toBe('a')
    expect(d.slides[1].elements[0].id).not.toBe('t1')
    expect(Deck.safeParse(d).success).toBe(true)
  })

  it('moves a multi-selection keeping its order, and never deletes the last slide', () => {
    const d = moveSlides(threeSlides(), ['c', 'a'], 0)
    expect(d.slides.map((s) => s.id)).toEqual(['a', 'c', 'b'])
    const empty = deleteSlides(d, ['a', 'b', 'c'])
    expect(empty.slides).toHaveLength(1)
  })

  it('moves unlocked elements only, deletes and reorders', () => {
    let d = addElement(addElement(threeSlides(), 'a', text('t1')), 'a', text('t2', 10))
    d = updateElement(d, 'a', 't2', (e) => ({ ...e, locked: true }))
    d = moveElements(d, 'a', ['t1', 't2'], 5, 7)
    expect(d.slides[0].elements.map((e) => [e.x, e.y])).toEqual([
      [5, 7],
      [10, 0]
    ])
    d = reorderElements(d, 'a', ['t1'], 'front')
    expect(d.slides[0].elements.map((e) => e.id)).toEqual(['t2', 't1'])
    d = deleteElements(d, 'a', ['t2'])
    expect(d.slides[0].elements.map((e) => e.id)).toEqual(['t1'])
  })
})

describe('undo/redo', () => {
  it('undoes and redoes every step and drops the redo branch after a new edit', () => {
    const d0 = threeSlides()
    const h = new DeckHistory(d0)
    const d1 = addElement(d0, 'a', text('t1'))
    h.push(d1, '添加文本')
    const d2 = moveElements(d1, 'a', ['t1'], 10, 0)
    h.push(d2, '移动')
    expect(h.undo()).toBe(d1)
    expect(h.undo()).toBe(d0)
    expect(h.undo()).toBeNull()
    expect(h.redo()).toBe(d1)
    h.push(deleteElements(d1, 'a', ['t1']), '删除')
    expect(h.canRedo).toBe(false)
  })

  it('makes a whole drag gesture one undo step, and a gesture that changed nothing none', () => {
    const d0 = addElement(threeSlides(), 'a', text('t1'))
    const h = new DeckHistory(d0)
    h.begin('拖动')
    let d = d0
    for (let i = 0; i < 20; i++) h.push((d = moveElements(d, 'a', ['t1'], 1, 0)), 'x')
    h.end()
    expect(h.deck.slides[0].elements[0].x).toBe(20)
    expect(h.undo()).toBe(d0)
    h.begin('点一下')
    h.end()
    expect(h.canUndo).toBe(false)
  })
})

describe('snapping', () => {
  it('snaps an edge to the slide centre and reports the guide', () => {
    const r = snap({ x: 632, y: 100, w: 100, h: 50 }, [], { width: 1280, height: 720 }, 10)
    expect(r.dx).toBe(8)
    expect(r.guides).toContainEqual({ axis: 'x', at: 640 })
  })

  it('snaps to another element and does nothing beyond the threshold', () => {
    const r = snap(
      { x: 203, y: 403, w: 50, h: 50 },
      [{ x: 100, y: 300, w: 100, h: 100 }],
      { width: 1280, height: 720 },
      5
    )
    expect([r.dx, r.dy]).toEqual([-3, -3])
    const far = snap(
      { x: 230, y: 430, w: 50, h: 50 },
      [{ x: 100, y: 300, w: 100, h: 100 }],
      { width: 1280, height: 720 },
      5
    )
    expect([far.dx, far.dy]).toEqual([0, 0])
  })
})

describe('hiding slides', () => {
  it('hides the chosen slides, and shows them again once all of them are hidden', () => {
    const base = createDeck('隐藏')
    const d = { ...base, slides: [base.slides[0]!, createSlide(), createSlide()] }
    const [a, b] = d.slides.map((s) => s.id) as [string, string, string]
    const once = toggleSlidesHidden(d, [a, b])
    expect(once.slides.map((s) => s.hidden)).toEqual([true, true, false])
    expect(once.slides[2]).toBe(d.slides[2]) // untouched slides are shared
    // One of the two already hidden: both become hidden; both hidden: both shown.
    expect(toggleSlidesHidden(toggleSlidesHidden(d, [a]), [a, b]).slides.map((s) => s.hidden)).toEqual([
      true,
      true,
      false
    ])
    expect(toggleSlidesHidden(once, [a, b]).slides.map((s) => s.hidden)).toEqual([false, false, false])
    expect(toggleSlidesHidden(d, ['nope'])).toBe(d)
  })
})
