/** The board's ink as the presenter console keeps it: the page it is on and its strokes. */
import type { InkStroke } from '../../../src-shared/courseware/ink'
import type { BoardInk } from './presenter-link'

export interface ConsoleInk {
  pageId: string
  strokes: readonly InkStroke[]
}

/** A message from the board applied: strokes added to the page's, or the page's ink whole. */
export function inkOnConsole(prev: ConsoleInk | null, m: BoardInk): ConsoleInk {
  if (m.append && prev?.pageId === m.pageId) return { pageId: m.pageId, strokes: [...prev.strokes, ...m.strokes] }
  return { pageId: m.pageId, strokes: m.strokes }
}
