/**
 * Teaching statistics (教学统计) for one class and period, and the activity estimate under a
 * region's rules. Read-only over what the lessons, classroom and library services recorded.
 * 导学 (pre-class) and 作业 (homework) have no source in ClassDeck: their charts say so.
 */
import type { Database } from 'better-sqlite3'
import type { z } from 'zod'
import {
  type ActivityInput,
  type ClassStatsInput,
  type ActivityEstimate,
  type ChapterStat,
  type ClassStats,
  type ClassSummary,
  type QuestionStat,
  type RegionSummary,
  type StatsChart,
  type StudentStat
} from '../../../src-shared/contract/stats'
import {
  addDays,
  estimateWindow,
  localDay,
  resolvePeriod,
  weekStart,
  type ActivityFact,
  type ActivityRegion,
  type LocalDate,
  type ResourceType
} from '../../../src-shared/library'
import { AppError } from '../../../src-shared/errors'
import type { StorageService } from '../storage'
import * as repo from './stats-repo'
import { loadRegions } from './regions'
import { currentTeacher } from '../sync/teacher-repo'

export interface StatsServiceDeps {
  readonly storage: StorageService
  readonly clock: () => Date
  /** Rule tables; the shipped ones by default. */
  readonly regions?: readonly ActivityRegion[]
  /** Lessons shorter than this are left out of the activity estimate (a setting; default 5). */
  readonly minLessonMinutes?: () => number
}

/** Below these a student is listed under 需要关注 (needs help). */
export const NEEDS_HELP = { correctRate: 0.6, participation: 0.5 } as const
const MINUTE = 60_000

export class StatsService {
  readonly #storage: StorageService
  readonly #clock: () => Date
  readonly regions: readonly ActivityRegion[]
  readonly #minLessonMinutes: () => number

  constructor(deps: StatsServiceDeps) {
    this.#storage = deps.storage
    this.#clock = deps.clock
    this.#minLessonMinutes = deps.minLessonMinutes ?? (() => 5)
    this.regions = deps.regions ?? loadRegions()
  }

  get #db(): Database {
    return this.#storage.db
  }

  classes(): { items: ClassSummary[] } {
    return { items: repo.classes(this.#db) }
  }

  /** Input as the contract parsed it (tzOffsetMinutes filled in). */
  classStats(input: z.output<typeof ClassStatsInput>): ClassStats {
    const { classId, tzOffsetMinutes: tz } = input
    let period
    try {
      period = resolvePeriod(input.period, tz)
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e)
      throw new AppError(
        'VALIDATION',
        `统计时段无效（${why}）。请选择开始日期不晚于结束日期、且不超过 400 天的时段。`,
        `Invalid period (${why}). Choose a range whose start is not after its end and that spans at most 400 days.`
      )
    }
    const db = this.#db
    // A read transaction: every figure comes from the same moment, even while a lesson is writing.
    return db.transaction(() => {
      const lessons = repo.lessonsOfClass(db, classId, period.from, period.to)
      // Runs are found through lessons; a lesson that began the evening before still owns its runs.
      const owners = repo.lessonsOfClass(
        db,
        classId,
        new Date(Date.parse(period.from) - 86_400_000).toISOString(),
        period.to
      )
      const runs = repo.runsOfLessons(
        db,
        owners.map((l) => l.id),
        period.from,
        period.to
      )
      const lessonById = new Map(owners.map((l) => [l.id, l]))
      const className =
        lessons[lessons.length - 1]?.class_name ??
        repo.classes(db).find((c) => c.classId === classId)?.className ??
        classId

      const perQuestion: QuestionStat[] = runs.map((r) => {
        const lesson = r.lesson_id ? lessonById.get(r.lesson_id) : undefined
        return {
          runId: r.id,
          launchedAt: r.launched_at,
          kind: r.kind,
          prompt: promptOf(r.spec),
          chapterId: lesson?.chapter_id ?? null,
          deckTitle: lesson?.deck_title ?? '',
          students: r.students,
          answered: r.answered,
          correct: r.correct,
          participation: ratio(r.answered, r.students),
          correctRate: ratio(r.correct, r.marked)
        }
      })
      const totals = runs.reduce(
        (t, r) => ({
          answered: t.answered + r.answered,
          students: t.students + r.students,
          correct: t.correct + r.correct,
          marked: t.marked + r.marked
        }),
        { answered: 0, students: 0, correct: 0, marked: 0 }
      )

      const bucket: 'day' | 'week' = period.days.length <= 31 ? 'day' : 'week'
      return {
        classId,
        className,
        period: { from: period.from, to: period.to, label: period.label, labelEn: period.labelEn, bucket },
        lessons: {
          taught: lessons.length,
          minutes: Math.round(lessons.reduce((s, l) => s + l.active_ms, 0) / MINUTE),
          effective: lessons.filter((l) => l.effective === 1).length,
          tools: repo.toolsOfLessons(
            db,
            lessons.map((l) => l.id)
          )
        },
        questions: {
          runs: runs.length,
          answers: totals.answered,
          participation: ratio(totals.answered, totals.students),
          correctRate: ratio(totals.correct, totals.marked),
          perQuestion,
          perChapter: this.#perChapter(runs, lessonById),
          perStudent: perStudent(
            repo.studentsOfRuns(
              db,
              runs.map((r) => r.id)
            )
          )
        },
        charts: charts(period.days, bucket, lessons, runs, tz)
      }
    })()
  }

  regionSummaries(): { items: RegionSummary[] } {
    return { items: this.regions.map(summaryOf) }
  }

  activity(input: z.output<typeof ActivityInput>): ActivityEstimate {
    const { regionId, tzOffsetMinutes: tz } = input
    const region = this.regions.find((r) => r.id === regionId)
    if (!region) {
      throw new AppError(
        'NOT_FOUND',
        `没有“${regionId}”地区的活跃度规则。请在设置里从 ${this.regions.map((r) => r.name).join('、')} 中选择。`,
        `There are no activity rules for region "${regionId}". Choose one of ${this.regions.map((r) => r.id).join(', ')} in settings.`,
        { regionId }
      )
    }
    const day = input.date ?? localDay(this.#clock(), tz)
    const week = resolvePeriod({ kind: 'week', date: day }, tz)
    const month = resolvePeriod({ kind: 'month', date: day }, tz)
    // Caps fill from the start of the week and month that hold the windows; a login streak looks back further.
    const capStart = [week.days[0]!, month.days[0]!].sort()[0]!
    const lookback = Math.max(
      0,
      ...region.rules.map((r) => (r.kind === 'active-day' && r.streak ? r.streak.days + 1 : 0))
    )
    const instant = (d: LocalDate): string => new Date(Date.parse(`${d}T00:00:00Z`) - tz * MINUTE).toISOString()
    const factsTo = [week.to, month.to].sort()[1]!
    // The teacher at this computer: on a shared classroom PC another teacher's lessons are not theirs.
    const teacher = currentTeacher(this.#db)
    const minMinutes = this.#minLessonMinutes()
    const facts = this.#facts(instant(capStart), instant(addDays(capStart, -lookback)), factsTo, tz, {
      teacherId: teacher?.id ?? null,
      minActiveMs: minMinutes * MINUTE
    })
    const whose = teacher
      ? { zh: `只计${teacher.name}老师的课`, en: `Only ${teacher.name}'s lessons count` }
      : {
          zh: '只计没有记下授课教师的课（还没有老师在本机登录过）',
          en: 'Only lessons with no recorded teacher count (nobody has signed in here)'
        }
    const windowOf = (p: ReturnType<typeof resolvePeriod>) => ({
      from: p.from,
      to: p.to,
      label: p.label,
      labelEn: p.labelEn,
      ...estimateWindow(region, facts, { firstDay: p.days[0]!, endDay: addDays(p.days[p.days.length - 1]!, 1) }, tz)
    })
    return {
      region: summaryOf(region),
      estimate: true,
      disclaimer: `这是估算，不是平台的分数：按“${region.name}”的规则和 ClassDeck 在本机记录的授课、互动与共享计算。${whose.zh}，不足 ${minMinutes} 分钟的课不计。${region.caveat}`,
      disclaimerEn: `An estimate, not the platform's score: computed from ${region.nameEn}'s rules and what ClassDeck recorded on this computer. ${whose.en}; lessons under ${minMinutes} minutes are left out.`,
      week: windowOf(week),
      month: windowOf(month)
    }
  }

  dispose(): void {}

  #facts(
    from: string,
    daysFrom: string,
    to: string,
    tz: number,
    who: { teacherId: string | null; minActiveMs: number }
  ): ActivityFact[] {
    const db = this.#db
    return [
      ...repo
        .lessonFacts(db, from, to, who.teacherId, who.minActiveMs)
        .map((l): ActivityFact => ({ kind: 'lesson', at: l.at, activeMinutes: l.activeMs / MINUTE })),
      ...repo.uploadFacts(db, from, to).map((u): ActivityFact => ({
        kind: 'upload',
        at: u.at,
        original: u.original === 1,
        type: u.type as ResourceType
      })),
      ...repo
        .quizFacts(db, from, to, who.teacherId)
        .map((q): ActivityFact => ({ kind: 'quiz', at: q.at, students: q.students })),
      ...repo.activeDays(db, daysFrom, to, tz, who.teacherId).map((day): ActivityFact => ({ kind: 'active-day', day }))
    ]
  }

  #perChapter(runs: readonly repo.RunRow[], lessons: ReadonlyMap<string, repo.LessonRow>): ChapterStat[] {
    const groups = new Map<string | null, { runs: number; answers: number; correct: number; marked: number }>()
    for (const r of runs) {
      const ch = (r.lesson_id ? lessons.get(r.lesson_id)?.chapter_id : null) ?? null
      const g = groups.get(ch) ?? { runs: 0, answers: 0, correct: 0, marked: 0 }
      groups.set(ch, {
        runs: g.runs + 1,
        answers: g.answers + r.answered,
        correct: g.correct + r.correct,
        marked: g.marked + r.marked
      })
    }
    return (
      [...groups]
        .map(([chapterId, g]) => ({
          chapterId,
          chapterName: chapterId === null ? '未挂章节' : (repo.chapterName(this.#db, chapterId) ?? chapterId),
          runs: g.runs,
          answers: g.answers,
          correctRate: ratio(g.correct, g.marked)
        }))
        // Weakest chapters first: where re-teaching helps most.
        .sort((a, b) => (a.correctRate ?? 2) - (b.correctRate ?? 2) || b.runs - a.runs)
    )
  }
}

function ratio(n: number, d: number): number | null {
  return d > 0 ? Math.min(1, n / d) : null
}

function promptOf(spec: string): string {
  try {
    const p = (JSON.parse(spec) as { prompt?: unknown }).prompt
    return typeof p === 'string' ? p : ''
  } catch {
    return ''
  }
}

function perStudent(rows: readonly repo.StudentRow[]): StudentStat[] {
  return rows
    .map((r) => {
      const participation = ratio(r.answered, r.offered)
      const correctRate = ratio(r.correct, r.marked)
      const needsHelp =
        (correctRate !== null && correctRate < NEEDS_HELP.correctRate) ||
        (participation !== null && participation < NEEDS_HELP.participation)
      return {
        studentKey: r.key,
        name: r.name,
        offered: r.offered,
        answered: r.answered,
        correct: r.correct,
        participation,
        correctRate,
        needsHelp
      }
    })
    .sort(
      (a, b) =>
        Number(b.needsHelp) - Number(a.needsHelp) ||
        (a.correctRate ?? 2) - (b.correctRate ?? 2) ||
        (a.participation ?? 2) - (b.participation ?? 2) ||
        a.name.localeCompare(b.name, 'zh-CN')
    )
}

function summaryOf(r: ActivityRegion): RegionSummary {
  return {
    id: r.id,
    name: r.name,
    nameEn: r.nameEn,
    source: r.source,
    caveat: r.caveat,
    rules: r.rules.map((x) => ({ id: x.id, name: x.name, nameEn: x.nameEn, note: x.note ?? null }))
  }
}

function charts(
  days: readonly LocalDate[],
  bucket: 'day' | 'week',
  lessons: readonly repo.LessonRow[],
  runs: readonly repo.RunRow[],
  tz: number
): StatsChart[] {
  const keys = bucket === 'day' ? [...days] : [...new Set(days.map(weekStart))]
  const index = new Map(keys.map((k, i) => [k, i]))
  const slot = (at: string): number | undefined => {
    const d = localDay(at, tz)
    return index.get(bucket === 'day' ? d : weekStart(d))
  }
  const categories = keys.map(
    (k) => `${Number(k.slice(5, 7))}/${Number(k.slice(8, 10))}${bucket === 'week' ? '起' : ''}`
  )
  const zeros = (): number[] => keys.map(() => 0)
  const taught = zeros()
  const effective = zeros()
  const minutes = zeros()
  const interactions = zeros()
  for (const l of lessons) {
    const i = slot(l.started_at)
    if (i === undefined) continue
    taught[i]!++
    if (l.effective === 1) effective[i]!++
    minutes[i]! += l.active_ms / MINUTE
  }
  const answers = zeros()
  const students = zeros()
  const correct = zeros()
  const marked = zeros()
  for (const r of runs) {
    const i = slot(r.launched_at)
    if (i === undefined) continue
    interactions[i]!++
    answers[i]! += r.answered
    students[i]! += r.students
    correct[i]! += r.correct
    marked[i]! += r.marked
  }
  const pct = (n: number[], d: number[]): (number | null)[] =>
    n.map((v, i) => (d[i]! > 0 ? Math.round((1000 * v) / d[i]!) / 10 : null))
  const unavailable = (
    id: 'guided' | 'homework',
    title: string,
    titleEn: string,
    what: string,
    whatEn: string
  ): StatsChart => ({
    id,
    title,
    titleEn,
    available: false,
    empty: true,
    categories: [],
    series: [],
    note: `暂无数据：${what}在平台上完成，ClassDeck 还不能取得，待平台提供后显示。`,
    noteEn: `No data yet: ${whatEn} happens on the platform, which does not yet provide it to ClassDeck.`
  })
  return [
    unavailable('guided', '导学', 'Pre-class guided learning', '课前导学', 'pre-class guided learning'),
    {
      id: 'inClass',
      title: '课堂',
      titleEn: 'In class',
      available: true,
      empty: lessons.length === 0 && runs.length === 0,
      note: lessons.length === 0 && runs.length === 0 ? '这段时间没有用 ClassDeck 上课的记录。' : null,
      noteEn:
        lessons.length === 0 && runs.length === 0 ? 'No lessons were taught with ClassDeck in this period.' : null,
      categories,
      series: [
        { id: 'lessons', name: '授课节数', nameEn: 'Lessons', unit: 'count', data: taught },
        { id: 'effective', name: '有效授课', nameEn: 'Effective lessons', unit: 'count', data: effective },
        { id: 'minutes', name: '授课分钟', nameEn: 'Minutes', unit: 'minutes', data: minutes.map(Math.round) },
        { id: 'interactions', name: '课堂互动', nameEn: 'Questions run', unit: 'count', data: interactions }
      ]
    },
    {
      id: 'tests',
      title: '检测',
      titleEn: 'Tests',
      available: true,
      empty: runs.length === 0,
      note: runs.length === 0 ? '这段时间课堂上没有发起过题目。' : null,
      noteEn: runs.length === 0 ? 'No questions were run in class in this period.' : null,
      categories,
      series: [
        { id: 'answers', name: '作答人次', nameEn: 'Answers', unit: 'count', data: answers },
        { id: 'participation', name: '参与率', nameEn: 'Participation', unit: 'percent', data: pct(answers, students) },
        { id: 'correctRate', name: '正确率', nameEn: 'Correct', unit: 'percent', data: pct(correct, marked) }
      ]
    },
    unavailable('homework', '作业', 'Homework', '作业', 'homework')
  ]
}
