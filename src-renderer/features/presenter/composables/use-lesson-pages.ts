/**
 * The pages of this lesson in the order they are taught: the deck's slides, and the whiteboard,
 * snapshot and photo pages inserted in class, with the one on screen and the ink each carries.
 */
import { computed, ref, shallowRef } from 'vue'
import type { Deck } from '../../../../src-shared/courseware/deck'
import type { InterruptedLesson } from '../../../../src-shared/contract/lessons'
import type { InkBook } from '../../ink'
import type { SlideInk } from '../../ink/slide-ink'
import { PageBackgroundKind } from '../../tools/page-backgrounds'
import { step } from '../presenter-nav'
import type { LessonPage } from '../lesson-page'
import type { LessonRecorder } from '../lesson-recorder'

/**
 * A board page with `copyOf` is a snapshot of that slide (by index) to write over; one with
 * `photo` shows a photo from the phone remote (实物展台, a data: URL) to write over.
 */
export type PresenterPage =
  | { kind: 'slide'; id: string; index: number }
  | { kind: 'board'; id: string; bg: PageBackgroundKind; copyOf?: number; photo?: string }

export interface LessonPagesDeps {
  /** Read on every use: the host may hand over a newer deck (after saving ink) mid-lesson. */
  deck: () => Deck
  startIndex: number
  book: InkBook
  recorder: LessonRecorder
  /** A lesson a crash interrupted, carried on: its pages, their ink, and the page it stopped at. */
  resume?: ResumeLesson | null
}

export type ResumeLesson = Pick<InterruptedLesson, 'at' | 'order' | 'pages'>

/**
 * The pages of an interrupted lesson in their order, their saved ink put into the book. A slide
 * the deck no longer has is left out; one the order does not name (added to the deck since) goes last.
 */
function resumedPages(deck: Deck, resume: ResumeLesson, book: InkBook): PresenterPage[] {
  const slideAt = new Map(deck.slides.map((s, i) => [s.id, i]))
  const saved = new Map(resume.pages.map((p) => [p.pageId, p]))
  const out: PresenterPage[] = []
  const seen = new Set<string>()
  for (const id of resume.order) {
    if (seen.has(id)) continue
    const index = slideAt.get(id)
    const p = saved.get(id)
    if (index !== undefined) out.push({ kind: 'slide', id, index })
    else if (p?.kind === 'board') {
      const bg = (PageBackgroundKind as readonly string[]).includes(p.bg ?? '') ? (p.bg as PageBackgroundKind) : 'plain'
      const copyOf = p.slideIndex !== null && p.slideIndex < deck.slides.length ? p.slideIndex : undefined
      out.push({ kind: 'board', id, bg, ...(copyOf === undefined ? {} : { copyOf }) })
    } else continue
    seen.add(id)
  }
  deck.slides.forEach((s, index) => {
    if (!seen.has(s.id)) out.push({ kind: 'slide', id: s.id, index })
  })
  for (const p of resume.pages) if (seen.has(p.pageId)) book.load(p.pageId, p.strokes)
  return out
}

const boardId = (): string => `board-${globalThis.crypto.randomUUID()}`

export function useLessonPages({ deck, startIndex, book, recorder, resume }: LessonPagesDeps) {
  const pages = shallowRef<PresenterPage[]>(
    resume ? resumedPages(deck(), resume, book) : deck().slides.map((s, index) => ({ kind: 'slide', id: s.id, index }))
  )
  const hidden = computed(() => pages.value.map((p) => p.kind === 'slide' && deck().slides[p.index]!.hidden))
  const resumeAt = resume ? pages.value.findIndex((p) => p.id === resume.at.pageId) : -1
  const current = ref(resumeAt >= 0 ? resumeAt : Math.max(0, step(hidden.value, startIndex - 1, { kind: 'next' })))
  const page = computed(() => pages.value[current.value]!)
  const slide = computed(() => {
    const p = page.value
    const index = p.kind === 'slide' ? p.index : p.copyOf
    return index === undefined ? null : deck().slides[index]!
  })

  function go(i: number): void {
    if (i === current.value || i < 0 || i >= pages.value.length) return
    current.value = i
  }

  function inkFor(p: PresenterPage): SlideInk {
    if (book.has(p.id)) return book.slide(p.id)
    return p.kind === 'slide' ? book.load(p.id, deck().slides[p.index]!.ink) : book.slide(p.id)
  }

  function insertAfterCurrent(board: PresenterPage, tool: 'whiteboard' | 'screenshot'): void {
    const list = [...pages.value]
    list.splice(current.value + 1, 0, board)
    pages.value = list
    recorder.tool(tool)
    current.value += 1
  }

  function addWhiteboard(bg: PageBackgroundKind): void {
    insertAfterCurrent({ kind: 'board', id: boardId(), bg }, 'whiteboard')
  }

  /** 截屏成白板: a copy of the page on screen (slide and ink) as a new page after it, to write over. */
  function screenshot(): void {
    const p = page.value
    const copyOf = p.kind === 'slide' ? p.index : p.copyOf
    const board: PresenterPage = {
      kind: 'board',
      id: boardId(),
      bg: p.kind === 'board' ? p.bg : 'plain',
      ...(copyOf === undefined ? {} : { copyOf })
    }
    book.load(
      board.id,
      inkFor(p).strokes.map((st) => ({ ...st, id: globalThis.crypto.randomUUID() }))
    )
    insertAfterCurrent(board, 'screenshot')
  }

  /** 实物展台: the phone's photo as a new page after this one. */
  function addPhoto(dataUrl: string): void {
    insertAfterCurrent({ kind: 'board', id: boardId(), bg: 'plain', photo: dataUrl }, 'whiteboard')
  }

  /** Every page of this lesson in order, with the ink each ended with (to save into the deck). */
  function lessonPages(): LessonPage[] {
    const slides = deck().slides
    return pages.value.map((p): LessonPage => {
      const visited = book.has(p.id)
      if (p.kind === 'slide')
        return { kind: 'slide', id: p.id, strokes: visited ? book.slide(p.id).strokes : slides[p.index]!.ink, visited }
      const copyOf = p.copyOf === undefined ? undefined : slides[p.copyOf]!.id
      return {
        kind: 'board',
        id: p.id,
        bg: p.bg,
        ...(copyOf === undefined ? {} : { copyOf }),
        ...(p.photo ? { photo: p.photo } : {}),
        strokes: visited ? book.slide(p.id).strokes : []
      }
    })
  }

  /** The deck index of the next shown slide after the current page, if any (for the console's preview). */
  function nextSlideIndex(): number | null {
    const next = pages.value.findIndex((q, i) => i > current.value && q.kind === 'slide' && !hidden.value[i])
    const nextPage = next >= 0 ? pages.value[next]! : null
    return nextPage?.kind === 'slide' ? nextPage.index : null
  }

  return {
    pages,
    hidden,
    current,
    page,
    slide,
    go,
    inkFor,
    addWhiteboard,
    screenshot,
    addPhoto,
    lessonPages,
    nextSlideIndex
  }
}

export type LessonPages = ReturnType<typeof useLessonPages>
