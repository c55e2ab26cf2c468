import { describe, expect, it } from 'vitest'
import { QuestionSpec, kindModule, type TallySink } from '.'
import { checkAnswer, markAnswer, revealedKey, toStudentQuestion } from '../question'
import { shownOrder } from './ordering'

const ITEMS = ['播种', '发芽', '开花', '结果']
const s = QuestionSpec.parse({ kind: 'ordering', prompt: '植物的一生', items: ITEMS })

/** The shown indexes that put the items in this order of texts. */
function orderOf(texts: string[]): number[] {
  const shown = toStudentQuestion('r1', s, new Date(0)).options!
  return texts.map((t) => shown.indexOf(t))
}

describe('ordering questions', () => {
  it('shows every tablet the same shuffled list, never the right order', () => {
    const shown = toStudentQuestion('r1', s, new Date(0)).options!
    expect([...shown].sort()).toEqual([...ITEMS].sort())
    expect(shown).not.toEqual(ITEMS)
    expect(toStudentQuestion('r2', s, new Date(1)).options).toEqual(shown)
    // Two items whose shuffle would land on the right order are turned instead.
    for (const pair of [
      ['a', 'b'],
      ['b', 'a'],
      ['x', 'y']
    ])
      expect(shownOrder(pair)).toEqual([1, 0])
  })

  it('marks all or nothing: the right order is right, one swap is wrong', () => {
    expect(markAnswer(s, { kind: 'ordering', order: orderOf(ITEMS) })).toBe(true)
    expect(markAnswer(s, { kind: 'ordering', order: orderOf(['播种', '开花', '发芽', '结果']) })).toBe(false)
    expect(revealedKey('r1', s).options).toEqual(orderOf(ITEMS))
    expect(revealedKey('r1', s).text).toBe('播种 → 发芽 → 开花 → 结果')
  })

  it('tallies by position: how many put the right item in each place', () => {
    const m = kindModule('ordering')
    const sink: TallySink = { counts: [0, 0, 0, 0], words: new Map(), buzz: () => undefined, photo: () => undefined }
    const from = { studentId: 's', receivedAt: '2026-12-04T08:00:00.000Z' }
    m.tally(sink, { kind: 'ordering', order: orderOf(ITEMS) }, from, s)
    m.tally(sink, { kind: 'ordering', order: orderOf(['播种', '开花', '发芽', '结果']) }, from, s)
    expect(sink.counts).toEqual([2, 1, 1, 2])
    expect(m.bars(s)).toEqual(['第1位', '第2位', '第3位', '第4位'])
  })

  it('refuses an order that leaves an item out or repeats one, with a reason the tablet shows', () => {
    for (const order of [
      [0, 1, 2],
      [0, 0, 1, 2],
      [0, 1, 2, 7]
    ])
      expect(checkAnswer(s, { kind: 'ordering', order })).toMatchObject({
        ok: false,
        reason: { zh: '请把全部 4 项排好顺序再提交' }
      })
    expect(checkAnswer(s, { kind: 'ordering', order: [0, 1, 2, 3], extra: 1 })).toMatchObject({
      ok: false,
      reason: { zh: '这是排序题，请把各项排好顺序再提交' }
    })
  })
})
