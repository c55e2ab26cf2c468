import { afterEach, describe, expect, it } from 'vitest'
import { STUDENT_EVENTS as E, type JoinResult } from '../../../src-shared/classroom/protocol'
import type { StudentQuestion } from '../../../src-shared/classroom/question'
import { call, classroomKit, connected, nextEvent, ok, type Kit } from './classroom-test-kit'

let kit: Kit
afterEach(async () => {
  await kit?.cleanup()
})

describe('ClassroomService: number questions from a real tablet', () => {
  it('stores an answer within the range and marks it with the tolerance; one outside the range is refused and not stored', async () => {
    kit = await classroomKit({ title: '物理', points: { perRight: 10 } })
    const s = kit.student()
    await connected(s)
    await ok<JoinResult>(s, E.join, { name: '小明' })
    const q = kit.launch({ kind: 'number', prompt: 'g=?', correct: 9.8, tolerance: 0.1, unit: 'm/s²', min: 0, max: 20 })

    const refused = await call(s, E.answer, { runId: q.runId, seq: 1, answer: { kind: 'number', value: 98 } })
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.message).toBe('答案应在 0m/s² 到 20m/s² 之间')
      expect(refused.error.details).toMatchObject({ reason: 'wrong-kind' })
    }
    expect(kit.service.results(q.runId).answered).toBe(0)

    await ok(s, E.answer, { runId: q.runId, seq: 2, answer: { kind: 'number', value: 9.75 } })
    kit.service.closeQuestion(q.runId)
    const r = kit.service.results(q.runId)
    expect(r.rows[0]).toMatchObject({ text: '9.75', correct: true })
    expect(kit.service.leaderboard().students[0]).toMatchObject({ name: '小明', points: 10 })
  })
})

describe('ClassroomService: ordering questions from a real tablet', () => {
  it('sends the tablet the items shuffled, marks the whole order, and refuses an order missing an item', async () => {
    kit = await classroomKit({ title: '生物' })
    const s = kit.student()
    await connected(s)
    await ok<JoinResult>(s, E.join, { name: '小红' })
    const shown = nextEvent<StudentQuestion>(s, 'question')
    const items = ['播种', '发芽', '开花', '结果']
    const run = kit.launch({ kind: 'ordering', prompt: '植物的一生', items })
    const q = await shown
    expect(q.options).not.toEqual(items)
    expect(JSON.stringify(q)).not.toContain('"items"')

    const missing = await call(s, E.answer, {
      runId: run.runId,
      seq: 1,
      answer: { kind: 'ordering', order: [0, 1, 2] }
    })
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(missing.error.message).toBe('请把全部 4 项排好顺序再提交')

    const right = items.map((t) => q.options!.indexOf(t))
    await ok(s, E.answer, { runId: run.runId, seq: 2, answer: { kind: 'ordering', order: right } })
    expect(kit.service.results(run.runId).rows[0]).toMatchObject({ correct: true })
    expect(kit.service.results(run.runId).counts).toEqual([1, 1, 1, 1])
  })
})
