import { describe, expect, it } from 'vitest'
import { parsePaperText } from './paper-text'
import { questionSpecFromCourseware } from '../classroom/from-courseware'
import { Question } from '../courseware/question'

// The layout the importer first read: no sections, 答案： / 解析： / 难度： lines.
const plain = `八年级数学 第十七章 练习
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

describe('parsePaperText', () => {
  it('reads the plain layout: options on one line or one a line, several answer letters, a two-line 解析, 难度', () => {
    const { questions, problems } = parsePaperText(plain)
    expect(questions.map((q) => [q.number, q.difficulty, q.question])).toEqual([
      [
        1,
        2,
        {
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
      ],
      [
        2,
        null,
        expect.objectContaining({ kind: 'multiple', answers: ['A', 'B'], explanation: '3²+4²=25≠36，\n所以 C 错。' })
      ],
      [3, null, expect.objectContaining({ kind: 'truefalse', answer: true, prompt: '2.5 + 3 = 5.5 这个等式成立。' })],
      [4, 1, expect.objectContaining({ kind: 'fillin', accepted: ['10', '十'] })]
    ])
    expect(problems).toEqual([
      expect.objectContaining({ number: 5, line: 26, message: expect.stringMatching(/^第 5 题：没有找到答案/) })
    ])
  })

  it('produces questions the deck model accepts and the classroom can launch', () => {
    const { questions } = parsePaperText(plain)
    for (const pq of questions) expect(questionSpecFromCourseware(Question.parse(pq.question)).prompt).toBeTruthy()
    expect(questionSpecFromCourseware(Question.parse(questions[1]!.question))).toMatchObject({ correct: [0, 1] })
  })

  it('keeps a line that starts with a decimal in the stem, and a （1） part inside a question numbered 1．', () => {
    const { questions } = parsePaperText(
      '一、填空题\n1. 计算：\n2.5 × 4 = ____\n答案：10\n二、解答题\n1．小明有 12 元。\n（1）买 3 支笔用去一半，一支笔几元？\n（2）还剩几元？\n答案：2 元；6 元'
    )
    expect(questions.map((q) => [q.label, q.question.prompt])).toEqual([
      ['一、填空题 第 1 题', '计算：\n2.5 × 4 = ____']
    ])
  })

  it('does not end a 解析 at its own numbered points, only at the next question', () => {
    const { questions } = parsePaperText('1. 甲\n答案：对\n解析：理由有二：\n1．其一\n2. 其二\n2．乙\n答案：错')
    expect(questions.map((q) => [q.number, q.question.explanation])).toEqual([
      [1, '理由有二：\n1．其一'],
      [2, '']
    ])
  })

  it('reads an answer block with no section headings by number, 【答案】 on its own line with the answer below, and reports an answer with no question', () => {
    const { questions, problems } = parsePaperText(
      '1．甲（  ）\nA．1 B．2\n2．乙____\n3．丙\n【答案】\n√\n参考答案：1．B 2．2.5 9．C'
    )
    expect(questions.map((q) => q.question)).toEqual([
      expect.objectContaining({ kind: 'single', answer: 'B' }),
      expect.objectContaining({ kind: 'fillin', accepted: ['2.5'] }),
      expect.objectContaining({ kind: 'truefalse', answer: true })
    ])
    expect(problems.map((p) => p.message)).toEqual(['参考答案里有第 9 题的答案，但试卷里没有找到这道题。'])
  })

  it('prefers a question’s own 【答案】 to the block’s, and does not report the block’s copy as stray', () => {
    const { questions, problems } = parsePaperText('1．甲____\n【答案】3\n2．乙____\n参考答案\n1．4 2．5')
    expect(questions.map((q) => q.question)).toEqual([
      expect.objectContaining({ accepted: ['3'] }),
      expect.objectContaining({ accepted: ['5'] })
    ])
    expect(problems).toEqual([])
  })

  it('refuses, by name, a letter answer with no options, a 判断题 answer that is not √ or ×, and a 选择题 without options', () => {
    const { questions, problems } = parsePaperText(
      '1．没有选项的题\n答案：A\n二、判断题\n1．地球是圆的。\n答案：B\n三、选择题\n1．选哪个？\n答案：C'
    )
    expect(questions).toEqual([])
    expect(problems.map((p) => p.message)).toEqual([
      '第 1 题：答案“A”是选项字母，但这道题没有找到选项，已跳过。',
      '二、判断题 第 1 题：判断题的答案“B”应为 √ 或 ×（对/错、正确/错误、T/F），已跳过。',
      '三、选择题 第 1 题：是选择题，但没有找到选项，已跳过。'
    ])
  })

  it('reports an answer that is not one of the options, and reads an empty text as nothing', () => {
    const r = parsePaperText('1. 题干\nA. 甲\nB. 乙\n答案：E')
    expect(r.questions).toEqual([])
    expect(r.problems[0]!.message).toBe('第 1 题：答案“E”不是它的选项（A、B），已跳过。')
    expect(parsePaperText('')).toEqual({ questions: [], problems: [] })
  })
})
