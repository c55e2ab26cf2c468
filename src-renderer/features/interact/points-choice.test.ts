import { describe, expect, it } from 'vitest'
import { PointsRules } from '../../../src-shared/classroom/points'
import { pointsRules } from './points-choice'

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
})
