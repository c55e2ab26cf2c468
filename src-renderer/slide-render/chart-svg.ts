/**
 * A chart element drawn to an SVG string by ECharts' server-side renderer. The same call runs in the
 * browser and in Node (tests), needs no DOM node, never animates, and gives markup that prints and
 * scales with the slide. Only the chart kinds and components we use are loaded.
 */
import * as echarts from 'echarts/core'
import { BarChart, LineChart, PieChart, RadarChart, ScatterChart } from 'echarts/charts'
import { GridComponent, LegendComponent, RadarComponent, TitleComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
import type { ChartElement } from '../../src-shared/courseware/element'
import { chartOption } from './chart-option'

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  RadarChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TitleComponent,
  SVGRenderer
])

/** Drawn charts by their content: thumbnails, the board and the editor show the same chart many times. */
const cache = new Map<string, string>()
const CACHE_SIZE = 64

function keyOf(c: ChartElement): string {
  const { id: _id, x: _x, y: _y, rotation: _r, opacity: _o, locked: _l, approximated: _a, fallback: _f, ...rest } = c
  return JSON.stringify(rest)
}

export function chartSvg(c: ChartElement): string {
  const key = keyOf(c)
  const hit = cache.get(key)
  if (hit !== undefined) {
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: Math.max(40, Math.round(c.w)),
    height: Math.max(40, Math.round(c.h))
  })
  try {
    chart.setOption(chartOption(c))
    // The hover styles ECharts adds go in a <style> that would apply to the whole page; a slide's chart is still.
    const svg = chart.renderToSVGString().replace(/<style[\s\S]*?<\/style>/g, '')
    cache.set(key, svg)
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
    return svg
  } finally {
    chart.dispose()
  }
}
