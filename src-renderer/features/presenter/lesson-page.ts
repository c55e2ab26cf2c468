/**
 * One page of a lesson in the order it was taught: a deck slide, or a whiteboard page inserted
 * in class (plain, grid, 田字格, 四线三格, or a snapshot of the slide on screen to write over). What the Teach page
 * saves back into the deck after class.
 */
import type { InkStroke } from '../../../src-shared/courseware/ink'
import type { PageBackgroundKind } from '../tools/page-backgrounds'

export type LessonPage =
  | {
      readonly kind: 'slide'
      readonly id: string
      readonly strokes: readonly InkStroke[]
      /** Shown in this lesson (only then can its ink have changed). */
      readonly visited: boolean
    }
  | {
      readonly kind: 'board'
      readonly id: string
      readonly bg: PageBackgroundKind
      /** A snapshot of this slide (by id): the page shows the slide, and its ink began as a copy of the slide's. */
      readonly copyOf?: string
      /** A photo from the phone remote (实物展台) the page shows, as a data: URL. */
      readonly photo?: string
      readonly strokes: readonly InkStroke[]
    }

export type BoardPage = Extract<LessonPage, { kind: 'board' }>
