/**
 * The 教案 pane: a deck's lesson plans (deck.ts LessonPlan) started from the 教学设计 template,
 * saved (the service sanitises the HTML once, with the lesson-plan rules, and keeps it in the open
 * deck) and exported as a Word .docx into `<data>/exports/`.
 */
import { z } from 'zod'
import { defineCall } from './define'
import { Id, LessonPlan } from '../courseware'

const FileTitle = z.string().trim().min(1).max(200)

export const LessonPlanCreate = z.object({ docId: Id }).strict()
export const LessonPlanSave = z
  .object({
    docId: Id,
    plan: z.object({ id: Id, title: z.string().trim().min(1).max(500), html: z.string().max(20_000_000) }).strict()
  })
  .strict()
export type LessonPlanSave = z.infer<typeof LessonPlanSave>

export const LessonPlanSaved = z.object({
  plan: LessonPlan,
  dirty: z.boolean(),
  /** What sanitising took out: links off the document and pictures that are not the plan's own. */
  removedLinks: z.number().int().nonnegative(),
  removedImages: z.number().int().nonnegative()
})
export type LessonPlanSaved = z.infer<typeof LessonPlanSaved>

export const LessonPlanExport = z.object({ docId: Id, planId: Id, name: FileTitle.optional() }).strict()
export const LessonPlanExported = z.object({
  path: z.string(),
  /** The file's name in `<data>/exports/`, to download it from `/exports/<fileName>`. */
  fileName: z.string()
})
export type LessonPlanExported = z.infer<typeof LessonPlanExported>

export const lessonPlanCalls = {
  create: defineCall('lesson-plan:create', LessonPlanCreate, LessonPlanSaved),
  save: defineCall('lesson-plan:save', LessonPlanSave, LessonPlanSaved),
  exportDocx: defineCall('lesson-plan:export-docx', LessonPlanExport, LessonPlanExported)
} as const
