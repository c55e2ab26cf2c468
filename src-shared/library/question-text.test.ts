import { describe, expect, it } from 'vitest'
import { parseQuestionText } from './question-text'
import { questionSpecFromCourseware } from '../classroom/from-courseware'
import { Question } from '../courseware/question'

const paper = `八年级数学 第十七章 练习
（本卷共 5 题）

1. 下列各数中，是无理数的是（  ）
A. 0.5   B. √2   C. 1/3   D. 4
答案：B
解析：√2 不能写成两个整数之比。
难度：较易

2、下列说法正确的有（  ）
A．直角三角形斜边最长
B．勾股定理只适用于直角三角形
C．三边为 3、4、6 的三角形是直角三角形
D．等腰三角形一定是锐角三角形
答案：A,B
解析：3²+4²=25≠36，
所以 C 错。

3. 2.5 + 3 = 5.5 这个等式成立。
答案：对

4. 直角三角形两直角边分别为 6 和 8，斜边长为____。
答案：10｜十
难度：1

5. 没有答案的题
A. 甲 B. 乙
`

describe('parseQuestionText (the Word convention)', () => {
  const { questions, problems } = parseQuestionText(paper)

  it('reads numbered single-choice questions with options on one line, the answer and the explanation', () => {
    expect(questions[0]).toEqual({
      number: 1,
      difficulty: 2,
      question: {
        kind: 'single',
        prompt: '下列各数中，是无理数的是（  ）',
        explanation: '√2 不能写成两个整数之比。',
        options: [
          { id: 'A', text: '0.5' },
          { id: 'B', text: '√2' },
          { id: 'C', text: '1/3' },
          { id: 'D', text: '4' }
        ],
        answer: 'B'
      }
    })
  })

  it('reads full-width punctuation, options on their own lines, several answer letters and a two-line explanation', () => {
    expect(questions[1]!.question).toMatchObject({
      kind: 'multiple',
      answers: ['A', 'B'],
      explanation: '3²+4²=25≠36，\n所以 C 错。'
    })
    expect((questions[1]!.question as { options: unknown[] }).options).toHaveLength(4)
  })

  it('does not read "2.5" in a stem as question 2, and reads 对/错 without options as true-false', () => {
    expect(questions[2]).toMatchObject({
      number: 3,
      question: { kind: 'truefalse', answer: true, prompt: '2.5 + 3 = 5.5 这个等式成立。' }
    })
  })

  it('reads a question without options as fill-in with alternatives split by ｜', () => {
    expect(questions[3]).toMatchObject({
      number: 4,
      difficulty: 1,
      question: { kind: 'fillin', accepted: ['10', '十'] }
    })
  })

  it('skips a question without 答案 and says which one and how to fix it; ignores the heading before question 1', () => {
    expect(questions.map((q) => q.number)).toEqual([1, 2, 3, 4])
    expect(problems).toEqual([
      expect.objectContaining({ number: 5, line: 26, message: expect.stringMatching(/第 5 题缺少“答案：”/) })
    ])
  })

  it('produces questions the deck model accepts and the classroom can launch', () => {
    for (const pq of questions) {
      const q = Question.parse(pq.question)
      const spec = questionSpecFromCourseware(q)
      expect(spec.prompt).toBe(q.prompt)
    }
    const spec = questionSpecFromCourseware(Question.parse(questions[1]!.question))
    expect(spec).toMatchObject({ kind: 'multiple', correct: [0, 1] })
  })

  it('reports an answer that is not one of the options, and an empty text as nothing', () => {
    const r = parseQuestionText('1. 题干\nA. 甲\nB. 乙\n答案：E')
    expect(r.questions).toEqual([])
    expect(r.problems[0]!.message).toMatch(/答案“E”不是它的选项（A、B）/)
    expect(parseQuestionText('')).toEqual({ questions: [], problems: [] })
  })
})
