/**
 * A chart as data (图表): what kind, its categories and series, titles, legend and labels. Imported from
 * PowerPoint's c:chartSpace, drawn with ECharts on every surface, edited as a table and exported as a
 * native PowerPoint chart. The element itself (frame + these fields) is `ChartElement` in element.ts.
 */
import { z } from 'zod'
import { Color, MediaRef } from './primitives'

/** PowerPoint's Office theme accents: the colours of series (and pie slices) that have none of their own. */
export const CHART_PALETTE = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47', '#264478', '#9E480E']

export const CHART_MAX_SERIES = 50
export const CHART_MAX_POINTS = 1000

/** column = vertical bars, bar = horizontal bars (PowerPoint's barDir col / bar). */
export const ChartKind = z.enum(['column', 'bar', 'line', 'area', 'pie', 'doughnut', 'scatter', 'radar'])
export type ChartKind = z.infer<typeof ChartKind>

/** How series sit on one another (columns, bars, lines and areas): side by side, piled up, or piled up to 100%. */
export const ChartGrouping = z.enum(['clustered', 'stacked', 'percent'])
export type ChartGrouping = z.infer<typeof ChartGrouping>

export const ChartLegend = z.enum(['bottom', 'top', 'left', 'right', 'none'])
export type ChartLegend = z.infer<typeof ChartLegend>

/** A missing point (an empty cell in PowerPoint's sheet) is null, drawn as a gap. */
const Value = z.number().nullable()

export const ChartSeries = z
  .object({
    name: z.string().max(200),
    values: z.array(Value).max(CHART_MAX_POINTS),
    /** Scatter only: the x of each value (other kinds place values on the categories). */
    xValues: z.array(Value).max(CHART_MAX_POINTS).optional(),
    color: Color.optional()
  })
  .strict()
export type ChartSeries = z.infer<typeof ChartSeries>

export const chartFields = {
  kind: ChartKind,
  grouping: ChartGrouping.default('clustered'),
  title: z.string().max(500).default(''),
  categories: z.array(z.string().max(200)).max(CHART_MAX_POINTS),
  series: z.array(ChartSeries).min(1).max(CHART_MAX_SERIES),
  /** Titles of the horizontal (x) and vertical (y) axes as drawn (a bar chart's categories run up y); empty for none. */
  xAxisTitle: z.string().max(200).default(''),
  yAxisTitle: z.string().max(200).default(''),
  legend: ChartLegend.default('bottom'),
  dataLabels: z.boolean().default(false),
  /** Size of the axis, legend and label text in points on the slide (PowerPoint's chart text size); titles are larger. */
  fontSize: z.number().positive().max(200).optional(),
  /** The picture PowerPoint cached of the chart, kept from an import. */
  fallback: MediaRef.optional()
}

/** Kinds drawn on two axes (everything but pie, doughnut and radar). */
export function chartHasAxes(kind: ChartKind): boolean {
  return kind !== 'pie' && kind !== 'doughnut' && kind !== 'radar'
}

/** Kinds where grouping means something. */
export function chartCanStack(kind: ChartKind): boolean {
  return kind === 'column' || kind === 'bar' || kind === 'line' || kind === 'area'
}

export const CHART_KIND_ZH: Readonly<Record<ChartKind, string>> = {
  column: '柱形图',
  bar: '条形图',
  line: '折线图',
  area: '面积图',
  pie: '饼图',
  doughnut: '圆环图',
  scatter: '散点图',
  radar: '雷达图'
}

/** The text a chart shows (title, axis titles, categories, series names), for search and text recall. */
export function chartText(c: {
  title: string
  xAxisTitle: string
  yAxisTitle: string
  categories: readonly string[]
  series: readonly { name: string }[]
}): string[] {
  return [c.title, c.xAxisTitle, c.yAxisTitle, ...c.categories, ...c.series.map((s) => s.name)].filter((t) => t)
}
