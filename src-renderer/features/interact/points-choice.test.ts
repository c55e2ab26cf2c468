import { describe, expect, it } from 'vitest'
import { PointsRules } from '../../../src-shared/classroom/points'
import { ROSTER_GROUPS, pointsRules } from './points-choice'

const roster = ['甲', '乙', '丙', '丁', '戊'].map((name, i) => ({ id: `n${i + 1}`, name }))

describe('points chosen when opening class', () => {
  it('sends nothing when the teacher left points off', () => {
    expect(pointsRules(null, roster)).toBeUndefined()
  })

  it('deals the roster into teams in turn, so every student is in exactly one and the rules pass the server schema', () => {
    const rules = pointsRules({ perRight: 10, speedBonus: 5, groups: 2 }, roster)!
    expect(rules.teams).toEqual([
      { name: '第1组', members: ['n1', 'n3', 'n5'] },
      { name: '第2组', members: ['n2', 'n4'] }
    ])
    expect(PointsRules.safeParse(rules).success).toBe(true)
  })

  it('scores students only when there is no roster to make teams from', () => {
    expect(pointsRules({ perRight: 5, speedBonus: 0, groups: 4 }, undefined)).toEqual({ perRight: 5, speedBonus: 0 })
    // Never more teams than students.
    expect(pointsRules({ perRight: 5, speedBonus: 0, groups: 8 }, roster.slice(0, 3))!.teams).toHaveLength(3)
  })

  it('makes the teams of the class list’s own 分组, members by their roster ids', () => {
    const groups = [
      { name: '红队', members: ['甲', '丙'] },
      { name: '蓝队', members: ['乙', '丁', '戊'] }
    ]
    const rules = pointsRules({ perRight: 10, speedBonus: 0, groups: ROSTER_GROUPS }, roster, groups)!
    expect(rules.teams).toEqual([
      { name: '红队', members: ['n1', 'n3'] },
      { name: '蓝队', members: ['n2', 'n4', 'n5'] }
    ])
    expect(PointsRules.safeParse(rules).success).toBe(true)
    // A class whose list lost its groups scores students only rather than inventing teams.
    expect(pointsRules({ perRight: 10, speedBonus: 0, groups: ROSTER_GROUPS }, roster, [])!.teams).toBeUndefined()
  })
})
