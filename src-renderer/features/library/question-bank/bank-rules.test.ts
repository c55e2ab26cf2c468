import { describe, expect, it } from 'vitest'
import { Question } from '../../../../src-shared/courseware/question'
import { answerText, chapterFilterOf, launchSpec } from './bank-rules'

const opts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, text: `选项${i + 1}` }))

describe('the question bank view', () => {
  it('filters by every catalogue level picked, and by nothing when nothing is picked', () => {
    expect(chapterFilterOf({})).toBeUndefined()
    expect(chapterFilterOf({ stage: { id: 'p2', name: '初中' }, subject: { id: 'math', name: '数学' } })).toEqual({
      stageId: 'p2',
      subjectId: 'math'
    })
    expect(
      chapterFilterOf({ volume: { id: 'v8a', name: '八年级上册' }, chapter: { id: 'c17', name: '勾股定理' } })
    ).toEqual({ volumeId: 'v8a', chapterId: 'c17' })
  })

  it('shows the key the way a test paper writes it', () => {
    expect(answerText(Question.parse({ kind: 'single', prompt: 'p', options: opts(4), answer: 'o1' }))).toBe('B')
    expect(answerText(Question.parse({ kind: 'multiple', prompt: 'p', options: opts(4), answers: ['o2', 'o0'] }))).toBe(
      'AC'
    )
    expect(answerText(Question.parse({ kind: 'truefalse', prompt: 'p', answer: false }))).toBe('错')
    expect(answerText(Question.parse({ kind: 'truefalse', prompt: 'p', answer: true }), 'en')).toBe('True')
    expect(answerText(Question.parse({ kind: 'fillin', prompt: 'p', accepted: ['10', '十'] }))).toBe('10 ｜ 十')
    expect(answerText(Question.parse({ kind: 'poll', prompt: 'p', options: opts(2) }))).toBe('')
  })

  it('launches a bank question with its key, and says why one with too many options cannot be launched', () => {
    const ok = launchSpec(Question.parse({ kind: 'single', prompt: '3² + 4² = ?', options: opts(3), answer: 'o1' }))
    expect(ok).toEqual({ spec: expect.objectContaining({ kind: 'single', prompt: '3² + 4² = ?', correct: 1 }) })
    const tooMany = launchSpec(Question.parse({ kind: 'single', prompt: 'p', options: opts(12), answer: 'o1' }))
    expect('error' in tooMany && tooMany.error.message).toContain('最多支持 10 个')
  })
})
