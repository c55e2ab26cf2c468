/**
 * The board's ink, sent to the presenter console on the laptop (issue 15, item 6): each committed
 * stroke, erase or undo on the page on screen reaches the console within a tenth of a second, as
 * only the strokes added when that is all that changed, and the whole page after a page turn or
 * an erase. Strokes in progress stay on the board; the console shows each once it is lifted.
 */
import { getCurrentInstance, onBeforeUnmount, watch } from 'vue'
import type { InkStroke } from '../../../../src-shared/courseware/ink'
import type { InkBook } from '../../ink'
import type { BoardInk } from '../presenter-link'
import type { LessonPages } from './use-lesson-pages'

/** Changes within this long go out as one message. */
export const CONSOLE_INK_MS = 100

export interface ConsoleInkDeps {
  book: InkBook
  pages: Pick<LessonPages, 'page'>
  post: (m: BoardInk) => void
}

export function useConsoleInk({ book, pages, post }: ConsoleInkDeps) {
  let sentPage: string | null = null
  let sent: readonly InkStroke[] = []
  let timer: ReturnType<typeof setTimeout> | null = null

  function flush(whole = false): void {
    if (timer) clearTimeout(timer)
    timer = null
    const id = pages.page.value.id
    const strokes = book.has(id) ? book.slide(id).strokes : []
    const append = !whole && sentPage === id && isPrefix(sent, strokes)
    if (append && strokes.length === sent.length) return
    post({ type: 'ink', pageId: id, append, strokes: append ? strokes.slice(sent.length) : [...strokes] })
    sentPage = id
    sent = [...strokes]
  }

  function changed(): void {
    timer ??= setTimeout(() => flush(), CONSOLE_INK_MS)
  }

  // The autosave listens to the book too: both are told.
  const before = book.onChange
  book.onChange = (id) => {
    before?.(id)
    if (id === pages.page.value.id) changed()
  }
  watch(
    () => pages.page.value.id,
    () => changed()
  )
  if (getCurrentInstance()) onBeforeUnmount(() => timer && clearTimeout(timer))

  /** The whole page now (a console that has just connected). */
  return { sendAll: () => flush(true) }
}

function isPrefix(before: readonly InkStroke[], now: readonly InkStroke[]): boolean {
  if (before.length > now.length) return false
  for (let i = 0; i < before.length; i++) if (before[i] !== now[i]) return false
  return true
}
