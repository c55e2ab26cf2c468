/**
 * 分享为公开课: from an open deck, the set a 公开课 needs — the Word 教学设计 (the deck's 教案),
 * the courseware (PPTX and .edux) and the lesson's 微课 when the library has one — uploaded as
 * typed resources on the deck's chapter under 【X级公开课】 (and 【原创】), then grouped on the
 * platform as one set, credited to the signed-in teacher. Delivered by the outbox, resumable.
 */
import { z } from 'zod'
import { defineCall } from './define'
import { AppErrorData } from '../errors'
import { Id } from '../courseware'
import { OpenLesson, OpenLessonLevel, OpenLessonRole } from '../platform/open-lesson'
import { OutboxState } from './sync'

export const OpenLessonPreview = z.object({
  docId: Id,
  title: z.string(),
  original: z.boolean(),
  /** The chapter the set goes on; null until the deck is filed on one (课件信息). */
  chapter: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Saved to its file with nothing unsaved: what is shared is the saved deck. */
  saved: z.boolean(),
  plan: z.object({ id: Id, title: z.string() }).nullable(),
  /** The 微课 filed in the library for this lesson, if there is one. */
  video: z.object({ id: z.string(), title: z.string(), fileName: z.string(), size: z.number() }).nullable(),
  /** Who the set is credited to; null when nobody is signed in to the platform. */
  teacher: z.object({ id: z.string(), name: z.string() }).nullable()
})
export type OpenLessonPreview = z.infer<typeof OpenLessonPreview>

export const OpenLessonShare = z
  .object({
    docId: Id,
    level: OpenLessonLevel,
    /** Made by the dialog once per share: the same key again returns the same share, never a second set. */
    clientKey: z.string().uuid()
  })
  .strict()
export type OpenLessonShare = z.infer<typeof OpenLessonShare>

export const OpenLessonFile = z.object({
  role: OpenLessonRole,
  title: z.string(),
  fileName: z.string(),
  size: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  /** On the platform already. */
  uploaded: z.boolean()
})
export type OpenLessonFile = z.infer<typeof OpenLessonFile>

export const OpenLessonShareStatus = z.object({
  shareId: z.number().int(),
  level: OpenLessonLevel,
  title: z.string(),
  state: OutboxState,
  files: z.array(OpenLessonFile),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** The set as the platform grouped it, once it has. */
  set: OpenLesson.nullable(),
  lastError: AppErrorData.nullable()
})
export type OpenLessonShareStatus = z.infer<typeof OpenLessonShareStatus>

export const openLessonCalls = {
  prepare: defineCall('open-lesson:prepare', z.object({ docId: Id }).strict(), OpenLessonPreview),
  share: defineCall('open-lesson:share', OpenLessonShare, OpenLessonShareStatus),
  status: defineCall('open-lesson:status', z.object({ shareId: z.number().int() }).strict(), OpenLessonShareStatus)
} as const
