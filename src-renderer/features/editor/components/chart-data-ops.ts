/**
 * Edits of a chart's data table (ChartDataEditor.vue): pure functions from a chart to the next chart,
 * so each cell, row or series change is one undo step and is tested without a DOM. Rows are the
 * categories (a scatter's rows are its x values); columns are the series.
 */
import { CHART_MAX_POINTS, CHART_MAX_SERIES, type ChartKind } from '../../../../src-shared/courseware/chart'
import { ChartElement } from '../../../../src-shared/courseware/element'

/** Rows of the table: categories, or for a scatter the longest series. */
export function rowCount(c: ChartElement): number {
  if (c.kind !== 'scatter') return c.categories.length
  return Math.max(0, ...c.series.map((s) => Math.max(s.values.length, s.xValues?.length ?? 0)))
}

/** A typed number: '' is an empty cell (null); commas and full-width digits as a Chinese keyboard types them. */
export function parseCell(text: string): number | null | 'invalid' {
  const t = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，,]/g, '')
    .replace(/。/g, '.')
    .replace(/－/g, '-')
  if (t === '') return null
  const n = Number(t)
  return Number.isFinite(n) ? n : 'invalid'
}

const pad = (values: readonly (number | null)[], n: number) => Array.from({ length: n }, (_, i) => values[i] ?? null)

/** The x of row i of a scatter (its own x values, else 1, 2, 3…). */
export function scatterX(c: ChartElement, row: number): number | null {
  const xs = c.series[0]?.xValues
  return xs ? (xs[row] ?? null) : row + 1
}

function valid(c: ChartElement): ChartElement {
  return ChartElement.parse(c)
}

export function setValue(c: ChartElement, series: number, row: number, value: number | null): ChartElement {
  const n = Math.max(rowCount(c), row + 1)
  return valid({
    ...c,
    series: c.series.map((s, i) =>
      i === series ? { ...s, values: pad(s.values, n).map((v, j) => (j === row ? value : v)) } : s
    )
  })
}

/** A scatter's x for one row, the same in every series (the table has one X column). */
export function setX(c: ChartElement, row: number, value: number | null): ChartElement {
  const n = rowCount(c)
  return valid({
    ...c,
    series: c.series.map((s) => {
      const xs = s.xValues ? pad(s.xValues, n) : Array.from({ length: n }, (_, i) => i + 1)
      return { ...s, xValues: xs.map((x, j) => (j === row ? value : x)) }
    })
  })
}

export function setCategory(c: ChartElement, row: number, name: string): ChartElement {
  return valid({ ...c, categories: c.categories.map((x, i) => (i === row ? name.slice(0, 200) : x)) })
}

export function setSeriesName(c: ChartElement, series: number, name: string): ChartElement {
  return valid({ ...c, series: c.series.map((s, i) => (i === series ? { ...s, name: name.slice(0, 200) } : s)) })
}

export function canAddRow(c: ChartElement): boolean {
  return rowCount(c) < CHART_MAX_POINTS
}

export function addRow(c: ChartElement): ChartElement {
  if (!canAddRow(c)) return c
  const n = rowCount(c) + 1
  if (c.kind === 'scatter')
    return valid({
      ...c,
      series: c.series.map((s) => ({
        ...s,
        values: pad(s.values, n),
        xValues: [...(s.xValues ? pad(s.xValues, n - 1) : Array.from({ length: n - 1 }, (_, i) => i + 1)), n]
      }))
    })
  return valid({
    ...c,
    categories: [...c.categories, `类别 ${n}`],
    series: c.series.map((s) => ({ ...s, values: pad(s.values, n) }))
  })
}

export function removeRow(c: ChartElement, row: number): ChartElement {
  if (rowCount(c) <= 1) return c
  const drop = <T>(xs: readonly T[]) => xs.filter((_, i) => i !== row)
  return valid({
    ...c,
    categories: c.kind === 'scatter' ? c.categories : drop(c.categories),
    series: c.series.map((s) => ({
      ...s,
      values: drop(s.values),
      ...(s.xValues ? { xValues: drop(s.xValues) } : {})
    }))
  })
}

export function canAddSeries(c: ChartElement): boolean {
  return c.series.length < CHART_MAX_SERIES
}

export function addSeries(c: ChartElement): ChartElement {
  if (!canAddSeries(c)) return c
  const n = rowCount(c)
  const first = c.series[0]
  return valid({
    ...c,
    series: [
      ...c.series,
      {
        name: `系列 ${c.series.length + 1}`,
        values: Array.from({ length: n }, () => null),
        ...(c.kind === 'scatter' && first?.xValues ? { xValues: pad(first.xValues, n) } : {})
      }
    ]
  })
}

export function removeSeries(c: ChartElement, series: number): ChartElement {
  if (c.series.length <= 1) return c
  return valid({ ...c, series: c.series.filter((_, i) => i !== series) })
}

/**
 * Another kind over the same numbers. To a scatter, categories that are numbers become the x values
 * (else 1, 2, 3…); from a scatter, the x values become the categories.
 */
export function setKind(c: ChartElement, kind: ChartKind): ChartElement {
  if (kind === c.kind) return c
  if (kind === 'scatter' && c.kind !== 'scatter') {
    const xs = c.categories.map((name, i) => {
      const v = parseCell(name)
      return typeof v === 'number' ? v : i + 1
    })
    return valid({ ...c, kind, series: c.series.map((s) => ({ ...s, xValues: pad(xs, s.values.length) })) })
  }
  if (c.kind === 'scatter' && kind !== 'scatter') {
    const n = rowCount(c)
    const categories = Array.from({ length: n }, (_, i) => String(scatterX(c, i) ?? i + 1))
    return valid({
      ...c,
      kind,
      categories,
      series: c.series.map(({ xValues: _x, ...s }) => ({ ...s, values: pad(s.values, n) }))
    })
  }
  return valid({ ...c, kind })
}
