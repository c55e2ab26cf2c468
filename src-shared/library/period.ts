/**
 * Teaching periods (this week, this month, this term, a custom range) as instants, computed in
 * the teacher's fixed UTC offset (China Standard Time, +08:00, by default; China has no
 * daylight saving). Weeks start on Monday. Terms: 第一学期 1 Sep – 31 Jan, 第二学期 1 Feb – 31 Aug.
 */
import { z } from 'zod'

export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
export type LocalDate = z.infer<typeof LocalDate>

export const PeriodInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('week'), date: LocalDate }).strict(),
  z.object({ kind: z.literal('month'), date: LocalDate }).strict(),
  z.object({ kind: z.literal('term'), date: LocalDate }).strict(),
  /** Both days included. */
  z.object({ kind: z.literal('custom'), from: LocalDate, to: LocalDate }).strict()
])
export type PeriodInput = z.infer<typeof PeriodInput>

export const DEFAULT_TZ_OFFSET_MINUTES = 480
export const MAX_CUSTOM_DAYS = 400

export interface ResolvedPeriod {
  /** First instant, ISO. */
  readonly from: string
  /** First instant after the period, ISO (exclusive). */
  readonly to: string
  readonly label: string
  readonly labelEn: string
  /** Local days in the period, in order. */
  readonly days: readonly LocalDate[]
}

const DAY = 86_400_000

/** The local calendar day of an instant. */
export function localDay(at: string | number | Date, tzOffsetMinutes = DEFAULT_TZ_OFFSET_MINUTES): LocalDate {
  const ms = typeof at === 'number' ? at : new Date(at).getTime()
  return new Date(ms + tzOffsetMinutes * 60_000).toISOString().slice(0, 10)
}

/** Midnight of a local day, as epoch ms. */
export function dayStartMs(day: LocalDate, tzOffsetMinutes = DEFAULT_TZ_OFFSET_MINUTES): number {
  return Date.parse(`${day}T00:00:00.000Z`) - tzOffsetMinutes * 60_000
}

export function addDays(day: LocalDate, n: number): LocalDate {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY).toISOString().slice(0, 10)
}

/** Monday of the week a day is in. */
export function weekStart(day: LocalDate): LocalDate {
  const dow = new Date(`${day}T00:00:00.000Z`).getUTCDay() // 0 = Sunday
  return addDays(day, -((dow + 6) % 7))
}

export function monthStart(day: LocalDate): LocalDate {
  return `${day.slice(0, 7)}-01`
}

function nextMonth(day: LocalDate): LocalDate {
  const y = Number(day.slice(0, 4))
  const m = Number(day.slice(5, 7))
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}

function daysBetween(first: LocalDate, end: LocalDate): LocalDate[] {
  const out: LocalDate[] = []
  for (let d = first; d < end && out.length <= MAX_CUSTOM_DAYS + 31; d = addDays(d, 1)) out.push(d)
  return out
}

const zhDate = (d: LocalDate): string =>
  `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`

/** The period's instants and days; throws a RangeError (turned into a VALIDATION error by callers) for a bad custom range. */
export function resolvePeriod(p: PeriodInput, tzOffsetMinutes = DEFAULT_TZ_OFFSET_MINUTES): ResolvedPeriod {
  let first: LocalDate
  let end: LocalDate
  let label: string
  let labelEn: string
  switch (p.kind) {
    case 'week':
      first = weekStart(p.date)
      end = addDays(first, 7)
      label = `${zhDate(first)}—${zhDate(addDays(end, -1))}（周）`
      labelEn = `Week of ${first}`
      break
    case 'month':
      first = monthStart(p.date)
      end = nextMonth(first)
      label = `${Number(first.slice(0, 4))}年${Number(first.slice(5, 7))}月`
      labelEn = first.slice(0, 7)
      break
    case 'term': {
      const y = Number(p.date.slice(0, 4))
      const m = Number(p.date.slice(5, 7))
      if (m >= 9) [first, end, label] = [`${y}-09-01`, `${y + 1}-02-01`, `${y}—${y + 1}学年第一学期`]
      else if (m === 1) [first, end, label] = [`${y - 1}-09-01`, `${y}-02-01`, `${y - 1}—${y}学年第一学期`]
      else [first, end, label] = [`${y}-02-01`, `${y}-09-01`, `${y - 1}—${y}学年第二学期`]
      labelEn = `Term ${first} to ${addDays(end, -1)}`
      break
    }
    case 'custom':
      if (p.to < p.from) throw new RangeError('custom period ends before it starts')
      first = p.from
      end = addDays(p.to, 1)
      if (daysBetween(first, end).length > MAX_CUSTOM_DAYS)
        throw new RangeError(`custom period is longer than ${MAX_CUSTOM_DAYS} days`)
      label = `${zhDate(first)}—${zhDate(p.to)}`
      labelEn = `${first} to ${p.to}`
      break
  }
  return {
    from: new Date(dayStartMs(first, tzOffsetMinutes)).toISOString(),
    to: new Date(dayStartMs(end, tzOffsetMinutes)).toISOString(),
    label,
    labelEn,
    days: daysBetween(first, end)
  }
}
