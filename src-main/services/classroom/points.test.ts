import { afterEach, describe, expect, it } from 'vitest'
import { STUDENT_EVENTS as E, type JoinResult } from '../../../src-shared/classroom/protocol'
import { call, classroomKit, connected, ok, openStorage, type Kit } from './classroom-test-kit'
import { readXlsx } from '../../test-utils/xlsx-reader'
import { callInput } from '../../rpc/call-input'
import { AppError } from '../../../src-shared/errors'

const ROSTER = [
  { id: 'r1', name: '李雷' },
  { id: 'r2', name: '韩梅梅' },
  { id: 'r3', name: '王芳' }
]
const TEAMS = [
  { name: '红队', members: ['r1', 'r2'] },
  { name: '蓝队', members: ['r3'] }
]

let kit: Kit
afterEach(async () => {
  await kit?.cleanup()
})

async function student(rosterId: string): Promise<ReturnType<Kit['student']>> {
  const s = kit.student()
  await connected(s)
  await ok<JoinResult>(s, E.join, { rosterId })
  return s
}

describe('ClassroomService: points and the 排行榜', () => {
  it('scores right answers of tablets on the real server, by student and by team, once the question closes', async () => {
    kit = await classroomKit({
      title: '三年级一班',
      roster: ROSTER,
      points: { perRight: 10, speedBonus: 5, teams: TEAMS }
    })
    const [lei, mei, fang] = [await student('r1'), await student('r2'), await student('r3')]
    const q1 = kit.launch({ kind: 'single', prompt: '1+1=?', options: ['1', '2', '3'], correct: 1, timeLimitSec: 600 })
    await ok(lei, E.answer, { runId: q1.runId, seq: 1, answer: { kind: 'single', choice: 1 } })
    await ok(fang, E.answer, { runId: q1.runId, seq: 1, answer: { kind: 'single', choice: 1 } })
    await ok(mei, E.answer, { runId: q1.runId, seq: 1, answer: { kind: 'single', choice: 0 } })

    // Open: nothing counts yet, or the board would tell who is right before the key.
    expect(kit.service.leaderboard().students.every((s) => s.points === 0)).toBe(true)
    kit.service.closeQuestion(q1.runId)

    const q2 = kit.launch({ kind: 'truefalse', prompt: '水是液体', correct: true })
    await ok(mei, E.answer, { runId: q2.runId, seq: 2, answer: { kind: 'truefalse', value: true } })
    kit.service.closeQuestion(q2.runId)

    const board = kit.service.leaderboard()
    expect(board).toMatchObject({ enabled: true, questions: 2, rules: { perRight: 10, speedBonus: 5 } })
    // Answers within a second of a 10-minute question keep the whole bonus.
    expect(board.students.map((s) => [s.name, s.points, s.right, s.rank, s.team])).toEqual([
      // Level on points and right answers: in pinyin order.
      ['韩梅梅', 15, 1, 1, '红队'],
      ['李雷', 15, 1, 1, '红队'],
      ['王芳', 15, 1, 1, '蓝队']
    ])
    expect(board.teams).toEqual([
      { name: '红队', points: 30, members: 2, rank: 1 },
      { name: '蓝队', points: 15, members: 1, rank: 2 }
    ])
  })

  it('keeps the rules with the class: after a restart and after class the board and the export still have the points', async () => {
    kit = await classroomKit({ title: '三年级一班', roster: ROSTER, points: { perRight: 3 } })
    const lei = await student('r1')
    const q = kit.launch({ kind: 'truefalse', correct: false })
    await ok(lei, E.answer, { runId: q.runId, seq: 1, answer: { kind: 'truefalse', value: false } })
    kit.service.closeQuestion(q.runId)
    await kit.service.close()

    // A new service on the same database file: what a restart of ClassDeck reads.
    const storage = openStorage(kit.dbFile)
    try {
      const again = kit.reopenService({ storage })
      const board = again.leaderboard()
      expect(board.enabled).toBe(true)
      expect(board.students.map((s) => [s.name, s.points])).toEqual([
        ['李雷', 3],
        ['韩梅梅', 0],
        ['王芳', 0]
      ])
      const book = readXlsx(Buffer.from(again.exportXlsx().base64, 'base64'))
      expect(Object.keys(book)).toEqual(['学生', '题目', '排行榜'])
      expect(book['学生']![0]!.at(-1)).toBe('得分')
      expect(book['学生']![1]).toEqual(['李雷', '错', '对', 1, 1, 3])
      expect(book['排行榜']).toEqual([
        ['名次', '学生', '小组', '答对', '得分'],
        [1, '李雷', null, 1, 3],
        [2, '韩梅梅', null, 0, 0],
        [2, '王芳', null, 0, 0]
      ])
      expect(again.exportCsv().csv.split('\r\n')[0]).toMatch(/,得分$/)
      await again.dispose()
    } finally {
      storage.close()
    }
  })

  it('says the board is off for a class opened without points, and the tablets see nothing of points', async () => {
    kit = await classroomKit({ title: '无积分' })
    const s = kit.student()
    await connected(s)
    const j = await ok<JoinResult>(s, E.join, { name: '小明' })
    expect(JSON.stringify(j)).not.toMatch(/points|rank/)
    expect(kit.service.leaderboard()).toMatchObject({ enabled: false, students: [], teams: [] })
    const q = kit.launch({ kind: 'truefalse', correct: true })
    const a = await call(s, E.answer, { runId: q.runId, seq: 1, answer: { kind: 'truefalse', value: true } })
    expect(a.ok).toBe(true)
    expect(Object.keys(readXlsx(Buffer.from(kit.service.exportXlsx().base64, 'base64')))).toEqual(['学生', '题目'])
  })

  it('refuses unusable points rules when the class opens, with the field named', () => {
    let err: unknown
    try {
      callInput('classroom:open', {
        points: {
          teams: [
            { name: '一组', members: [] },
            { name: '一组', members: [] }
          ]
        }
      })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).message).toMatch(/小组名称重复/)
    expect(() => callInput('classroom:open', { points: { perRight: 0 } })).toThrow(AppError)
  })
})
