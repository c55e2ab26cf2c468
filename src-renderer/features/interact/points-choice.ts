/**
 * What the teacher picks for points when opening class (积分排行榜), and the rules the server is
 * sent. Teams for 小组PK are the class's own 分组 when its list has them (ROSTER_GROUPS), or are
 * made from the roster in its order (第1组, 第2组, … in turn), so the same roster always gives the
 * same teams; a class whose students type their names has no roster to make teams from, so it
 * scores students only.
 */
import type { RosterEntry } from '../../../src-shared/classroom/protocol'
import type { PointsRulesInput } from '../../../src-shared/classroom/points'

export interface PointsChoice {
  perRight: number
  speedBonus: number
  /** 0 = no teams; ROSTER_GROUPS = the class's own 分组. */
  groups: number
}

/** The choice that means "the groups the class list has". */
export const ROSTER_GROUPS = -1

export const PER_RIGHT_CHOICES = [5, 10, 20] as const
export const SPEED_BONUS_CHOICES = [0, 5, 10] as const
export const GROUP_CHOICES = [0, 2, 3, 4, 6, 8] as const

export const DEFAULT_POINTS: PointsChoice = { perRight: 10, speedBonus: 0, groups: 0 }

export function pointsRules(
  choice: PointsChoice | null,
  roster: readonly RosterEntry[] | undefined,
  groups: readonly { readonly name: string; readonly members: readonly string[] }[] = []
): PointsRulesInput | undefined {
  if (!choice) return undefined
  const rules: PointsRulesInput = { perRight: choice.perRight, speedBonus: choice.speedBonus }
  if (choice.groups === ROSTER_GROUPS) {
    const idOf = new Map((roster ?? []).map((r) => [r.name, r.id]))
    const teams = groups
      .map((g) => ({ name: g.name, members: g.members.flatMap((m) => idOf.get(m) ?? []) }))
      .filter((t) => t.members.length > 0)
    if (teams.length >= 2) rules.teams = teams
    return rules
  }
  const n = Math.min(choice.groups, roster?.length ?? 0)
  if (n >= 2 && roster) {
    rules.teams = Array.from({ length: n }, (_, g) => ({
      name: `第${g + 1}组`,
      members: roster.filter((_, i) => i % n === g).map((r) => r.id)
    }))
  }
  return rules
}
