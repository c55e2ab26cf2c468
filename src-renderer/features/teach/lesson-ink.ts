/**
 * After class, the lesson's ink goes back into the deck: each slide shown gets the ink it ended
 * with, and each whiteboard page written on becomes a new slide after the page it followed.
 * Pure, so the rule is tested without a browser.
 */
import type { Deck, Slide, SlideBackground } from '../../../src-shared/courseware/deck'
import type { InkStroke } from '../../../src-shared/courseware/ink'
import type { BoardPage, LessonPage } from '../presenter/lesson-page'

export type { LessonPage } from '../presenter/lesson-page'

/** How a whiteboard page's background is kept in the deck (an image of its lines, or plain white). */
export type BoardBackgrounds = ReadonlyMap<string, SlideBackground>

/** True when saving would change the deck: a slide's ink differs, or a whiteboard page has writing. */
export function inkChanged(deck: Deck, pages: readonly LessonPage[]): boolean {
  const byId = new Map(deck.slides.map((s) => [s.id, s]))
  return pages.some((p) => {
    if (p.kind === 'board') return p.strokes.length > 0
    if (!p.visited) return false
    const before = byId.get(p.id)?.ink ?? []
    return before.length !== p.strokes.length || before.some((s, i) => s.id !== p.strokes[i]!.id)
  })
}

/** Whiteboard pages worth keeping: those with writing on them. */
export function boardsToKeep(pages: readonly LessonPage[]): BoardPage[] {
  return pages.filter((p): p is BoardPage => p.kind === 'board' && p.strokes.length > 0)
}

export function inkIntoDeck(deck: Deck, pages: readonly LessonPage[], backgrounds: BoardBackgrounds = new Map()): Deck {
  const inkOf = new Map<string, readonly InkStroke[]>()
  for (const p of pages) if (p.kind === 'slide' && p.visited) inkOf.set(p.id, p.strokes)
  // Each kept board goes after the nearest slide before it in the lesson (or first, if none).
  const after = new Map<string | null, Slide[]>()
  let lastSlide: string | null = null
  const known = new Set(deck.slides.map((s) => s.id))
  const byId = new Map(deck.slides.map((s) => [s.id, s]))
  for (const p of pages) {
    if (p.kind === 'slide') {
      if (known.has(p.id)) lastSlide = p.id
      continue
    }
    if (p.strokes.length === 0 || known.has(p.id)) continue
    const source = p.copyOf === undefined ? undefined : byId.get(p.copyOf)
    const background: SlideBackground = backgrounds.get(p.id) ??
      source?.background ?? { color: '#FFFFFF', fit: 'cover' }
    // A snapshot keeps the slide's content under the new ink; a blank page has only the ink.
    const slide: Slide = source
      ? // built in full: the page was drawn on as it stood at the end of its builds
        { ...source, id: p.id, background, ink: [...p.strokes], hidden: false, animations: [] }
      : { id: p.id, elements: [], notes: '', background, ink: [...p.strokes], hidden: false, animations: [] }
    const list = after.get(lastSlide) ?? []
    list.push(slide)
    after.set(lastSlide, list)
  }
  const slides: Slide[] = [...(after.get(null) ?? [])]
  for (const s of deck.slides) {
    const ink = inkOf.get(s.id)
    slides.push(ink ? { ...s, ink: [...ink] } : s)
    slides.push(...(after.get(s.id) ?? []))
  }
  return { ...deck, slides }
}
