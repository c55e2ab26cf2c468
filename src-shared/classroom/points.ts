/**
 * Points and the 排行榜 across one class's questions. Opt-in when the class opens (the rules are
 * saved with the class); the board's ranking is computed from the stored answers every time, so it
 * can never disagree with the results table or the export, and a restart loses nothing.
 */
import { z } from 'zod'
import { nameKey } from './names'

/** A 小组PK team: its name and its members (roster ids, or typed names in a class without a roster). */
export const PointsTeam = z
  .object({
    name: z.string().trim().min(1).max(20),
    members: z.array(z.string().min(1).max(64)).max(500)
  })
  .strict()
export type PointsTeam = z.infer<typeof PointsTeam>

export const PointsRules = z
  .object({
    /** Points for each right answer. */
    perRight: z.number().int().min(1).max(100).default(10),
    /** Extra points for the fastest right answer, falling to 0 at the end of the speed window. */
    speedBonus: z.number().int().min(0).max(100).default(0),
    /** Team mode (小组PK) when given: a team's points are its members' points added up. */
    teams: z.array(PointsTeam).max(20).default([])
  })
  .strict()
  .superRefine((r, ctx) => {
    const seen = new Set<string>()
    for (const t of r.teams) {
      if (seen.has(t.name)) ctx.addIssue({ code: 'custom', message: `小组名称重复：${t.name}`, path: ['teams'] })
      seen.add(t.name)
    }
  })
export type PointsRules = z.output<typeof PointsRules>
export type PointsRulesInput = z.input<typeof PointsRules>

export const LeaderboardStudent = z.object({
  studentId: z.string(),
  name: z.string(),
  points: z.number().int(),
  right: z.number().int(),
  /** 1 = first; students with the same points share a rank. */
  rank: z.number().int(),
  team: z.string().nullable()
})
export type LeaderboardStudent = z.infer<typeof LeaderboardStudent>

export const LeaderboardTeam = z.object({
  name: z.string(),
  points: z.number().int(),
  members: z.number().int(),
  rank: z.number().int()
})
export type LeaderboardTeam = z.infer<typeof LeaderboardTeam>

export const Leaderboard = z.object({
  classSessionId: z.string().nullable(),
  /** False when the class was opened without points: nothing to show. */
  enabled: z.boolean(),
  rules: z.object({ perRight: z.number().int(), speedBonus: z.number().int() }).nullable(),
  /** Closed questions counted. */
  questions: z.number().int(),
  students: z.array(LeaderboardStudent),
  teams: z.array(LeaderboardTeam)
})
export type Leaderboard = z.infer<typeof Leaderboard>

/** Without a time limit, the speed bonus falls to 0 over this long. */
export const SPEED_WINDOW_MS = 30_000

export interface PointsRun {
  state: 'open' | 'closed'
  launchedAt: string
  deadline: string | null
  rows: readonly { studentId: string; correct: boolean | null; receivedAt: string | null }[]
}

export interface PointsPerson {
  id: string
  name: string
  /** The roster id, or null for a typed name (then teams list the name). */
  rosterId: string | null
}

/** Points one right answer earns: the base and a bonus that falls linearly over the question's time. */
export function pointsFor(rules: Pick<PointsRules, 'perRight' | 'speedBonus'>, run: PointsRun, at: string): number {
  if (rules.speedBonus === 0) return rules.perRight
  const start = Date.parse(run.launchedAt)
  const window = run.deadline ? Date.parse(run.deadline) - start : SPEED_WINDOW_MS
  const elapsed = Date.parse(at) - start
  if (!(window > 0) || Number.isNaN(elapsed)) return rules.perRight
  const share = Math.min(1, Math.max(0, 1 - elapsed / window))
  return rules.perRight + Math.round(rules.speedBonus * share)
}

/**
 * The ranking. Only closed questions count: while a question is open its marks would tell the class
 * who is right before the teacher reveals the key.
 */
export function buildLeaderboard(
  classSessionId: string | null,
  rules: PointsRules | null,
  runs: readonly PointsRun[],
  people: readonly PointsPerson[]
): Leaderboard {
  if (!rules) return { classSessionId, enabled: false, rules: null, questions: 0, students: [], teams: [] }
  const teamOf = new Map<string, string>()
  for (const t of rules.teams) for (const m of t.members) teamOf.set(m, t.name)
  const teamKey = (p: PointsPerson): string | null =>
    teamOf.get(p.rosterId ?? '') ?? teamOf.get(p.name) ?? teamByNameKey(rules.teams, p.name)
  const tally = new Map(people.map((p) => [p.id, { points: 0, right: 0 }]))
  const closed = runs.filter((r) => r.state === 'closed')
  for (const run of closed) {
    for (const row of run.rows) {
      const t = tally.get(row.studentId)
      if (!t || row.correct !== true || !row.receivedAt) continue
      t.points += pointsFor(rules, run, row.receivedAt)
      t.right++
    }
  }
  const students = people
    .map((p) => ({ studentId: p.id, name: p.name, ...tally.get(p.id)!, rank: 0, team: teamKey(p) }))
    .sort((a, b) => b.points - a.points || b.right - a.right || a.name.localeCompare(b.name, 'zh-CN'))
  rank(students)
  const teams = rules.teams
    .map((t) => {
      const members = students.filter((s) => s.team === t.name)
      return { name: t.name, points: members.reduce((n, s) => n + s.points, 0), members: members.length, rank: 0 }
    })
    .sort((a, b) => b.points - a.points)
  rank(teams)
  return {
    classSessionId,
    enabled: true,
    rules: { perRight: rules.perRight, speedBonus: rules.speedBonus },
    questions: closed.length,
    students,
    teams
  }
}

/** A typed name matches a team's member however it was spelled (width, case, spaces). */
function teamByNameKey(teams: readonly PointsTeam[], name: string): string | null {
  const key = nameKey(name)
  return teams.find((t) => t.members.some((m) => nameKey(m) === key))?.name ?? null
}

/** Competition ranking (1, 2, 2, 4) over a list already sorted by points. */
function rank(list: { points: number; rank: number }[]): void {
  list.forEach((e, i) => {
    e.rank = i > 0 && list[i - 1]!.points === e.points ? list[i - 1]!.rank : i + 1
  })
}
