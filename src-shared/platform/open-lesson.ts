/**
 * A 公开课 set on the platform (docs/platform-api.yaml, /api/v1/open-lessons): the lesson's Word
 * 教学设计, its courseware and its 微课, uploaded as ordinary resources on one chapter and then
 * grouped under one level. Shared by the client (src-main/services/sync) and the reference server.
 */
import { z } from 'zod'
import { Resource } from './dto'

const Id = z.string().min(1).max(64)

/** The levels a 公开课 is taught at; a topic taught at several counts once, at the highest. */
export const OpenLessonLevel = z.enum(['校级', '区县级', '市级', '省级'])
export type OpenLessonLevel = z.infer<typeof OpenLessonLevel>

/** What each member is to the set, and the resource type it must have. */
export const OpenLessonRole = z.enum(['教学设计', '课件', '微课'])
export type OpenLessonRole = z.infer<typeof OpenLessonRole>
export const ROLE_TYPE = { 教学设计: '教案', 课件: '课件', 微课: '微课' } as const

/** 【区县级公开课】 — what every member's title carries after any 【原创】. */
export const levelMark = (level: OpenLessonLevel): string => `【${level}公开课】`

export const OpenLessonInput = z
  .object({
    level: OpenLessonLevel,
    chapterId: Id,
    title: z.string().trim().min(1).max(200),
    resources: z
      .array(z.object({ resourceId: Id, role: OpenLessonRole }).strict())
      .min(2)
      .max(8)
  })
  .strict()
export type OpenLessonInput = z.infer<typeof OpenLessonInput>

export const OpenLesson = z.object({
  id: Id,
  level: OpenLessonLevel,
  chapterId: Id,
  title: z.string(),
  ownerId: Id,
  ownerName: z.string(),
  createdAt: z.string().datetime({ offset: true }),
  resources: z.array(z.object({ role: OpenLessonRole, resource: Resource }))
})
export type OpenLesson = z.infer<typeof OpenLesson>
