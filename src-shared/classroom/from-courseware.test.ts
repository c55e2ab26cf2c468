import { describe, expect, it } from 'vitest'
import { Question } from '../courseware/question'
import { questionSpecFromCourseware } from './from-courseware'
import { markAnswer } from './question'
import { AppError } from '../errors'

describe('questionSpecFromCourseware', () => {
  it('turns option ids into indexes and keeps the key', () => {
    const q = Question.parse({
      kind: 'multiple',
      prompt: '哪些是质数？',
      options: [
        { id: 'a', text: '2' },
        { id: 'b', text: '4' },
        { id: 'c', text: '5' }
      ],
      answers: ['c', 'a'],
      timeLimitSec: 2
    })
    const spec = questionSpecFromCourseware(q)
    expect(spec).toMatchObject({ kind: 'multiple', options: ['2', '4', '5'], correct: [2, 0], timeLimitSec: 5 })
    expect(markAnswer(spec, { kind: 'multiple', choices: [0, 2] })).toBe(true)
  })

  it('maps true/false and fill-in, and refuses more options than a tablet can show', () => {
    expect(
      questionSpecFromCourseware(Question.parse({ kind: 'truefalse', prompt: '水在 0°C 结冰', answer: true }))
    ).toMatchObject({ kind: 'truefalse', correct: true })
    const fill = questionSpecFromCourseware(
      Question.parse({ kind: 'fillin', prompt: '1/2 =', accepted: ['0.5', '二分之一'] })
    )
    expect(markAnswer(fill, { kind: 'fillin', texts: ['０.５'] })).toBe(true)
    const many = Question.parse({
      kind: 'single',
      prompt: '选一个',
      options: Array.from({ length: 12 }, (_, i) => ({ id: `o${i}`, text: String(i) })),
      answer: 'o1'
    })
    expect(() => questionSpecFromCourseware(many)).toThrow(AppError)
  })
})
