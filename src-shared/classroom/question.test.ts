import { describe, expect, it } from 'vitest'
import { QuestionSpec, answerMisfit, markAnswer, normaliseText, toStudentQuestion } from './question'
import { cleanName, csvCell, escapeHtml, nameTooLong } from './names'

describe('questions', () => {
  it('treats full-width, case and surrounding spaces alike in fill-in answers', () => {
    expect(normaliseText('  ＡＢＣ　１２３ ')).toBe('abc 123')
    const spec = QuestionSpec.parse({
      kind: 'fillin',
      blanks: [{ accepted: ['CO2', '二氧化碳'] }, { accepted: ['Paris'] }]
    })
    expect(markAnswer(spec, { kind: 'fillin', texts: ['ｃｏ２', ' paris '] })).toBe(true)
    expect(markAnswer(spec, { kind: 'fillin', texts: ['co 2', 'paris'] })).toBe(false)
    expect(answerMisfit(spec, { kind: 'fillin', texts: ['x'] })).toEqual({
      zh: '请填写全部 2 个空',
      en: 'Fill in all 2 blanks'
    })
  })

  it('marks multiple choice as right only when the set matches exactly', () => {
    const spec = QuestionSpec.parse({ kind: 'multiple', options: ['a', 'b', 'c'], correct: [0, 2] })
    expect(markAnswer(spec, { kind: 'multiple', choices: [2, 0] })).toBe(true)
    expect(markAnswer(spec, { kind: 'multiple', choices: [0] })).toBe(false)
    expect(answerMisfit(spec, { kind: 'multiple', choices: [0, 0] })).not.toBeNull()
  })

  it('refuses a key that points past the options, and never shows the key to students', () => {
    expect(QuestionSpec.safeParse({ kind: 'single', options: ['a', 'b'], correct: 5 }).success).toBe(false)
    const spec = QuestionSpec.parse({ kind: 'single', options: ['a', 'b'], correct: 1 })
    expect(JSON.stringify(toStudentQuestion('r', spec, new Date()))).not.toMatch(/correct/)
    const fill = QuestionSpec.parse({ kind: 'fillin', blanks: [{ accepted: ['秘密'] }] })
    expect(JSON.stringify(toStudentQuestion('r', fill, new Date()))).not.toMatch(/秘密/)
  })

  it('leaves polls, word clouds and buzz-ins unmarked', () => {
    expect(
      markAnswer(QuestionSpec.parse({ kind: 'poll', options: ['a', 'b'] }), { kind: 'poll', choices: [0] })
    ).toBeNull()
    expect(markAnswer(QuestionSpec.parse({ kind: 'buzz' }), { kind: 'buzz' })).toBeNull()
  })
})

describe('names', () => {
  it('cleans, escapes and defuses untrusted names', () => {
    expect(cleanName('\u202e 李\u200b雷 \n')).toBe('李雷')
    // Not cut: a shortened name could be a classmate's, so the server refuses it instead.
    expect(cleanName('x'.repeat(50))).toHaveLength(50)
    expect(nameTooLong('李'.repeat(20))).toBe(false)
    expect(nameTooLong('李'.repeat(21))).toBe(true)
    expect(escapeHtml('<img src=x onerror="a">')).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;')
    expect(csvCell('=1+1')).toBe(`"'=1+1"`)
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell(3)).toBe('3')
  })
})
