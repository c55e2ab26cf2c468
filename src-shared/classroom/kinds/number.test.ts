import { describe, expect, it } from 'vitest'
import { QuestionSpec, type QuestionSpecInput } from '.'
import { checkAnswer, keyText, markAnswer, revealedKey, toStudentQuestion } from '../question'

const spec = (input: Omit<Extract<QuestionSpecInput, { kind: 'number' }>, 'kind'>) =>
  QuestionSpec.parse({ kind: 'number', ...input })

describe('number questions', () => {
  it('marks an answer within the tolerance as right, and one just outside as wrong', () => {
    const s = spec({ prompt: 'g = ? m/s²', correct: 9.8, tolerance: 0.1, unit: 'm/s²' })
    expect(markAnswer(s, { kind: 'number', value: 9.8 })).toBe(true)
    expect(markAnswer(s, { kind: 'number', value: 9.9 })).toBe(true)
    expect(markAnswer(s, { kind: 'number', value: 9.7 })).toBe(true)
    expect(markAnswer(s, { kind: 'number', value: 9.91 })).toBe(false)
    expect(keyText(s)).toBe('9.8m/s²（±0.1）')
    expect(revealedKey('r1', s)).toMatchObject({ number: { value: 9.8, tolerance: 0.1 } })
  })

  it('takes 0.1 + 0.2 typed as 0.3 as exactly right, without a tolerance', () => {
    const s = spec({ correct: 0.1 + 0.2 })
    expect(markAnswer(s, { kind: 'number', value: 0.3 })).toBe(true)
    expect(markAnswer(s, { kind: 'number', value: 0.31 })).toBe(false)
  })

  it('refuses an answer outside the range with the range in the reason, so nothing is stored', () => {
    const s = spec({ correct: 50, min: 0, max: 100, unit: '%' })
    expect(checkAnswer(s, { kind: 'number', value: 101 })).toMatchObject({
      ok: false,
      reason: { zh: '答案应在 0% 到 100% 之间' }
    })
    expect(checkAnswer(spec({ min: 1 }), { kind: 'number', value: 0 })).toMatchObject({
      reason: { zh: '答案不能小于 1' }
    })
    expect(checkAnswer(s, { kind: 'number', value: 100 })).toMatchObject({ ok: true })
  })

  it('refuses a malformed answer with a reason the tablet can show', () => {
    const s = spec({})
    for (const bad of [{ kind: 'number', value: '12' }, { kind: 'number' }, { kind: 'number', value: 1, unit: 'cm' }])
      expect(checkAnswer(s, bad)).toMatchObject({ ok: false, reason: { zh: '这是数值题，请填写一个数' } })
    expect(checkAnswer(s, { kind: 'number', value: 1e13 })).toMatchObject({ ok: false })
  })

  it('shows the tablet the unit and range but never the key; a key outside the range is refused at launch', () => {
    const s = spec({ correct: 3, unit: 'cm', min: 0, max: 10 })
    const q = toStudentQuestion('r1', s, new Date(0))
    expect(q).toMatchObject({ unit: 'cm', min: 0, max: 10 })
    expect(JSON.stringify(q)).not.toContain('"correct"')
    expect(QuestionSpec.safeParse({ kind: 'number', correct: 11, max: 10 }).success).toBe(false)
    expect(QuestionSpec.safeParse({ kind: 'number', min: 5, max: 1 }).success).toBe(false)
  })
})
