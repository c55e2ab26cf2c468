/**
 * The activity estimate: what a region's rules would award for what ClassDeck recorded. Caps are
 * applied in calendar order over whole days, weeks (Monday first) and months, so an occurrence
 * before the window still uses up its week's cap. Pure: the stats service gathers the facts.
 */
import type { ActivityRegion, ActivityRule, Cap, CapPer } from './activity-rules'
import { addDays, localDay, monthStart, weekStart, DEFAULT_TZ_OFFSET_MINUTES, type LocalDate } from './period'
import type { ResourceType } from './resource'

export type ActivityFact =
  | { kind: 'lesson'; at: string; activeMinutes: number }
  | { kind: 'upload'; at: string; original: boolean; type: ResourceType }
  | { kind: 'quiz'; at: string; students: number }
  | { kind: 'active-day'; day: LocalDate }

export interface RuleOutcome {
  readonly ruleId: string
  readonly name: string
  readonly nameEn: string
  /** Occurrences in the window that met the rule's condition. */
  readonly matched: number
  /** Of those, how many earned points (the rest were over a cap). */
  readonly counted: number
  readonly points: number
  readonly why: string
  readonly whyEn: string
}

export interface WindowEstimate {
  readonly points: number
  readonly rules: RuleOutcome[]
}

interface Occurrence {
  day: LocalDate
  base: number
}

const PER_ZH: Record<CapPer, string> = { day: '每天', week: '每周', month: '每月' }
const PER_EN: Record<CapPer, string> = { day: 'a day', week: 'a week', month: 'a month' }

function capKey(day: LocalDate, per: CapPer): string {
  return per === 'day' ? day : per === 'week' ? weekStart(day) : monthStart(day)
}

function occurrences(rule: ActivityRule, facts: readonly ActivityFact[], tz: number): Occurrence[] {
  const out: Occurrence[] = []
  switch (rule.kind) {
    case 'lesson':
      for (const f of facts)
        if (f.kind === 'lesson' && f.activeMinutes >= rule.minActiveMinutes)
          out.push({ day: localDay(f.at, tz), base: rule.points })
      break
    case 'upload':
      for (const f of facts) {
        if (f.kind !== 'upload' || (rule.originalOnly && !f.original) || (rule.types && !rule.types.includes(f.type)))
          continue
        out.push({ day: localDay(f.at, tz), base: rule.points })
      }
      break
    case 'quiz':
      if (!rule.classroomQuestions.count) break
      for (const f of facts)
        if (f.kind === 'quiz' && f.students >= rule.minStudents)
          out.push({ day: localDay(f.at, tz), base: rule.points })
      break
    case 'active-day': {
      const days = [...new Set(facts.flatMap((f) => (f.kind === 'active-day' ? [f.day] : [])))].sort()
      const set = new Set(days)
      for (const day of days) {
        let before = 0
        // Consecutive days before this one (bounded by the streak length: nothing more changes the points).
        while (rule.streak && before < rule.streak.days && set.has(addDays(day, -(before + 1)))) before++
        out.push({ day, base: rule.streak && before >= rule.streak.days ? rule.streak.points : rule.points })
      }
      break
    }
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
}

/** Points of each occurrence after the caps, in calendar order. */
function applyCaps(occ: readonly Occurrence[], caps: readonly Cap[]): number[] {
  const used = caps.map(() => new Map<string, { times: number; points: number }>())
  return occ.map((o) => {
    let award = o.base
    caps.forEach((c, i) => {
      const u = used[i]!.get(capKey(o.day, c.per)) ?? { times: 0, points: 0 }
      award = Math.min(award, c.unit === 'times' ? (u.times >= c.max ? 0 : award) : Math.max(0, c.max - u.points))
    })
    if (award > 0) {
      caps.forEach((c, i) => {
        const key = capKey(o.day, c.per)
        const u = used[i]!.get(key) ?? { times: 0, points: 0 }
        used[i]!.set(key, { times: u.times + 1, points: u.points + award })
      })
    }
    return award
  })
}

function criterion(rule: ActivityRule): { zh: string; en: string } {
  switch (rule.kind) {
    case 'lesson':
      return rule.minActiveMinutes > 0
        ? {
            zh: `有效授课满 ${rule.minActiveMinutes} 分钟的课`,
            en: `lessons with at least ${rule.minActiveMinutes} active minutes`
          }
        : { zh: '用 ClassDeck 上的课', en: 'lessons taught with ClassDeck' }
    case 'upload': {
      const what = rule.types ? rule.types.join('/') : '资源'
      return {
        zh: `共享到平台的${rule.originalOnly ? '原创' : ''}${what}（含等待上传的）`,
        en: `${rule.originalOnly ? 'original ' : ''}${rule.types ? rule.types.join('/') : 'resources'} shared to the platform (including those waiting to upload)`
      }
    }
    case 'quiz':
      return rule.classroomQuestions.count
        ? {
            zh: `${rule.minStudents} 名以上学生作答的课堂检测（依据：${rule.classroomQuestions.basis}）`,
            en: `questions answered by at least ${rule.minStudents} students (per the region's rule)`
          }
        : {
            zh: `可计入的检测——ClassDeck 的课堂提问不算${rule.name}（依据：${rule.classroomQuestions.basis}）`,
            en: `qualifying tests: questions ClassDeck runs in class do not count as ${rule.nameEn} (per the region's rule)`
          }
    case 'active-day':
      return {
        zh: '使用 ClassDeck 的天数（平台按登录计，ClassDeck 只知道哪天用过）',
        en: 'days ClassDeck was used (the platform counts logins; ClassDeck only knows the days it was used)'
      }
  }
}

function capsText(caps: readonly Cap[]): { zh: string; en: string } {
  if (caps.length === 0) return { zh: '不封顶', en: 'no cap' }
  return {
    zh: caps.map((c) => `${PER_ZH[c.per]}最多 ${c.max} ${c.unit === 'times' ? '次' : '分'}`).join('，'),
    en: caps.map((c) => `at most ${c.max} ${c.unit === 'times' ? 'times' : 'points'} ${PER_EN[c.per]}`).join(', ')
  }
}

export function estimateWindow(
  region: ActivityRegion,
  facts: readonly ActivityFact[],
  window: { firstDay: LocalDate; endDay: LocalDate },
  tzOffsetMinutes = DEFAULT_TZ_OFFSET_MINUTES
): WindowEstimate {
  const rules = region.rules.map((rule): RuleOutcome => {
    const occ = occurrences(rule, facts, tzOffsetMinutes)
    const awards = applyCaps(occ, rule.caps)
    let matched = 0
    let counted = 0
    let points = 0
    let streakDays = 0
    occ.forEach((o, i) => {
      if (o.day < window.firstDay || o.day >= window.endDay) return
      matched++
      if (awards[i]! > 0) counted++
      if (rule.kind === 'active-day' && rule.streak && o.base === rule.streak.points && awards[i]! > 0) streakDays++
      points += awards[i]!
    })
    const c = criterion(rule)
    const caps = capsText(rule.caps)
    const over = matched - counted
    const streak =
      streakDays > 0
        ? {
            zh: `，其中 ${streakDays} 天连续满 ${rule.kind === 'active-day' ? rule.streak!.days : 0} 天按 ${rule.kind === 'active-day' ? rule.streak!.points : 0} 分计`,
            en: `; ${streakDays} day(s) after a streak earn the streak points`
          }
        : { zh: '', en: '' }
    const why =
      matched === 0
        ? `${rule.name}：这段时间没有${c.zh}（每次 ${rule.points} 分，${caps.zh}）。`
        : `${rule.name}：${c.zh} ${matched} 次，计分 ${counted} 次${over > 0 ? `，${over} 次超出上限未计` : ''}（每次 ${rule.points} 分，${caps.zh}${streak.zh}），共 ${points} 分。`
    const whyEn =
      matched === 0
        ? `${rule.nameEn}: no ${c.en} in this period (${rule.points} points each, ${caps.en}).`
        : `${rule.nameEn}: ${matched} ${c.en}, ${counted} counted${over > 0 ? `, ${over} over the cap` : ''} (${rule.points} points each, ${caps.en}${streak.en}); ${points} points.`
    return { ruleId: rule.id, name: rule.name, nameEn: rule.nameEn, matched, counted, points, why, whyEn }
  })
  return { points: rules.reduce((s, r) => s + r.points, 0), rules }
}
