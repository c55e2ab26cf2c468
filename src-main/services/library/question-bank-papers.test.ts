import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { StorageService, allMigrations } from '../storage'
import { QuestionBankService } from './question-bank-service'
import { tempDir } from '../../test-utils/temp-dir'
import { CHINESE_PAPER, MATH_PAPER, MIXED_PAPER, NUMBERS_PAPER, paperDocx } from '../../test-utils/fixture-papers'
import type { BankImportResult } from '../../../src-shared/contract/library'

/** Each imported question as [kind, stem, options "A=…", answer]: the whole of what a paper gave. */
function shapes(r: BankImportResult): unknown[] {
  return r.added.map(({ question: q }) => {
    const options = 'options' in q ? q.options.map((o) => `${o.id}=${o.text}`) : []
    const answer =
      q.kind === 'single'
        ? q.answer
        : q.kind === 'multiple'
          ? q.answers
          : 'accepted' in q
            ? q.accepted
            : q.kind === 'poll'
              ? null
              : q.answer
    return [q.kind, q.prompt, options, answer]
  })
}

const abcd = (...texts: string[]) => texts.map((t, i) => `${'ABCDEF'[i]}=${t}`)

describe('QuestionBankService.importWord reads test papers as teachers write them', () => {
  let t: ReturnType<typeof tempDir>
  let storage: StorageService
  let bank: QuestionBankService

  beforeEach(() => {
    t = tempDir()
    storage = StorageService.open({ file: join(t.dir, 'classdeck.db'), migrations: allMigrations, appVersion: 'test' })
    bank = new QuestionBankService({ storage, clock: () => new Date('2026-03-02T08:00:00Z') })
  })
  afterEach(() => {
    bank.dispose()
    storage.close()
    t.cleanup()
  })

  async function importPaper(name: string, lines: readonly string[]): Promise<BankImportResult> {
    const path = join(t.dir, name)
    writeFileSync(path, await paperDocx(lines))
    return bank.importWord({ path })
  }

  it('takes a 数学 paper with sections and a 参考答案 block (1～4 ACBA, 7．× 8．√) and reports its 解答题 by section and number', async () => {
    const r = await importPaper('分数单元测试.docx', MATH_PAPER)
    expect(shapes(r)).toEqual([
      ['single', '把一个蛋糕平均分成 8 份，每份是它的（  ）。', abcd('1/8', '1/4', '8', '1/2'), 'A'],
      [
        'single',
        '下面的图形中，涂色部分能用 1/3 表示的是（  ）。',
        abcd('正方形平均分成 3 份，涂 1 份', '圆分成 3 份（不平均），涂 1 份', '长方形平均分成 4 份，涂 1 份'),
        'C'
      ],
      ['single', '一根绳子用去了它的 2/5，还剩它的（  ）。', abcd('2/5', '3/5', '1/5'), 'B'],
      ['single', '比较 1/6 和 1/8 的大小，正确的是（  ）。', abcd('1/6 > 1/8', '1/6 < 1/8', '1/6 = 1/8'), 'A'],
      ['fillin', '4 个 1/7 是（    ）。', [], ['4/7']],
      ['fillin', '1 - 3/8 = （    ）。', [], ['5/8']],
      ['truefalse', '把一张纸分成 4 份，每份是它的 1/4。（  ）', [], false],
      ['truefalse', '1/2 和 2/4 一样大。（  ）', [], true]
    ])
    expect(r.problems.map((p) => p.message)).toEqual([
      '四、解答题 第 9 题：解答题暂不能放进题库（题库只收选择、填空、判断题），已跳过。'
    ])
    expect(r.problems[0]!.messageEn).toMatch(
      /^Question 9 of 四、解答题: worked-answer questions cannot go into the bank/
    )
  })

  it('takes a 语文 paper with 【答案】【解析】 on the line, 【分析】【详解】 on their own lines and ①②③ statements in a stem', async () => {
    const r = await importPaper('语文基础检测.docx', CHINESE_PAPER)
    expect(shapes(r)).toEqual([
      [
        'single',
        '下列加点字注音完全正确的一项是（  ）',
        abcd('酝酿（niàng）', '贮蓄（zhù）', '应和（hé）', '粗犷（kuàng）'),
        'B'
      ],
      [
        'single',
        '下列句子中没有语病的一项是（  ）',
        abcd(
          '通过这次活动，使我们懂得了团结的重要。',
          '我们要养成良好的读书习惯。',
          '他的写作水平明显改进了。',
          '能否保持乐观，是身体健康的关键。'
        ),
        'B'
      ],
      [
        'single',
        '对下列句子运用的修辞手法判断正确的一项是（  ）\n①小草偷偷地从土里钻出来。\n②红的像火，粉的像霞，白的像雪。\n③山朗润起来了，水涨起来了，太阳的脸红起来了。',
        abcd('①拟人 ②比喻 ③排比', '①比喻 ②拟人 ③排比', '①拟人 ②排比 ③比喻', '①排比 ②比喻 ③拟人'),
        'A'
      ],
      ['fillin', '海日生残夜，____________。（王湾《次北固山下》）', [], ['江春入旧年']],
      ['fillin', '夕阳西下，____________。（马致远《天净沙·秋思》）', [], ['断肠人在天涯']],
      [
        'multiple',
        '下列作品与作者对应正确的有（  ）',
        abcd('《春》——朱自清', '《济南的冬天》——老舍', '《雨的四季》——刘湛秋', '《秋天的怀念》——冰心'),
        ['A', 'B', 'C']
      ]
    ])
    expect(r.added.map((q) => q.question.explanation)).toEqual([
      'A 项“酿”应读 niàng 轻声；C 项“和”读 hè；D 项“犷”读 guǎng。',
      '本题考查病句辨析。\nA 项缺主语；C 项搭配不当；D 项两面对一面。',
      '①把小草当作人来写；②连用三个比喻；③三个结构相同的句子。',
      '',
      '注意“肠”字的写法。',
      '《秋天的怀念》的作者是史铁生。'
    ])
    expect(r.problems).toEqual([])
  })

  it('takes ① and （A） options, √ × 正确 错误 T answers and numbers that restart in each section', async () => {
    const r = await importPaper('科学练习.docx', MIXED_PAPER)
    expect(shapes(r)).toEqual([
      ['single', '水在（  ）时会结冰。', abcd('0 ℃', '10 ℃', '100 ℃'), 'A'],
      ['single', '下列属于导体的是（  ）。', abcd('塑料尺', '铁钉', '橡皮'), 'B'],
      ['multiple', '植物生长需要的是（  ）。', abcd('阳光', '水', '石头'), ['A', 'B']],
      ['truefalse', '蚂蚁有六条腿。（  ）', [], true],
      ['truefalse', '月亮自己会发光。（  ）', [], false],
      ['truefalse', '声音在水中也能传播。（  ）', [], true],
      ['truefalse', '所有的金属都能被磁铁吸引。（  ）', [], false],
      ['truefalse', '种子发芽需要适宜的温度。（  ）', [], true],
      // The answer written in its brackets; the stem keeps empty brackets for the class.
      ['truefalse', '鲸是鱼类。（  ）', [], false]
    ])
    expect(r.problems).toEqual([])
  })

  it('keeps questions whose text starts with a number (2．3个1/5是, 3. 2.5 + 1.5, 第6题：1/2) apart and names the one without an answer', async () => {
    const r = await importPaper('小数与分数.docx', NUMBERS_PAPER)
    expect(shapes(r)).toEqual([
      ['fillin', '0.5 = ____（填分数）', [], ['1/2', '二分之一']],
      ['fillin', '3个1/5是____。', [], ['3/5']],
      ['fillin', '2.5 + 1.5 = ____', [], ['4']],
      ['fillin', '12 的 1/3 是____。', [], ['4']],
      ['fillin', '1/2 + 1/4 = ____', [], ['3/4']],
      ['single', '1.5 和 1.50 比较（  ）', abcd('1.5 大', '1.50 大', '一样大'), 'C'],
      ['single', '3/4 化成小数是（  ）', abcd('0.34', '0.75', '3.4'), 'B']
    ])
    expect(r.problems).toEqual([
      {
        number: 5,
        line: expect.any(Number),
        message:
          '一、填空题 第 5 题：没有找到答案，已跳过。请在题后加一行“【答案】…”，或在卷末“参考答案”里写出第 5 题的答案。',
        messageEn:
          'Question 5 of 一、填空题: no answer was found; skipped. Add a line "【答案】…" after it, or give question 5 in the 参考答案 block at the end.'
      }
    ])
  })
})
