/**
 * The key of a question as the board sets it and the class sees it: a 快速提问 launched without a key
 * gets one tapped in while it runs (answers already in are marked by it), and the reveal shows the
 * accepted answers on the tablets. Real Socket.IO clients against the real server.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { LessonsService } from '../lessons'
import { STUDENT_EVENTS as E, type JoinResult, type StudentState } from '../../../src-shared/classroom/protocol'
import type { RevealedKey, StudentQuestion } from '../../../src-shared/classroom/question'
import { classroomKit, connected, nextEvent, ok, type Kit } from './classroom-test-kit'
import { ClassroomRepo } from './classroom-repo'

let kit: Kit
afterEach(async () => {
  await kit?.cleanup()
})

async function joinAs(name: string) {
  const s = kit.student()
  await connected(s)
  const j = await ok<JoinResult>(s, E.join, { name })
  return { s, j }
}

describe('the key of a question', () => {
  it('takes the key tapped on the board after students answered, marks them by it, and files it with the platform', async () => {
    kit = await classroomKit({ lessonSessionId: 'L-1' })
    new LessonsService({
      storage: kit.storage,
      clock: () => new Date(),
      rules: () => ({ idleMinutes: 5, effectiveLessonMinutes: 15 }),
      newId: () => 'L-1'
    }).start({ classId: 'c-1', className: '三年级(1)班', deckId: 'd-1', deckTitle: '认识钟表', chapterId: null })
    const a = await joinAs('小明')
    const b = await joinAs('小红')
    // The board's 快速提问: A–D, no key.
    const run = kit.launch({ kind: 'single', prompt: '', options: ['A', 'B', 'C', 'D'] })
    await ok(a.s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'single', choice: 1 } })
    await ok(b.s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'single', choice: 2 } })
    expect(kit.service.live!.tally()).toMatchObject({ marked: 0, correct: 0 })

    const tally = kit.service.setKey(run.runId, [1])
    expect(tally).toMatchObject({ marked: 2, correct: 1, revealed: false })
    expect(tally.keyText).toBeUndefined()

    const revealed = nextEvent<RevealedKey>(a.s, E.reveal)
    const shown = kit.service.reveal(run.runId)
    expect(await revealed).toEqual({ runId: run.runId, options: [1], text: 'B' })
    expect(shown.keyText).toBe('B')
    const repo = new ClassroomRepo(kit.storage.db)
    expect(
      repo
        .answers(run.runId)
        .map((x) => [x.studentId, x.correct])
        .sort()
    ).toEqual(
      [
        [a.j.student.id, true],
        [b.j.student.id, false]
      ].sort()
    )
    const row = kit.storage.db.prepare('SELECT payload FROM outbox WHERE entity_id = ?').get(run.runId) as {
      payload: string
    }
    expect(JSON.parse(row.payload).question).toMatchObject({ kind: 'single', correctAnswer: 'B' })
  })

  it('refuses a key for a question that has ended, and one its kind cannot take from the bars', async () => {
    kit = await classroomKit()
    const tf = kit.launch({ kind: 'truefalse', prompt: '' })
    expect(() => kit.service.setKey(tf.runId, [0, 1])).toThrow('判断题不能这样设置正确答案')
    expect(kit.service.setKey(tf.runId, [1]).marked).toBe(0)
    kit.service.closeQuestion(tf.runId)
    expect(() => kit.service.setKey(tf.runId, [0])).toThrow('这道题已经结束，不能再设置正确答案')
    const poll = kit.launch({ kind: 'poll', options: ['春', '秋'] })
    expect(() => kit.service.setKey(poll.runId, [0])).toThrow('投票不能这样设置正确答案')
  })

  it('shows a tablet the stem and options, and after the reveal the accepted answers of every blank', async () => {
    kit = await classroomKit()
    const { s } = await joinAs('小刚')
    const asked = nextEvent<StudentQuestion>(s, E.question)
    const run = kit.launch({
      kind: 'fillin',
      prompt: '水的化学式是 ____，$1\\text{ L}$ 水重 ____ 克',
      blanks: [{ accepted: ['H2O', '水'] }, { accepted: ['1000'] }]
    })
    const q = await asked
    expect(q).toMatchObject({
      kind: 'fillin',
      label: '填空题',
      blanks: 2,
      prompt: '水的化学式是 ____，$1\\text{ L}$ 水重 ____ 克'
    })
    expect(JSON.stringify(q)).not.toContain('1000')
    await ok(s, E.answer, { runId: run.runId, seq: 1, answer: { kind: 'fillin', texts: ['h2o', '１０００'] } })
    kit.service.reveal(run.runId)
    const st = await ok<StudentState>(s, E.sync)
    expect(st.revealed).toEqual({ runId: run.runId, accepted: [['H2O', '水'], ['1000']], text: 'H2O/水 | 1000' })
  })
})
