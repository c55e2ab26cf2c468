/**
 * Charts as data: pptxgenjs's real chart markup for every kind, and hand-written chart parts for what
 * it does not write (src-main/test-utils/fixture-charts.ts), so a clone without the corpus proves the
 * same reader corpus.test.ts runs on real decks.
 */
import { describe, expect, it } from 'vitest'
import type { ChartElement, Element } from '../../../../src-shared/courseware'
import { PPTXGEN_CHARTS, handChartDeck, pptxgenCharts } from '../../../test-utils/fixture-charts'
import { importBytes } from '../import-file'

const charts = (els: Element[]) => els.filter((e): e is ChartElement => e.type === 'chart')

describe('PowerPoint chart import', () => {
  it('reads every kind pptxgenjs writes as an editable chart: kind, grouping, title, categories, series, colours, axes, legend, labels', async () => {
    const r = await importBytes('charts.pptx', await pptxgenCharts())
    expect(r.deck.slides).toHaveLength(PPTXGEN_CHARTS.length + 1)
    PPTXGEN_CHARTS.forEach((want, i) => {
      const got = charts(r.deck.slides[i]!.elements)
      expect(got, want.title).toHaveLength(1)
      const c = got[0]!
      expect(c.kind, want.title).toBe(want.kind)
      if ('grouping' in want) expect(c.grouping, want.title).toBe(want.grouping)
      expect(c.title).toBe(want.title)
      if ('categories' in want) expect(c.categories).toEqual(want.categories)
      expect(c.series.map((s) => s.name)).toEqual(want.series.map((s) => s.name))
      expect(c.series.map((s) => s.values)).toEqual(want.series.map((s) => s.values))
      if ('xValues' in want) expect(c.series[0]!.xValues).toEqual(want.xValues)
      want.series.forEach((s, j) => {
        if ('color' in s) expect(c.series[j]!.color).toBe(s.color)
      })
      if ('xAxisTitle' in want) expect([c.xAxisTitle, c.yAxisTitle]).toEqual([want.xAxisTitle, want.yAxisTitle])
      expect(c.legend, want.title).toBe(want.legend)
      expect(c.dataLabels, want.title).toBe(want.dataLabels)
      // pptxgenjs placed it at 0.8 in, 0.9 in on a 10 × 5.625 in slide (1280 × 720 here).
      expect(c.x).toBeCloseTo(102.4, 0)
      expect(c.y).toBeCloseTo(115.2, 0)
    })
    const bubble = charts(r.deck.slides.at(-1)!.elements)[0]!
    expect(bubble.kind).toBe('scatter')
    expect(bubble.series[0]!.values).toEqual([5, 7, 6])
    const chartNotes = r.report.approximations.filter((a) => a.kind === 'chart')
    expect(chartNotes.map((a) => a.slide)).toEqual([PPTXGEN_CHARTS.length + 1])
    expect(chartNotes[0]!.message).toContain('气泡图以散点图显示')
  })

  it('reads rich titles, gaps, theme colours and per-series labels; draws a combination as one kind and says so', async () => {
    const r = await importBytes('hand-charts.pptx', handChartDeck())
    const rich = charts(r.deck.slides[0]!.elements)[0]!
    expect(rich).toMatchObject({
      kind: 'column',
      title: '图书角借阅',
      categories: ['九月', '十月', '十一月'],
      xAxisTitle: '月份',
      yAxisTitle: '本数',
      legend: 'left',
      dataLabels: true,
      fontSize: 18
    })
    expect(rich.series[0]).toEqual({ name: '借书', values: [12, null, 30], color: '#C0504D' })
    const combo = charts(r.deck.slides[1]!.elements)[0]!
    expect(combo.kind).toBe('column')
    expect(combo.series.map((s) => [s.name, s.values])).toEqual([
      ['计划', [5, 6, 7]],
      ['实际', [4, 6, 8]]
    ])
    expect(combo.legend).toBe('none')
    const at = (slide: number) => r.report.approximations.filter((a) => a.slide === slide).map((a) => a.message)
    expect(at(1)).toEqual([])
    expect(at(2)).toEqual(['图表“组合”：组合图表以单一类型显示。'])
  })

  it('keeps a chart it cannot draw or read as a labelled placeholder, and the report names why', async () => {
    const r = await importBytes('hand-charts.pptx', handChartDeck())
    for (const slide of [2, 3]) {
      const els = r.deck.slides[slide]!.elements
      expect(charts(els)).toHaveLength(0)
      expect(els[0]).toMatchObject({ type: 'placeholder', source: 'chart' })
    }
    const msg = (slide: number) => r.report.approximations.find((a) => a.slide === slide && a.kind === 'chart')?.message
    expect(msg(3)).toBe('图表“曲面”是曲面图，无法绘制，以占位框代替。')
    expect(msg(4)).toBe('图表“丢失”的数据缺失，以占位框代替。')
  })

  it('reads a chart inside mc:AlternateContent as data with its cached picture, and shows a newer chart by its picture, reported', async () => {
    const r = await importBytes('hand-charts.pptx', handChartDeck())
    const cached = charts(r.deck.slides[4]!.elements)
    expect(cached).toHaveLength(1)
    expect(cached[0]!).toMatchObject({ grouping: 'stacked', title: '人数', fallback: { ext: 'png' } })
    expect(r.deck.slides[4]!.elements).toHaveLength(1)
    const ex = r.deck.slides[5]!.elements
    expect(ex).toMatchObject([{ type: 'image', media: { ext: 'png' } }])
    const note = r.report.approximations.find((a) => a.slide === 6)
    expect(note?.message).toBe('图表“瀑布”是新式图表（如瀑布图、树状图），以 PowerPoint 保存的图片显示，数据不可编辑。')
  })
})
