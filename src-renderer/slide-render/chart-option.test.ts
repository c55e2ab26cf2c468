import { describe, expect, it } from 'vitest'
import { ChartElement } from '../../src-shared/courseware/element'
import { chartOption, percentValues, CHART_PALETTE } from './chart-option'
import { chartSvg } from './chart-svg'

type Obj = Record<string, unknown>
const chart = (over: Partial<ChartElement> = {}): ChartElement =>
  ChartElement.parse({
    type: 'chart',
    id: 'c1',
    x: 100,
    y: 100,
    w: 640,
    h: 400,
    kind: 'column',
    title: '期中成绩',
    categories: ['一班', '二班', '三班'],
    series: [
      { name: '数学', values: [90, 85, 70], color: '#FF0000' },
      { name: '语文', values: [80, null, 60] }
    ],
    ...over
  })
const series = (o: Obj) => o['series'] as Obj[]

describe('chartOption', () => {
  it('draws a clustered column chart on categories, with series colours, the palette after them, and no animation', () => {
    const o = chartOption(chart())
    expect(o['animation']).toBe(false)
    expect((o['xAxis'] as Obj)['type']).toBe('category')
    expect((o['xAxis'] as Obj)['data']).toEqual(['一班', '二班', '三班'])
    expect((o['yAxis'] as Obj)['type']).toBe('value')
    expect(series(o).map((s) => s['type'])).toEqual(['bar', 'bar'])
    expect(series(o)[1]!['data']).toEqual([80, null, 60])
    expect(series(o).some((s) => 'stack' in s)).toBe(false)
    expect(o['color']).toEqual(['#FF0000', CHART_PALETTE[1]])
    expect((o['title'] as Obj)['text']).toBe('期中成绩')
  })

  it('turns a bar chart on its side and stacks stacked series', () => {
    const o = chartOption(chart({ kind: 'bar', grouping: 'stacked' }))
    expect((o['yAxis'] as Obj)['type']).toBe('category')
    expect((o['xAxis'] as Obj)['type']).toBe('value')
    expect(series(o).every((s) => s['stack'] === 'total')).toBe(true)
  })

  it('draws percent-stacked series as shares of each category that sum to 100', () => {
    const c = chart({
      grouping: 'percent',
      series: [
        { name: 'A', values: [1, 3] },
        { name: 'B', values: [3, 1] }
      ]
    })
    expect(percentValues(c)).toEqual([
      [25, 75, null],
      [75, 25, null]
    ])
    const o = chartOption(c)
    expect((o['yAxis'] as Obj)['max']).toBe(100)
  })

  it('draws lines, filled areas and pads short series with gaps', () => {
    const line = chartOption(chart({ kind: 'line', series: [{ name: 'A', values: [1] }] }))
    expect(series(line)[0]!['type']).toBe('line')
    expect(series(line)[0]!['data']).toEqual([1, null, null])
    const area = chartOption(chart({ kind: 'area' }))
    expect(series(area)[0]!['areaStyle']).toBeDefined()
  })

  it('draws a pie of the first series over the categories, a doughnut with a hole, legend of categories', () => {
    const o = chartOption(chart({ kind: 'pie' }))
    const s = series(o)
    expect(s).toHaveLength(1)
    expect(s[0]!['data']).toEqual([
      expect.objectContaining({ name: '一班', value: 90 }),
      expect.objectContaining({ name: '二班', value: 85 }),
      expect.objectContaining({ name: '三班', value: 70 })
    ])
    expect((o['legend'] as Obj)['data']).toEqual(['一班', '二班', '三班'])
    const d = chartOption(chart({ kind: 'doughnut' }))
    expect((series(d)[0]!['radius'] as string[])[0]).not.toBe(0)
  })

  it('draws scatter points at their x values and radar values on one indicator per category', () => {
    const sc = chartOption(
      chart({ kind: 'scatter', series: [{ name: 'A', values: [2, null, 4], xValues: [1, 2, 3] }] })
    )
    expect(series(sc)[0]!['data']).toEqual([
      [1, 2],
      [3, 4]
    ])
    const r = chartOption(chart({ kind: 'radar' }))
    expect(((r['radar'] as Obj)['indicator'] as Obj[]).map((i) => i['name'])).toEqual(['一班', '二班', '三班'])
    expect((series(r)[0]!['data'] as Obj[])[1]!['value']).toEqual([80, 0, 60])
  })

  it('hides the legend when asked, shows data labels when asked, and names the axes', () => {
    const o = chartOption(chart({ legend: 'none', dataLabels: true, xAxisTitle: '班级', yAxisTitle: '分数' }))
    expect((o['legend'] as Obj)['show']).toBe(false)
    expect((series(o)[0]!['label'] as Obj)['show']).toBe(true)
    expect((o['xAxis'] as Obj)['name']).toBe('班级')
    expect((o['yAxis'] as Obj)['name']).toBe('分数')
  })

  it("draws axes, legend and labels at the chart's own text size, and titles larger", () => {
    const o = chartOption(chart({ fontSize: 24, dataLabels: true }))
    expect(((o['xAxis'] as Obj)['axisLabel'] as Obj)['fontSize']).toBe(24)
    expect(((o['legend'] as Obj)['textStyle'] as Obj)['fontSize']).toBe(24)
    expect(((o['title'] as Obj)['textStyle'] as Obj)['fontSize']).toBeGreaterThan(24)
    expect((series(o)[0]!['label'] as Obj)['fontSize']).toBe(22)
    expect(((chartOption(chart())['xAxis'] as Obj)['axisLabel'] as Obj)['fontSize']).toBe(16)
  })
})

describe('chartSvg', () => {
  it('draws every kind to SVG markup at the element size, with its words in it', () => {
    for (const kind of ['column', 'bar', 'line', 'area', 'pie', 'doughnut', 'scatter', 'radar'] as const) {
      const svg = chartSvg(chart({ kind, title: `标题-${kind}` }))
      expect(svg, kind).toMatch(/^<svg[^>]*width="640" height="400"/)
      expect(svg, kind).toContain(`标题-${kind}`)
      if (kind !== 'scatter') expect(svg, kind).toContain('二班')
      expect(svg, kind).not.toContain('<style')
    }
  })

  it('escapes the words of a chart instead of writing them as markup', () => {
    const svg = chartSvg(chart({ title: '<img src=x onerror=alert(1)>', categories: ['<b>一</b>'] }))
    expect(svg).not.toContain('<img')
    expect(svg).not.toContain('<b>')
    expect(svg).toContain('&lt;img')
  })

  it('draws a changed value differently, and the same chart elsewhere on the slide the same', () => {
    const a = chartSvg(chart())
    const moved = chartSvg(chart({ id: 'other', x: 5, y: 7 }))
    const changed = chartSvg(chart({ series: [{ name: '数学', values: [10, 85, 70] }] }))
    expect(moved).toBe(a)
    expect(changed).not.toBe(a)
  })
})

describe('ChartElement', () => {
  it('refuses more than 50 series, more than 1000 points, a bad colour and unknown fields', () => {
    const s = { name: 's', values: [1] }
    expect(ChartElement.safeParse({ ...chart(), series: Array(51).fill(s) }).success).toBe(false)
    expect(ChartElement.safeParse({ ...chart(), series: [{ name: 's', values: Array(1001).fill(1) }] }).success).toBe(
      false
    )
    expect(ChartElement.safeParse({ ...chart(), series: [{ ...s, color: 'red' }] }).success).toBe(false)
    expect(ChartElement.safeParse({ ...chart(), series: [] }).success).toBe(false)
    expect(ChartElement.safeParse({ ...chart(), script: 'x' }).success).toBe(false)
    expect(ChartElement.safeParse({ ...chart(), series: [{ name: 's', values: [Infinity] }] }).success).toBe(false)
  })
})
