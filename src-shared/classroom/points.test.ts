import { describe, expect, it } from 'vitest'
import { PointsRules, buildLeaderboard, pointsFor, SPEED_WINDOW_MS, type PointsRun } from './points'

const T0 = '2026-12-04T09:00:00.000Z'
const after = (ms: number): string => new Date(Date.parse(T0) + ms).toISOString()

function run(rows: PointsRun['rows'], extra: Partial<PointsRun> = {}): PointsRun {
  return { state: 'closed', launchedAt: T0, deadline: null, rows, ...extra }
}

const people = [
  { id: 's1', name: '李雷', rosterId: 'r1' },
  { id: 's2', name: '韩梅梅', rosterId: 'r2' },
  { id: 's3', name: '王芳', rosterId: 'r3' }
]

describe('points', () => {
  it('gives the base points for a right answer and nothing for a wrong or unmarked one', () => {
    const rules = PointsRules.parse({ perRight: 5 })
    const board = buildLeaderboard(
      'c1',
      rules,
      [
        run([
          { studentId: 's1', correct: true, receivedAt: after(1000) },
          { studentId: 's2', correct: false, receivedAt: after(500) },
          { studentId: 's3', correct: null, receivedAt: after(500) }
        ])
      ],
      people
    )
    expect(board.students.map((s) => [s.name, s.points, s.right, s.rank])).toEqual([
      ['李雷', 5, 1, 1],
      // Level on points: in pinyin order (han before wang), sharing the rank.
      ['韩梅梅', 0, 0, 2],
      ['王芳', 0, 0, 2]
    ])
  })

  it('lets the speed bonus fall from full at the launch to nothing at the deadline', () => {
    const rules = PointsRules.parse({ perRight: 10, speedBonus: 10 })
    const timed = run([], { deadline: after(20_000) })
    expect(pointsFor(rules, timed, after(0))).toBe(20)
    expect(pointsFor(rules, timed, after(5_000))).toBe(18)
    expect(pointsFor(rules, timed, after(20_000))).toBe(10)
    expect(pointsFor(rules, timed, after(60_000))).toBe(10)
    // Without a time limit the bonus runs out over the default window.
    expect(pointsFor(rules, run([]), after(SPEED_WINDOW_MS / 2))).toBe(15)
  })

  it('does not count a question still open, so the board does not give away who is right', () => {
    const rules = PointsRules.parse({})
    const board = buildLeaderboard(
      'c1',
      rules,
      [run([{ studentId: 's1', correct: true, receivedAt: after(1) }], { state: 'open' })],
      people
    )
    expect(board.questions).toBe(0)
    expect(board.students.every((s) => s.points === 0)).toBe(true)
  })

  it('adds up a team from its members, by roster id or by a typed name however it is spelled', () => {
    const rules = PointsRules.parse({
      teams: [
        { name: '第一组', members: ['r1', 'r2'] },
        { name: '第二组', members: ['ｗａｎｇ fang'] }
      ]
    })
    const typed = [...people.slice(0, 2), { id: 's3', name: 'Wang Fang', rosterId: null }]
    const board = buildLeaderboard(
      'c1',
      rules,
      [
        run([
          { studentId: 's1', correct: true, receivedAt: after(1) },
          { studentId: 's3', correct: true, receivedAt: after(1) }
        ]),
        run([
          { studentId: 's2', correct: true, receivedAt: after(1) },
          { studentId: 's3', correct: true, receivedAt: after(1) }
        ])
      ],
      typed
    )
    expect(board.teams).toEqual([
      { name: '第一组', points: 20, members: 2, rank: 1 },
      { name: '第二组', points: 20, members: 1, rank: 1 }
    ])
    expect(board.students.find((s) => s.studentId === 's3')).toMatchObject({ points: 20, team: '第二组', rank: 1 })
  })

  it('says the board is off for a class opened without points', () => {
    expect(buildLeaderboard('c1', null, [run([])], people)).toMatchObject({ enabled: false, students: [] })
  })

  it('refuses two teams of the same name and a bonus out of range', () => {
    expect(
      PointsRules.safeParse({
        teams: [
          { name: 'A', members: [] },
          { name: 'A', members: [] }
        ]
      }).success
    ).toBe(false)
    expect(PointsRules.safeParse({ speedBonus: 101 }).success).toBe(false)
    expect(PointsRules.safeParse({ perRight: 0 }).success).toBe(false)
    expect(PointsRules.safeParse({ bonus: 5 }).success).toBe(false)
  })
})
