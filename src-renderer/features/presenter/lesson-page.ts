/**
 * One page of a lesson in the order it was taught: a deck slide, or a whiteboard page inserted
 * in class (plain, grid, 田字格, 四线三格, or a screenshot of the view). What the Teach page
 * saves back into the deck after class.
 */
import type { InkStroke } from '../../../src-shared/courseware/ink'
import type { MediaRef } from '../../../src-shared/courseware/primitives'
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
      /** A screenshot taken as the page's background. */
      readonly image?: MediaRef
      readonly strokes: readonly InkStroke[]
    }

export type BoardPage = Extract<LessonPage, { kind: 'board' }>
