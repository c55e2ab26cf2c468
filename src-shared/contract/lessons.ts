/**
 * Lesson records (授课记录): a LessonSession runs from the start of playback to its end and
 * records active time, slides shown, tools used and questions run. A finished session is
 * queued for the platform as the platform's LessonRecordInput (outbox kind 'lesson').
 */
import { z } from 'zod'
import { defineCall, defineEvent } from './define'
import { InkStroke } from '../courseware/ink'

const Id = z.string().min(1).max(120)
const Name = z.string().max(200)
const Iso = z.string()

export const LessonTool = z.enum([
  'pen',
  'highlighter',
  'stroke-eraser',
  'area-eraser',
  'palm-eraser',
  'clear',
  'undo',
  'replay',
  'whiteboard',
  'name-picker',
  'countdown',
  'stopwatch',
  'spotlight',
  'magnifier',
  'curtain',
  'scoreboard',
  'ruler',
  'protractor',
  'compass',
  'screenshot',
  'overview',
  'black-screen',
  'white-screen'
])
export type LessonTool = z.infer<typeof LessonTool>

export const LessonEndReason = z.enum([
  'teacher', // the teacher ended the lesson
  'recovered', // found open after a crash; closed at its last heartbeat
  'replaced' // a new lesson started while this one was open
])
export type LessonEndReason = z.infer<typeof LessonEndReason>

export const LessonStart = z
  .object({
    /** At most 64 characters: the platform's id limit, so the lesson can be reported under it. */
    classId: Id.max(64),
    className: Name,
    deckId: Id,
    deckTitle: Name,
    chapterId: Id.nullable().default(null),
    /** Slide shown first (recorded as the first slide event). */
    slideId: Id.optional(),
    slideIndex: z.number().int().nonnegative().optional()
  })
  .strict()
export type LessonStart = z.input<typeof LessonStart>

const SessionRef = z.object({ sessionId: Id }).strict()

/** 小组PK: 2–8 named groups and their points this lesson. */
export const GroupScore = z
  .object({ name: z.string().min(1).max(20), score: z.number().int().min(-9999).max(9999) })
  .strict()
export const GroupScores = z.array(GroupScore).min(2).max(8)
export type GroupScore = z.infer<typeof GroupScore>

export const LessonStatus = z.object({
  sessionId: z.string(),
  open: z.boolean(),
  startedAt: Iso,
  endedAt: Iso.nullable(),
  /** Wall-clock time since the start (or until the end). */
  elapsedMs: z.number().int().nonnegative(),
  /** Time that counts: window visible and the teacher not idle. */
  activeMs: z.number().int().nonnegative(),
  /** Active time needed for 有效授课 under the current rule. */
  effectiveMinutes: z.number().int().positive(),
  /** True once activeMs reaches the rule. */
  effective: z.boolean(),
  remainingMs: z.number().int().nonnegative(),
  /** Why active time is not counting now: window hidden, or idle longer than the limit. */
  paused: z.enum(['hidden', 'idle']).nullable(),
  idleMinutes: z.number().int().positive()
})
export type LessonStatus = z.infer<typeof LessonStatus>

export const LessonEventKind = z.enum(['slide', 'tool', 'question'])
export const LessonEvent = z.object({
  at: Iso,
  kind: LessonEventKind,
  /** Slide id, tool name or question-run id. */
  ref: z.string(),
  /** Slide index for slides; the question's kind for questions. */
  detail: z.string().nullable()
})
export type LessonEvent = z.infer<typeof LessonEvent>

export const LessonSummary = z.object({
  id: z.string(),
  classId: z.string(),
  className: z.string(),
  /** Who gave the lesson, fixed at its start; null for lessons from before ClassDeck recorded it. */
  teacher: z.object({ id: z.string(), name: z.string() }).nullable(),
  deckId: z.string(),
  deckTitle: z.string(),
  chapterId: z.string().nullable(),
  startedAt: Iso,
  endedAt: Iso.nullable(),
  endReason: LessonEndReason.nullable(),
  activeMs: z.number().int().nonnegative(),
  /** Null while the lesson is open; fixed when it ends, under the rule of that moment. */
  effective: z.boolean().nullable(),
  effectiveMinutes: z.number().int().positive().nullable(),
  slidesShown: z.number().int().nonnegative(),
  toolsUsed: z.array(LessonTool),
  questionsRun: z.number().int().nonnegative()
})
export type LessonSummary = z.infer<typeof LessonSummary>

export const LessonDetail = LessonSummary.extend({ events: z.array(LessonEvent) })
export type LessonDetail = z.infer<typeof LessonDetail>

/**
 * One page of a lesson as the ink autosave keeps it: a deck slide, or a whiteboard page inserted
 * in class (its background, and the slide a snapshot copies). The whole page's strokes each time it
 * changed, so erasing and undo need no replay log.
 */
export const SavedInkPage = z
  .object({
    pageId: Id,
    kind: z.enum(['slide', 'board']),
    /** The deck slide (slide), or the slide a snapshot copies (board); null for a blank board. */
    slideIndex: z.number().int().nonnegative().max(10_000).nullable(),
    /** A board page's background kind (plain, grid, …); null for a slide. */
    bg: z.string().max(40).nullable(),
    strokes: z.array(InkStroke).max(20_000)
  })
  .strict()
export type SavedInkPage = z.infer<typeof SavedInkPage>

/** Where the lesson was: the page on screen (by id and by its place in the lesson's pages). */
export const LessonPlace = z
  .object({
    pageId: Id,
    pageIndex: z.number().int().nonnegative().max(10_000),
    /** The deck slide on screen (or the one a snapshot page copies); null for a blank board. */
    slideIndex: z.number().int().nonnegative().max(10_000).nullable(),
    /** Click groups of the slide's build steps (动画) played; absent from lessons saved before builds. */
    step: z.number().int().nonnegative().max(2000).optional()
  })
  .strict()
export type LessonPlace = z.infer<typeof LessonPlace>

export const SaveInk = SessionRef.extend({
  /** The deck file the lesson plays, to reopen it after a crash; null for a deck never saved. */
  deckPath: z.string().min(1).max(4096).nullable(),
  /** Every page of the lesson in order, by id (pages not listed are forgotten). */
  order: z.array(Id).max(2000),
  /**
   * Pages whose ink changed since the last save: each page's strokes whole, or with `append` only
   * the strokes drawn after the ones already saved (so a page of thousands of strokes is not sent
   * again for each new one).
   */
  pages: z
    .array(
      SavedInkPage.extend({
        append: z.boolean().default(false),
        /** More of this page's strokes follow in the next save (a large page is sent in parts). */
        more: z.boolean().default(false)
      }).strict()
    )
    .max(2000),
  at: LessonPlace
}).strict()
export type SaveInk = z.input<typeof SaveInk>

/** A saved page whose record did not read back as ink: refused, the rest of the lesson still opens. */
export const RefusedInkPage = z.object({ pageId: z.string(), message: z.string(), messageEn: z.string() })
export type RefusedInkPage = z.infer<typeof RefusedInkPage>

/** A lesson a crash interrupted, with what is needed to carry on where it stopped. */
export const InterruptedLesson = z.object({
  summary: LessonSummary,
  deckPath: z.string().nullable(),
  at: LessonPlace,
  order: z.array(z.string()),
  pages: z.array(SavedInkPage),
  refused: z.array(RefusedInkPage),
  savedAt: Iso
})
export type InterruptedLesson = z.infer<typeof InterruptedLesson>

export const lessonsCalls = {
  start: defineCall('lessons:start', LessonStart, LessonStatus),
  /** Every ~5 s from the playing window; a crash loses at most the time since the last one. */
  heartbeat: defineCall('lessons:heartbeat', SessionRef, LessonStatus),
  /** The teacher did something (tap, key, stroke): restarts the idle limit. */
  activity: defineCall('lessons:activity', SessionRef, LessonStatus),
  visibility: defineCall('lessons:visibility', SessionRef.extend({ visible: z.boolean() }).strict(), LessonStatus),
  recordSlide: defineCall(
    'lessons:record-slide',
    SessionRef.extend({ slideId: Id, slideIndex: z.number().int().nonnegative() }).strict(),
    LessonStatus
  ),
  /** A tool used; 小组PK sends its groups' scores with it, kept in the record as the event's detail (JSON). */
  recordTool: defineCall(
    'lessons:record-tool',
    SessionRef.extend({ tool: LessonTool, scores: GroupScores.optional() }).strict(),
    LessonStatus
  ),
  recordQuestion: defineCall(
    'lessons:record-question',
    SessionRef.extend({ questionRunId: Id, questionKind: z.string().max(40).optional() }).strict(),
    LessonStatus
  ),
  end: defineCall('lessons:end', SessionRef, LessonSummary),
  /** The open lesson, if any (e.g. after the renderer reloads). */
  current: defineCall('lessons:current', z.object({}).strict(), z.object({ status: LessonStatus.nullable() })),
  list: defineCall(
    'lessons:list',
    z
      .object({
        classId: Id.optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().nonnegative().default(0)
      })
      .strict(),
    z.object({ items: z.array(LessonSummary), total: z.number().int().nonnegative() })
  ),
  /**
   * The ink autosave: at most every second and after each finished stroke while a lesson plays.
   * Answered only once the pages are committed to the database, so a crash loses at most what was
   * drawn since the last answer.
   */
  saveInk: defineCall('lessons:save-ink', SaveInk, z.object({ savedAt: Iso, pages: z.number().int().nonnegative() })),
  /** The last lesson, if a crash ended it and the teacher has not yet carried on or set it aside. */
  interrupted: defineCall(
    'lessons:interrupted',
    z.object({}).strict(),
    z.object({ lesson: InterruptedLesson.nullable() })
  ),
  /** The teacher carried on with (or set aside) an interrupted lesson: it is offered no more. */
  dismissInterrupted: defineCall('lessons:dismiss-interrupted', SessionRef, z.object({ ok: z.literal(true) }))
} as const

export const lessonsEvents = {
  /** A lesson ended (by the teacher, by replacement, or closed after a crash). */
  ended: defineEvent('lessons:ended', LessonSummary)
} as const
