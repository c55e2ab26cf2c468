/**
 * Regional activity rules (活跃度/积分 rules of the education platforms) as data: one JSON file per
 * region in resources/activity-rules/, validated by this schema when loaded. A rule says what
 * ClassDeck-recorded event earns points, how many, and the caps per day, week or month.
 */
import { z } from 'zod'
import { ResourceType } from './resource'

export const CapPer = z.enum(['day', 'week', 'month'])
export type CapPer = z.infer<typeof CapPer>

export const Cap = z
  .object({
    per: CapPer,
    max: z.number().int().positive(),
    /** 'times': at most `max` occurrences earn points; 'points': at most `max` points are earned. */
    unit: z.enum(['times', 'points'])
  })
  .strict()
export type Cap = z.infer<typeof Cap>

const base = {
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  /** The rule's name in the region's own notice, e.g. 互动授课. */
  name: z.string().min(1).max(40),
  nameEn: z.string().min(1).max(80),
  points: z.number().int().positive().max(1000),
  caps: z.array(Cap).max(3).default([]),
  /** How the notice's wording was read, where it could be read two ways. */
  note: z.string().max(500).optional()
}

export const ActivityRule = z.discriminatedUnion('kind', [
  /** A lesson taught with ClassDeck whose active time reached the minimum. */
  z.object({ kind: z.literal('lesson'), ...base, minActiveMinutes: z.number().int().min(0).max(240) }).strict(),
  /** A resource shared to the platform. */
  z
    .object({
      kind: z.literal('upload'),
      ...base,
      originalOnly: z.boolean().default(false),
      types: z.array(ResourceType).min(1).optional()
    })
    .strict(),
  /** A question run (检测) that at least `minStudents` students answered. */
  z
    .object({
      kind: z.literal('quiz'),
      ...base,
      minStudents: z.number().int().min(1).max(200),
      /**
       * Whether this rule counts the questions ClassDeck runs in class at all (a 导学检测 is done
       * before class, on the platform), and what in the region's rule says so: shown with the estimate.
       */
      classroomQuestions: z.object({ count: z.boolean(), basis: z.string().min(1).max(300) }).strict()
    })
    .strict(),
  /**
   * A day ClassDeck was used (the nearest thing to the platform's login day that ClassDeck can
   * see); from the day after `streak.days` consecutive days, a day earns `streak.points`.
   */
  z
    .object({
      kind: z.literal('active-day'),
      ...base,
      streak: z
        .object({ days: z.number().int().min(2).max(60), points: z.number().int().positive().max(1000) })
        .strict()
        .optional()
    })
    .strict()
])
export type ActivityRule = z.infer<typeof ActivityRule>

export const ActivityRegion = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,60}$/),
    name: z.string().min(1).max(80),
    nameEn: z.string().min(1).max(120),
    /** Where the rules come from, as a teacher would look them up. */
    source: z.string().min(1).max(500),
    /** What a teacher should know about this table (its age, what it leaves out). */
    caveat: z.string().max(1000).default(''),
    rules: z
      .array(ActivityRule)
      .min(1)
      .max(40)
      .refine((rs) => new Set(rs.map((r) => r.id)).size === rs.length, 'rule ids must be unique')
  })
  .strict()
export type ActivityRegion = z.infer<typeof ActivityRegion>
export type ActivityRegionInput = z.input<typeof ActivityRegion>
