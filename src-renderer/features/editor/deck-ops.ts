/**
 * Edits to a deck as pure functions that return a new deck and share every unchanged slide
 * and element with the old one. The editor's history keeps deck versions, so undo is a
 * pointer move, and a thumbnail whose slide did not change does not re-render.
 */
import type { Deck, Slide } from '../../../src-shared/courseware/deck'
import type { Element } from '../../../src-shared/courseware/element'
import { createId } from '../../../src-shared/courseware/primitives'
import { createSlide } from '../../../src-shared/courseware/factory'

export function slideIndex(deck: Deck, slideId: string): number {
  const i = deck.slides.findIndex((s) => s.id === slideId)
  if (i < 0) throw new Error(`no slide ${slideId}`)
  return i
}

export function updateSlide(deck: Deck, slideId: string, fn: (s: Slide) => Slide): Deck {
  const i = slideIndex(deck, slideId)
  const slides = deck.slides.slice()
  slides[i] = fn(deck.slides[i])
  return { ...deck, slides }
}

export function addSlide(deck: Deck, afterIndex: number, slide: Slide = createSlide()): Deck {
  const slides = deck.slides.slice()
  slides.splice(afterIndex + 1, 0, slide)
  return { ...deck, slides }
}

/** Copies with fresh ids for the slide and each element, so a paste never collides. */
export function cloneSlide(slide: Slide): Slide {
  return { ...structuredClone(slide), id: createId(), elements: slide.elements.map(cloneElement) }
}

export function cloneElement(e: Element): Element {
  return { ...structuredClone(e), id: createId() }
}

export function duplicateSlides(deck: Deck, ids: readonly string[]): Deck {
  const wanted = new Set(ids)
  const slides: Slide[] = []
  for (const s of deck.slides) {
    slides.push(s)
    if (wanted.has(s.id)) slides.push(cloneSlide(s))
  }
  return { ...deck, slides }
}

/** Deletes the slides; a deck always keeps at least one slide. */
export function deleteSlides(deck: Deck, ids: readonly string[]): Deck {
  const gone = new Set(ids)
  const slides = deck.slides.filter((s) => !gone.has(s.id))
  return { ...deck, slides: slides.length ? slides : [createSlide()] }
}

/**
 * Hides the slides from the lesson (skipped on the board, dimmed in the sorter), or shows them again
 * when every one of them is hidden already, as PowerPoint's 隐藏幻灯片 toggles.
 */
export function toggleSlidesHidden(deck: Deck, ids: readonly string[]): Deck {
  const set = new Set(ids)
  const picked = deck.slides.filter((s) => set.has(s.id))
  if (!picked.length) return deck
  const hidden = !picked.every((s) => s.hidden)
  return { ...deck, slides: deck.slides.map((s) => (set.has(s.id) ? { ...s, hidden } : s)) }
}

/** Moves the slides (kept in their current order) so that they start at `toIndex` of the remaining list. */
export function moveSlides(deck: Deck, ids: readonly string[], toIndex: number): Deck {
  const moving = new Set(ids)
  const picked = deck.slides.filter((s) => moving.has(s.id))
  const rest = deck.slides.filter((s) => !moving.has(s.id))
  const at = Math.max(0, Math.min(rest.length, toIndex))
  return { ...deck, slides: [...rest.slice(0, at), ...picked, ...rest.slice(at)] }
}

export function addElement(deck: Deck, slideId: string, element: Element): Deck {
  return updateSlide(deck, slideId, (s) => ({ ...s, elements: [...s.elements, element] }))
}

export function updateElement(deck: Deck, slideId: string, elementId: string, fn: (e: Element) => Element): Deck {
  return updateSlide(deck, slideId, (s) => ({
    ...s,
    elements: s.elements.map((e) => (e.id === elementId ? fn(e) : e))
  }))
}

export function moveElements(deck: Deck, slideId: string, ids: readonly string[], dx: number, dy: number): Deck {
  // Not moved is not changed: the same deck, so a tap that jitters by less than a pixel is no edit.
  if (dx === 0 && dy === 0) return deck
  const set = new Set(ids)
  return updateSlide(deck, slideId, (s) => ({
    ...s,
    elements: s.elements.map((e) => (set.has(e.id) && !e.locked ? { ...e, x: e.x + dx, y: e.y + dy } : e))
  }))
}

export function deleteElements(deck: Deck, slideId: string, ids: readonly string[]): Deck {
  const set = new Set(ids)
  return updateSlide(deck, slideId, (s) => ({ ...s, elements: s.elements.filter((e) => !set.has(e.id)) }))
}

/** Paint order: front = last in the array. */
export function reorderElements(deck: Deck, slideId: string, ids: readonly string[], where: 'front' | 'back'): Deck {
  const set = new Set(ids)
  return updateSlide(deck, slideId, (s) => {
    const picked = s.elements.filter((e) => set.has(e.id))
    const rest = s.elements.filter((e) => !set.has(e.id))
    return { ...s, elements: where === 'front' ? [...rest, ...picked] : [...picked, ...rest] }
  })
}
