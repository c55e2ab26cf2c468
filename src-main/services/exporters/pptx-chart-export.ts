/**
 * A chart element → a native PowerPoint chart (pptxgenjs addChart), so a colleague can edit the data
 * in PowerPoint, WPS or LibreOffice. What pptxgenjs cannot write is reported: stacked lines, 100%
 * areas and lines, scatter series with their own x values, pies of more than one series.
 */
import type PptxGenJS from 'pptxgenjs'
import { CHART_PALETTE, type Approximation, type ChartElement, type ChartKind } from '../../../src-shared/courseware'

type Slide = ReturnType<PptxGenJS['addSlide']>
type Approx = (kind: Approximation['kind'], message: string, messageEn: string) => void

const PPT_TYPE: Record<ChartKind, PptxGenJS.CHART_NAME> = {
  column: 'bar',
  bar: 'bar',
  line: 'line',
  area: 'area',
  pie: 'pie',
  doughnut: 'doughnut',
  scatter: 'scatter',
  radar: 'radar'
}

const LEGEND_POS = { bottom: 'b', top: 't', left: 'l', right: 'r' } as const
const hex = (c: string) => c.slice(1, 7).toUpperCase()
/** pptxgenjs writes an empty cell for a value that is neither a number nor 0. */
const cell = (v: number | null | undefined) => (v === null || v === undefined ? (null as unknown as number) : v)

export function addChartElement(
  slide: Slide,
  e: ChartElement,
  pos: { x: number; y: number; w: number; h: number },
  approx: Approx
): void {
  const name = e.title || '图表'
  const note = (zh: string, en: string) => approx('chart', `图表“${name}”：${zh}。`, `Chart "${name}": ${en}.`)
  const colors = e.series.map((s, i) => hex(s.color ?? CHART_PALETTE[i % CHART_PALETTE.length]!))
  const round = e.kind === 'pie' || e.kind === 'doughnut'
  let grouping: 'clustered' | 'standard' | 'stacked' | 'percentStacked' | undefined
  if (e.kind === 'column' || e.kind === 'bar') grouping = e.grouping === 'percent' ? 'percentStacked' : e.grouping
  else if (e.kind === 'area') {
    grouping = e.grouping === 'clustered' ? 'standard' : 'stacked'
    if (e.grouping === 'percent') note('百分比面积图导出为堆积面积图', 'a 100% area chart was exported as stacked')
  } else if (e.kind === 'line' && e.grouping !== 'clustered')
    note('堆积折线图导出为普通折线图', 'a stacked line chart was exported as plain lines')

  let data: { name: string; labels?: string[]; values: number[] }[]
  if (e.kind === 'scatter') {
    const first = e.series[0]!
    const xs = first.xValues ?? first.values.map((_, i) => i + 1)
    if (e.series.some((s) => s.xValues && JSON.stringify(s.xValues) !== JSON.stringify(first.xValues)))
      note('各系列共用第一个系列的 X 值', 'every series uses the first series’ x values')
    data = [{ name: 'X', values: xs.map(cell) }, ...e.series.map((s) => ({ name: s.name, values: s.values.map(cell) }))]
  } else {
    const series = round ? e.series.slice(0, 1) : e.series
    if (round && e.series.length > 1) note('饼图只导出第一个系列', 'only the first series of a pie was exported')
    data = series.map((s) => ({
      name: s.name,
      labels: [...e.categories],
      values: e.categories.map((_, i) => cell(s.values[i]))
    }))
  }
  const horizontal = e.kind === 'bar'
  const size = e.fontSize ?? 16
  const catTitle = horizontal ? e.yAxisTitle : e.xAxisTitle
  const valTitle = horizontal ? e.xAxisTitle : e.yAxisTitle
  const opts: PptxGenJS.IChartOpts = {
    ...pos,
    objectName: name,
    altText: e.title || '图表',
    ...(e.title ? { title: e.title, showTitle: true } : { showTitle: false }),
    showLegend: e.legend !== 'none',
    ...(e.legend !== 'none' ? { legendPos: LEGEND_POS[e.legend] } : {}),
    showValue: e.dataLabels,
    ...(round
      ? {
          showPercent: false,
          showLabel: false,
          chartColors: e.categories.map((_, i) => hex(CHART_PALETTE[i % CHART_PALETTE.length]!)),
          ...(e.kind === 'doughnut' ? { holeSize: 50 } : {})
        }
      : { chartColors: colors }),
    ...(grouping ? { barGrouping: grouping } : {}),
    ...(e.kind === 'column' || e.kind === 'bar' ? { barDir: horizontal ? 'bar' : 'col' } : {}),
    ...(e.kind === 'radar' ? { radarStyle: 'marker' } : {}),
    ...(e.kind === 'scatter' ? { lineSize: 0, lineDataSymbolSize: 8 } : {}),
    // The size we draw at (16 slide units when the chart has none), so PowerPoint shows what we showed.
    catAxisLabelFontSize: size,
    valAxisLabelFontSize: size,
    dataLabelFontSize: Math.round(size * 0.9),
    ...(e.legend !== 'none' ? { legendFontSize: size } : {}),
    ...(e.title ? { titleFontSize: Math.round(size * 1.35) } : {}),
    ...(catTitle ? { showCatAxisTitle: true, catAxisTitle: catTitle, catAxisTitleFontSize: size } : {}),
    ...(valTitle ? { showValAxisTitle: true, valAxisTitle: valTitle, valAxisTitleFontSize: size } : {})
  }
  slide.addChart(PPT_TYPE[e.kind], data, opts)
}
