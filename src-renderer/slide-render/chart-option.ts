/**
 * A chart element → an ECharts option. Pure (no DOM, no ECharts import), so it is unit-tested as data
 * and every surface draws the same chart. Sizes are slide units: the chart is drawn at the element's
 * own size in the slide's fixed space and scaled with the slide.
 */
import type { ChartElement } from '../../src-shared/courseware/element'
import { CHART_PALETTE, chartCanStack } from '../../src-shared/courseware/chart'

export { CHART_PALETTE }

export const CHART_FONT = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif"

const TEXT = '#1d2733'
const AXIS_LINE = '#8c96a0'
const SPLIT_LINE = '#e3e7eb'

type Obj = Record<string, unknown>
export type ChartOption = Obj

/** The colour of series i (or pie slice i): its own if it has one, else the palette's. */
export function seriesColor(c: ChartElement, i: number): string {
  return c.series[i]?.color ?? CHART_PALETTE[i % CHART_PALETTE.length]!
}

/** Values padded (or cut) to the number of categories, gaps as null. */
function aligned(values: readonly (number | null)[], n: number): (number | null)[] {
  return Array.from({ length: n }, (_, i) => values[i] ?? null)
}

/** Each series' share of its category's total, in percent (PowerPoint's percentStacked). */
export function percentValues(c: ChartElement): (number | null)[][] {
  const n = c.categories.length
  const totals = Array.from({ length: n }, (_, i) => c.series.reduce((sum, s) => sum + Math.abs(s.values[i] ?? 0), 0))
  return c.series.map((s) =>
    aligned(s.values, n).map((v, i) =>
      v === null ? null : totals[i] ? Math.round((v / totals[i]!) * 100_000) / 1000 : 0
    )
  )
}

/** The text size of axes, legend and labels: the chart's own, else 16 slide units. */
const base = (c: ChartElement) => c.fontSize ?? 16

function legendOf(c: ChartElement, names: string[]): Obj {
  if (c.legend === 'none' || names.length === 0) return { show: false }
  const vertical = c.legend === 'left' || c.legend === 'right'
  return {
    show: true,
    data: names,
    orient: vertical ? 'vertical' : 'horizontal',
    [c.legend]: 8,
    ...(vertical ? { top: 'middle' } : { left: 'center' }),
    textStyle: { fontSize: base(c), color: TEXT, fontFamily: CHART_FONT },
    itemWidth: Math.round(base(c) * 1.1),
    itemHeight: Math.round(base(c) * 0.75)
  }
}

/** Room the title and legend take from the plot, so they never overlap it. */
function gridOf(c: ChartElement): Obj {
  const k = base(c) / 16
  const top = (c.title ? 44 * k : 16) + (c.legend === 'top' ? 32 * k : 0)
  // Below the plot: its labels, then the axis title, then the legend, each in its own band.
  const bottom = 12 + (c.legend === 'bottom' ? 36 * k : 0) + (c.xAxisTitle ? 40 * k : 0)
  // Lines and areas put their last category on the plot's edge: leave room for its label.
  const edge = c.kind === 'line' || c.kind === 'area' ? 36 : 20
  return {
    top,
    bottom,
    left: 12 + (c.legend === 'left' ? 120 * k : 0) + (c.yAxisTitle ? 28 * k : 0),
    right: edge + (c.legend === 'right' ? 120 * k : 0)
  }
}

function axisText(c: ChartElement): Obj {
  return { fontSize: base(c), color: TEXT, fontFamily: CHART_FONT }
}

function categoryAxis(c: ChartElement, title: string, boundaryGap: boolean): Obj {
  return {
    type: 'category',
    data: [...c.categories],
    boundaryGap,
    axisLabel: { ...axisText(c), hideOverlap: true },
    axisLine: { lineStyle: { color: AXIS_LINE } },
    axisTick: { alignWithLabel: true },
    ...axisName(c, title)
  }
}

function valueAxis(c: ChartElement, title: string, percent: boolean): Obj {
  return {
    type: 'value',
    ...(percent ? { max: 100, axisLabel: { ...axisText(c), formatter: '{value}%' } } : { axisLabel: axisText(c) }),
    splitLine: { lineStyle: { color: SPLIT_LINE } },
    axisLine: { show: false },
    ...axisName(c, title)
  }
}

function axisName(c: ChartElement, title: string): Obj {
  if (!title) return {}
  return {
    name: title,
    nameLocation: 'middle',
    nameGap: 20 + base(c),
    nameTextStyle: { fontSize: base(c), color: TEXT, fontFamily: CHART_FONT }
  }
}

function label(c: ChartElement, position: string, percent = false): Obj {
  if (!c.dataLabels) return {}
  return {
    label: {
      show: true,
      position,
      fontSize: Math.round(base(c) * 0.9),
      color: TEXT,
      fontFamily: CHART_FONT,
      ...(percent ? { formatter: '{c}%' } : {})
    }
  }
}

function cartesian(c: ChartElement): Obj {
  const horizontal = c.kind === 'bar'
  const stacked = chartCanStack(c.kind) && c.grouping !== 'clustered'
  const percent = chartCanStack(c.kind) && c.grouping === 'percent'
  const values = percent ? percentValues(c) : c.series.map((s) => aligned(s.values, c.categories.length))
  const isLine = c.kind === 'line' || c.kind === 'area'
  const cat = categoryAxis(c, horizontal ? c.yAxisTitle : c.xAxisTitle, !isLine)
  const val = valueAxis(c, horizontal ? c.xAxisTitle : c.yAxisTitle, percent)
  const series = c.series.map((s, i) => ({
    type: isLine ? 'line' : 'bar',
    name: s.name,
    data: values[i],
    itemStyle: { color: seriesColor(c, i) },
    ...(isLine ? { lineStyle: { width: 3, color: seriesColor(c, i) }, symbolSize: 8, connectNulls: false } : {}),
    ...(c.kind === 'area' ? { areaStyle: { opacity: stacked ? 0.9 : 0.55 }, symbol: 'none' } : {}),
    ...(stacked ? { stack: 'total' } : {}),
    ...(!isLine && !stacked ? { barGap: '10%', barCategoryGap: '35%' } : {}),
    ...label(c, stacked ? 'inside' : isLine ? 'top' : horizontal ? 'right' : 'top', percent)
  }))
  return {
    grid: gridOf(c),
    // A bar chart's first category sits at the bottom, in ECharts as in PowerPoint.
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? cat : val,
    series
  }
}

function scatter(c: ChartElement): Obj {
  return {
    grid: gridOf(c),
    xAxis: { ...valueAxis(c, c.xAxisTitle, false), scale: true, splitLine: { show: false } },
    yAxis: { ...valueAxis(c, c.yAxisTitle, false), scale: true },
    series: c.series.map((s, i) => ({
      type: 'scatter',
      name: s.name,
      symbolSize: 12,
      itemStyle: { color: seriesColor(c, i) },
      data: s.values.flatMap((v, j) => {
        const x = s.xValues ? s.xValues[j] : j + 1
        return v === null || x === null || x === undefined ? [] : [[x, v]]
      }),
      ...label(c, 'top')
    }))
  }
}

function pie(c: ChartElement): Obj {
  const s = c.series[0]!
  const k = base(c) / 16
  const top = (c.title ? 44 * k : 8) + (c.legend === 'top' ? 32 * k : 0)
  const bottom = 8 + (c.legend === 'bottom' ? 32 * k : 0)
  const cx = c.legend === 'left' ? '60%' : c.legend === 'right' ? '40%' : '50%'
  return {
    series: [
      {
        type: 'pie',
        name: s.name,
        top,
        bottom,
        center: [cx, '50%'],
        radius: c.kind === 'doughnut' ? ['42%', '72%'] : [0, '72%'],
        data: c.categories.map((name, i) => ({
          name,
          value: s.values[i] ?? 0,
          itemStyle: { color: i === 0 && s.color && c.series.length === 1 ? s.color : CHART_PALETTE[i % 8] }
        })),
        label: c.dataLabels
          ? {
              show: true,
              fontSize: Math.round(base(c) * 0.9),
              color: TEXT,
              fontFamily: CHART_FONT,
              formatter: '{b}: {c}'
            }
          : { show: false },
        labelLine: { show: c.dataLabels }
      }
    ]
  }
}

function radar(c: ChartElement): Obj {
  const max = Math.max(1, ...c.series.flatMap((s) => s.values.map((v) => v ?? 0)))
  const niceMax = Math.ceil(max / 10 ** Math.floor(Math.log10(max))) * 10 ** Math.floor(Math.log10(max))
  return {
    radar: {
      indicator: c.categories.map((name) => ({ name, max: niceMax })),
      center: ['50%', c.title ? '55%' : '50%'],
      radius: '62%',
      axisName: { fontSize: base(c), color: TEXT, fontFamily: CHART_FONT },
      splitLine: { lineStyle: { color: SPLIT_LINE } }
    },
    series: [
      {
        type: 'radar',
        data: c.series.map((s, i) => ({
          name: s.name,
          value: aligned(s.values, c.categories.length).map((v) => v ?? 0),
          itemStyle: { color: seriesColor(c, i) },
          lineStyle: { width: 3, color: seriesColor(c, i) }
        })),
        ...label(c, 'top')
      }
    ]
  }
}

/** The whole option. Animation is off: a slide is redrawn often (editing, thumbnails, builds) and must not replay. */
export function chartOption(c: ChartElement): ChartOption {
  const body =
    c.kind === 'pie' || c.kind === 'doughnut'
      ? pie(c)
      : c.kind === 'radar'
        ? radar(c)
        : c.kind === 'scatter'
          ? scatter(c)
          : cartesian(c)
  const legendNames = c.kind === 'pie' || c.kind === 'doughnut' ? [...c.categories] : c.series.map((s) => s.name)
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: CHART_FONT, color: TEXT },
    color: c.series.map((_, i) => seriesColor(c, i)),
    ...(c.title
      ? {
          title: {
            text: c.title,
            left: 'center',
            top: 6,
            textStyle: { fontSize: Math.round(base(c) * 1.35), fontWeight: 'bold', color: TEXT, fontFamily: CHART_FONT }
          }
        }
      : {}),
    legend: legendOf(c, legendNames),
    ...body
  }
}
