import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { StorageService, allMigrations } from '../storage'
import { QuestionBankService } from './question-bank-service'
import { makeDocx } from './docx-fixture'
import { tempDir } from '../../test-utils/temp-dir'
import { callInput } from '../../rpc/call-input'
import type { CallInput } from '../../../src-shared/contract'

const T0 = Date.parse('2026-03-02T08:00:00.000Z')
const ch17 = { chapter: { id: 'ch17', name: '第十七章 勾股定理' }, volume: { id: 'rj-8b', name: '八年级下册' } }

describe('QuestionBankService', () => {
  let t: ReturnType<typeof tempDir>
  let now: number
  let storage: StorageService
  let bank: QuestionBankService
  const clock = (): Date => new Date(now)

  beforeEach(() => {
    t = tempDir()
    now = T0
    storage = StorageService.open({
      file: join(t.dir, 'classdeck.db'),
      migrations: allMigrations,
      appVersion: 'test',
      now: clock
    })
    bank = new QuestionBankService({ storage, clock })
  })
  /** As dispatch hands a filter over: parsed once, limit and offset filled in. */
  const list = (filter: CallInput<'question-bank:list'>) => bank.list(callInput('question-bank:list', filter))
  afterEach(() => {
    bank.dispose()
    storage.close()
    t.cleanup()
  })

  const single = (prompt: string) => ({
    kind: 'single' as const,
    prompt,
    options: [
      { id: 'a', text: '3' },
      { id: 'b', text: '5' }
    ],
    answer: 'b'
  })

  it('imports the questions of a Word file in one write, files them on the chosen chapter and reports the ones it skipped', async () => {
    const path = join(t.dir, '第十七章练习.docx')
    writeFileSync(
      path,
      makeDocx([
        '第十七章 勾股定理 课堂练习',
        '1. 直角三角形的两条直角边是 3 和 4，斜边是（  ）',
        'A. 5    B. 6    C. 7    D. 12',
        '答案：A',
        '解析：3² + 4² = 5²。',
        '2. 以下哪些三边能组成直角三角形？',
        'A. 3,4,5',
        'B. 6,8,10',
        'C. 1,2,3',
        '答案：AB',
        '3. 勾股定理又叫毕达哥拉斯定理。',
        '答案：√',
        '4. 这道题忘了写答案',
        'A. 甲',
        'B. 乙'
      ])
    )
    const changes: number[] = []
    bank.onDidChange((c) => changes.push(c.ids.length))
    const r = await bank.importWord({ path, chapter: ch17, tags: ['课堂练习'] })
    expect(r.added.map((q) => q.question.kind)).toEqual(['single', 'multiple', 'truefalse'])
    expect(r.added[0]).toMatchObject({
      chapter: ch17,
      difficulty: 3,
      tags: ['课堂练习'],
      source: 'word:第十七章练习.docx'
    })
    expect(r.added[0]!.question).toMatchObject({ answer: 'A', explanation: '3² + 4² = 5²。' })
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]).toMatchObject({ number: 4, message: expect.stringMatching(/^第 4 题：没有找到答案/) })
    expect(changes).toEqual([3])
    expect(list({ chapter: { chapterId: 'ch17' } }).total).toBe(3)
  })

  it('imports from bytes as the browser host sends them', async () => {
    const dataBase64 = Buffer.from(makeDocx(['1. 1+1=？', 'A. 1 B. 2', '答案：B'])).toString('base64')
    const r = await bank.importWord({ fileName: 'q.docx', dataBase64, difficulty: 1 })
    expect(r.added).toHaveLength(1)
    expect(r.added[0]!.difficulty).toBe(1)
  })

  it('refuses a file with no questions, a non-docx name and a damaged file, each saying what to do', async () => {
    await expect(
      bank.importWord({ fileName: 'none.docx', dataBase64: Buffer.from(makeDocx(['只是一段说明'])).toString('base64') })
    ).rejects.toMatchObject({
      code: 'FILE_INVALID',
      message: expect.stringContaining('没有找到题目')
    })
    await expect(bank.importWord({ fileName: 'q.doc', dataBase64: 'AAAA' })).rejects.toMatchObject({
      code: 'FILE_INVALID',
      message: expect.stringContaining('另存为 .docx')
    })
    await expect(
      bank.importWord({ fileName: 'bad.docx', dataBase64: Buffer.from('not a zip').toString('base64') })
    ).rejects.toMatchObject({ code: 'FILE_INVALID', message: expect.stringContaining('无法读取 Word 文件') })
    await expect(bank.importWord({ path: join(t.dir, 'missing.docx') })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(list({}).total).toBe(0)
  })

  it('reads questions saved with the old spellings true-false and fill-in as truefalse and fillin, and filters them so', () => {
    const tf = bank.add({ question: { kind: 'truefalse', prompt: '平行四边形对边相等', answer: true }, difficulty: 3 })
    const fill = bank.add({ question: { kind: 'fillin', prompt: '3² + 4² = ?', accepted: ['25'] }, difficulty: 3 })
    // As a bank written before .edux format 2 holds them.
    const old = storage.db.prepare(
      `UPDATE question_bank SET kind = ?, question = json_set(question, '$.kind', ?) WHERE id = ?`
    )
    old.run('true-false', 'true-false', tf.id)
    old.run('fill-in', 'fill-in', fill.id)
    const reopened = new QuestionBankService({ storage, clock })
    const page = reopened.list(callInput('question-bank:list', { kinds: ['truefalse', 'fillin'] }))
    expect(page.items.map((q) => [q.id, q.question.kind]).sort()).toEqual(
      [
        [tf.id, 'truefalse'],
        [fill.id, 'fillin']
      ].sort()
    )
    reopened.dispose()
  })

  it('files questions by chapter, kind and difficulty, finds them by words in the stem, and removes them', () => {
    const a = bank.add({ question: single('勾股定理：3、4 的斜边'), chapter: ch17, difficulty: 2 })
    now += 1000
    bank.add({ question: { kind: 'truefalse', prompt: '平行四边形对边相等', answer: true }, difficulty: 4 })
    expect(list({ kinds: ['single'] }).items.map((q) => q.id)).toEqual([a.id])
    expect(list({ difficulty: [4, 5] }).items[0]!.question.prompt).toBe('平行四边形对边相等')
    expect(list({ q: '斜边' }).items.map((q) => q.id)).toEqual([a.id])
    expect(list({ q: '斜边', chapter: { chapterId: 'other' } }).total).toBe(0)

    expect(bank.remove(a.id)).toEqual({ removed: true })
    expect(list({}).items.map((q) => q.id)).not.toContain(a.id)
    expect(() => bank.remove(a.id)).toThrow(/题库里没有这道题/)
  })

  it('refuses a question whose answer is not one of its options', () => {
    expect(() => bank.add({ question: { ...single('x'), answer: 'z' } })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' })
    )
  })
})
