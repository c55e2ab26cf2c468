/**
 * The board window (the lesson, full screen on the classroom display) and the presenter console
 * (current and next slide, notes, time, class — on the laptop) talk over a BroadcastChannel:
 * same origin, no main-process code, and the same in Electron and in two browser tabs.
 * Messages are checked with zod on arrival like any other boundary.
 */
import { z } from 'zod'
import { LessonStatus } from '../../../src-shared/contract/lessons'
import { InkStroke } from '../../../src-shared/courseware/ink'

/** window.open names; src-main/hosts/electron/presenter-windows.ts places windows by these. */
export const BOARD_FRAME = 'classdeck-board'
export const OVERLAY_FRAME = 'classdeck-overlay'

export const BoardState = z.object({
  type: z.literal('state'),
  index: z.number().int().nonnegative(),
  pageCount: z.number().int().positive(),
  pageId: z.string(),
  pageKind: z.enum(['slide', 'board']),
  /** The deck slide on screen (null on a whiteboard page) and the next one, for the console. */
  slideIndex: z.number().int().nullable(),
  nextSlideIndex: z.number().int().nullable(),
  /** The slide's build steps (动画): click groups played and in all; absent or null when it has none. */
  build: z
    .object({ done: z.number().int().nonnegative().max(2000), total: z.number().int().positive().max(2000) })
    .nullable()
    .optional(),
  status: LessonStatus.nullable(),
  ended: z.boolean(),
  /** The board's countdown while it runs (or has just run out), for the console; absent when none. */
  countdown: z
    .object({ text: z.string().max(12), timeUp: z.boolean() })
    .nullable()
    .optional()
})
export type BoardState = z.infer<typeof BoardState>

export const ConsoleCommand = z.object({
  type: z.literal('command'),
  command: z.enum(['next', 'prev', 'black', 'end'])
})
export type ConsoleCommand = z.infer<typeof ConsoleCommand>

/**
 * The ink on the board's page, for the console's preview: the page's strokes whole, or with
 * `append` only those drawn since the last message (a page of thousands is not sent per stroke).
 */
export const BoardInk = z.object({
  type: z.literal('ink'),
  pageId: z.string(),
  append: z.boolean(),
  strokes: z.array(InkStroke).max(20_000)
})
export type BoardInk = z.infer<typeof BoardInk>

const Hello = z.object({ type: z.literal('hello') })
export const LinkMessage = z.discriminatedUnion('type', [BoardState, ConsoleCommand, BoardInk, Hello])
export type LinkMessage = z.infer<typeof LinkMessage>

export class PresenterLink {
  readonly #channel: BroadcastChannel
  onMessage: ((m: LinkMessage) => void) | null = null

  /** One channel per open document, so two decks taught in two windows never cross. */
  constructor(docId: string) {
    this.#channel = new BroadcastChannel(`classdeck-presenter:${docId}`)
    this.#channel.onmessage = (e: MessageEvent) => {
      const m = LinkMessage.safeParse(e.data)
      if (m.success) this.onMessage?.(m.data)
    }
  }

  post(m: LinkMessage): void {
    // A plain copy: the lesson status may arrive wrapped in a Vue proxy, which cannot be cloned.
    this.#channel.postMessage(JSON.parse(JSON.stringify(m)) as LinkMessage)
  }

  close(): void {
    this.#channel.close()
  }
}

/** The board window's address: the Teach page in board mode for this document and class. */
export function boardUrl(docId: string, classId: string, className: string): string {
  const q = new URLSearchParams({ view: 'board', doc: docId, class: classId, name: className })
  return `#/teach?${q.toString()}`
}
