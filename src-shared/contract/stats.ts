/**
 * Teaching statistics (教学统计) for a class over a period, and the activity estimate (活跃度估算)
 * under a region's rules. Everything here is computed from what ClassDeck recorded on this computer.
 */
import { z } from 'zod'
import { defineCall } from './define'
import { LocalDate, PeriodInput } from '../library/period'

const Id = z.string().min(1).max(120)
const Rate = z.number().min(0).max(1).nullable()
const TzOffset = z.number().int().min(-720).max(840).default(480)

export const ClassSummary = z.object({
  classId: z.string(),
  className: z.string(),
  lessons: z.number().int().nonnegative(),
  lastTaughtAt: z.string()
})
export type ClassSummary = z.infer<typeof ClassSummary>

export const ChartId = z.enum(['guided', 'inClass', 'tests', 'homework'])
export type ChartId = z.infer<typeof ChartId>

export const ChartSeries = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.enum(['count', 'minutes', 'percent']),
  data: z.array(z.number().nullable())
})
export type ChartSeries = z.infer<typeof ChartSeries>

/** One of the four charts teachers are asked to show: 导学, 课堂, 检测, 作业. */
export const StatsChart = z.object({
  id: ChartId,
  title: z.string(),
  titleEn: z.string(),
  /** False when ClassDeck has no source for this chart at all (pre-class work, homework). */
  available: z.boolean(),
  /** True when there is a source but nothing in this period. */
  empty: z.boolean(),
  /** Shown instead of (or under) the chart: why it is empty or unavailable. */
  note: z.string().nullable(),
  noteEn: z.string().nullable(),
  categories: z.array(z.string()),
  series: z.array(ChartSeries)
})
export type StatsChart = z.infer<typeof StatsChart>

export const QuestionStat = z.object({
  runId: z.string(),
  launchedAt: z.string(),
  kind: z.string(),
  prompt: z.string(),
  chapterId: z.string().nullable(),
  deckTitle: z.string(),
  /** Students in the class session when it ran. */
  students: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  correct: z.number().int().nonnegative(),
  participation: Rate,
  /** Null when the question has no key (poll, word cloud …). */
  correctRate: Rate
})
export type QuestionStat = z.infer<typeof QuestionStat>

export const ChapterStat = z.object({
  chapterId: z.string().nullable(),
  chapterName: z.string(),
  runs: z.number().int().nonnegative(),
  answers: z.number().int().nonnegative(),
  correctRate: Rate
})
export type ChapterStat = z.infer<typeof ChapterStat>

export const StudentStat = z.object({
  /** 'roster:<id>' or 'name:<name>': the same student across lessons. */
  studentKey: z.string(),
  name: z.string(),
  /** Questions run while the student was in class. */
  offered: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  correct: z.number().int().nonnegative(),
  participation: Rate,
  correctRate: Rate,
  /** Below 60 % correct or 50 % participation: listed first. */
  needsHelp: z.boolean()
})
export type StudentStat = z.infer<typeof StudentStat>

export const ClassStats = z.object({
  classId: z.string(),
  className: z.string(),
  period: z.object({
    from: z.string(),
    to: z.string(),
    label: z.string(),
    labelEn: z.string(),
    bucket: z.enum(['day', 'week'])
  }),
  lessons: z.object({
    taught: z.number().int().nonnegative(),
    minutes: z.number().int().nonnegative(),
    effective: z.number().int().nonnegative(),
    tools: z.array(z.object({ tool: z.string(), count: z.number().int().positive() }))
  }),
  questions: z.object({
    runs: z.number().int().nonnegative(),
    answers: z.number().int().nonnegative(),
    participation: Rate,
    correctRate: Rate,
    perQuestion: z.array(QuestionStat),
    perChapter: z.array(ChapterStat),
    perStudent: z.array(StudentStat)
  }),
  charts: z.array(StatsChart)
})
export type ClassStats = z.infer<typeof ClassStats>

export const ClassStatsInput = z.object({ classId: Id, period: PeriodInput, tzOffsetMinutes: TzOffset }).strict()
export type ClassStatsInput = z.input<typeof ClassStatsInput>

export const RegionSummary = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  source: z.string(),
  caveat: z.string(),
  rules: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string(), note: z.string().nullable() }))
})
export type RegionSummary = z.infer<typeof RegionSummary>

export const RuleOutcome = z.object({
  ruleId: z.string(),
  name: z.string(),
  nameEn: z.string(),
  matched: z.number().int().nonnegative(),
  counted: z.number().int().nonnegative(),
  points: z.number().nonnegative(),
  why: z.string(),
  whyEn: z.string()
})
export const WindowEstimate = z.object({
  from: z.string(),
  to: z.string(),
  label: z.string(),
  labelEn: z.string(),
  points: z.number().nonnegative(),
  rules: z.array(RuleOutcome)
})
export type WindowEstimate = z.infer<typeof WindowEstimate>

export const ActivityEstimate = z.object({
  region: RegionSummary,
  /** Always true: the platform's own score is what counts. */
  estimate: z.literal(true),
  disclaimer: z.string(),
  disclaimerEn: z.string(),
  week: WindowEstimate,
  month: WindowEstimate
})
export type ActivityEstimate = z.infer<typeof ActivityEstimate>

export const ActivityInput = z
  .object({
    regionId: z.string().min(1).max(60),
    /** Any day in the week and month to estimate; today when absent. */
    date: LocalDate.optional(),
    tzOffsetMinutes: TzOffset
  })
  .strict()
export type ActivityInput = z.input<typeof ActivityInput>

export const statsCalls = {
  classes: defineCall('stats:classes', z.object({}).strict(), z.object({ items: z.array(ClassSummary) })),
  class: defineCall('stats:class', ClassStatsInput, ClassStats),
  regions: defineCall('stats:regions', z.object({}).strict(), z.object({ items: z.array(RegionSummary) })),
  activity: defineCall('stats:activity', ActivityInput, ActivityEstimate)
} as const

export const statsEvents = {} as const
