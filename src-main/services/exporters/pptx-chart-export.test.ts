import { describe, expect, it } from 'vitest'
import { Deck, type ChartElement } from '../../../src-shared/courseware'
import { PPTXGEN_CHARTS, chartDeck } from '../../test-utils/fixture-charts'
import { importPptx } from '../importers/pptx/pptx-import'
import { exportPptx } from './pptx-export'

const chartsOf = (d: { slides: { elements: { type: string }[] }[] }) =>
  d.slides.map((s) => s.elements.filter((e): e is ChartElement => e.type === 'chart'))

describe('PPTX export of charts', () => {
  it('writes every kind as a native chart that reads back with the same kind, data, titles, legend and labels', async () => {
    const deck = chartDeck()
    const { bytes, approximations } = await exportPptx(deck, new Map())
    expect(approximations.filter((a) => a.kind === 'chart')).toEqual([])
    const back = chartsOf(importPptx('charts.pptx', bytes).deck)
    const sent = chartsOf(deck)
    expect(back.map((c) => c.length)).toEqual(PPTXGEN_CHARTS.map(() => 1))
    back.forEach(([got], i) => {
      const want = sent[i]![0]!
      const pick = (c: ChartElement) => ({
        kind: c.kind,
        grouping: c.kind === 'pie' || c.kind === 'doughnut' ? 'clustered' : c.grouping,
        title: c.title,
        categories: c.categories,
        series: c.series.map((s) => ({ name: s.name, values: s.values, ...(s.xValues ? { xValues: s.xValues } : {}) })),
        xAxisTitle: c.xAxisTitle,
        yAxisTitle: c.yAxisTitle,
        legend: c.legend,
        dataLabels: c.dataLabels
      })
      expect(pick(got!), want.title).toEqual(pick(want))
      expect(got!.x).toBeCloseTo(want.x, 0)
      expect(got!.w).toBeCloseTo(want.w, 0)
    })
    // A series colour given is kept.
    expect(back[0]![0]!.series[0]!.color).toBe('#C00000')
  })

  it("keeps a chart's text size", async () => {
    const deck = chartDeck()
    ;(deck.slides[0]!.elements[0] as ChartElement).fontSize = 20
    const { bytes } = await exportPptx(Deck.parse(deck), new Map())
    const back = chartsOf(importPptx('charts.pptx', bytes).deck)
    expect(back[0]![0]!.fontSize).toBe(20)
  })

  it('keeps gaps as empty cells and reports what PowerPoint charts by pptxgenjs cannot hold', async () => {
    const deck = chartDeck()
    const line = deck.slides[3]!.elements[0] as ChartElement
    line.grouping = 'stacked'
    line.series[0]!.values[1] = null
    const pie = deck.slides[5]!.elements[0] as ChartElement
    pie.series.push({ name: '第二组', values: [1, 2, 3] })
    const { bytes, approximations } = await exportPptx(Deck.parse(deck), new Map())
    expect(approximations.filter((a) => a.kind === 'chart').map((a) => [a.slide, a.message])).toEqual([
      [4, '图表“气温变化”：堆积折线图导出为普通折线图。'],
      [6, '图表“早餐调查”：饼图只导出第一个系列。']
    ])
    const back = chartsOf(importPptx('charts.pptx', bytes).deck)
    expect(back[3]![0]!.series[0]!.values).toEqual([18, null, 27, 26, 21])
  })
})
