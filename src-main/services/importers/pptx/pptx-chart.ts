/**
 * A PowerPoint chart (graphicFrame → c:chart r:id → ppt/charts/chartN.xml, a c:chartSpace) → a chart
 * element with its data: kind and grouping, series with their cached names, categories, values and
 * colours, titles, axis titles, legend and data labels. The cached values are what PowerPoint drew;
 * the embedded workbook is not read. Kinds we cannot draw come back as `unsupported` so the caller
 * keeps its placeholder (or PowerPoint's cached picture) and the report names the kind.
 */
import {
  CHART_MAX_POINTS,
  CHART_MAX_SERIES,
  ChartElement,
  type ChartGrouping,
  type ChartKind,
  type ChartLegend,
  type ChartSeries,
  type MediaRef
} from '../../../../src-shared/courseware'
import { attr, child, children, numAttr, path, type XNode } from '../xml'
import { colorOf } from './pptx-color'
import type { PptxContext } from './pptx-context'

/** The frame fields a chart element takes from its graphicFrame. */
export interface ChartFrame {
  id: string
  x: number
  y: number
  w: number
  h: number
  rotation: number
  opacity: number
  locked: boolean
}

export interface ChartEnv {
  ctx: PptxContext
  part: string
  theme: Map<string, string>
}

export type ChartRead =
  | { ok: true; element: ChartElement }
  | { ok: false; reason: 'unsupported'; kind: string }
  | { ok: false; reason: 'missing' | 'damaged' | 'empty' }

/** OOXML plot types → our kind; `approx` names what is lost drawing it that way. */
const PLOTS: Record<string, { kind: ChartKind | ((n: XNode) => ChartKind); approx?: [string, string] }> = {
  'c:barChart': { kind: barKind },
  'c:bar3DChart': { kind: barKind, approx: ['三维柱形/条形图以平面图显示', 'a 3-D bar chart is drawn flat'] },
  'c:lineChart': { kind: 'line' },
  'c:line3DChart': { kind: 'line', approx: ['三维折线图以平面图显示', 'a 3-D line chart is drawn flat'] },
  'c:areaChart': { kind: 'area' },
  'c:area3DChart': { kind: 'area', approx: ['三维面积图以平面图显示', 'a 3-D area chart is drawn flat'] },
  'c:pieChart': { kind: 'pie' },
  'c:pie3DChart': { kind: 'pie', approx: ['三维饼图以平面图显示', 'a 3-D pie is drawn flat'] },
  'c:ofPieChart': { kind: 'pie', approx: ['复合饼图以单个饼图显示', 'a pie-of-pie is drawn as one pie'] },
  'c:doughnutChart': { kind: 'doughnut' },
  'c:scatterChart': { kind: 'scatter' },
  'c:bubbleChart': {
    kind: 'scatter',
    approx: ['气泡图以散点图显示（气泡大小未导入）', 'a bubble chart is drawn as scatter (bubble sizes dropped)']
  },
  'c:radarChart': { kind: 'radar' }
}

/** Plot types we know and do not draw, named for the report. */
const UNSUPPORTED: Record<string, string> = {
  'c:surfaceChart': '曲面图',
  'c:surface3DChart': '三维曲面图',
  'c:stockChart': '股价图'
}

function barKind(n: XNode): ChartKind {
  return attr(child(n, 'c:barDir'), 'val') === 'bar' ? 'bar' : 'column'
}

function groupingOf(n: XNode): ChartGrouping {
  const g = attr(child(n, 'c:grouping'), 'val')
  return g === 'stacked' ? 'stacked' : g === 'percentStacked' ? 'percent' : 'clustered'
}

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s)

/** A cache (strCache / numCache / strLit / numLit) as a dense array by c:pt idx. */
function cachePoints(cache: XNode | undefined): (string | undefined)[] {
  if (!cache) return []
  const count = Math.min(CHART_MAX_POINTS + 1, Math.max(0, numAttr(child(cache, 'c:ptCount'), 'val') ?? 0))
  const out: (string | undefined)[] = Array.from({ length: count }, () => undefined)
  for (const pt of children(cache, 'c:pt')) {
    const i = numAttr(pt, 'idx')
    if (i === undefined || i < 0 || i > CHART_MAX_POINTS || !Number.isInteger(i)) continue
    while (out.length <= i) out.push(undefined)
    out[i] = child(pt, 'c:v')?.text ?? ''
  }
  return out
}

/** The cached points of a data source (c:cat, c:val, c:xVal, c:yVal, c:tx). */
function sourcePoints(src: XNode | undefined): (string | undefined)[] {
  if (!src) return []
  const ref = child(src, 'c:strRef') ?? child(src, 'c:numRef')
  if (ref) return cachePoints(child(ref, 'c:strCache') ?? child(ref, 'c:numCache'))
  const lit = child(src, 'c:strLit') ?? child(src, 'c:numLit')
  if (lit) return cachePoints(lit)
  // Multi-level categories: the innermost level is the one drawn beside the axis.
  const multi = path(src, 'c:multiLvlStrRef', 'c:multiLvlStrCache')
  if (multi) return cachePoints(child(multi, 'c:lvl'))
  const v = child(src, 'c:v')
  return v ? [v.text] : []
}

const numberOf = (s: string | undefined): number | null => {
  if (s === undefined || s.trim() === '') return null
  const n = Number(s)
  return Number.isFinite(n) ? n : null
}

/** Rich text (c:tx/c:rich) or a cell reference's cache as one line per paragraph. */
function richText(tx: XNode | undefined): string {
  if (!tx) return ''
  const rich = child(tx, 'c:rich')
  if (rich)
    return children(rich, 'a:p')
      .map((p) =>
        p.children
          .flatMap((r) => (r.name === 'a:r' || r.name === 'a:fld' ? [child(r, 'a:t')?.text ?? ''] : []))
          .join('')
      )
      .filter((l) => l.trim())
      .join('\n')
  return sourcePoints(tx)
    .filter((s) => s !== undefined)
    .join(' ')
}

function titleOf(t: XNode | undefined): string {
  return t ? cut(richText(child(t, 'c:tx')).trim(), 200) : ''
}

function seriesColor(ser: XNode, kind: ChartKind, theme: Map<string, string>): string | undefined {
  const spPr = child(ser, 'c:spPr')
  const line = colorOf(path(spPr, 'a:ln', 'a:solidFill'), theme)
  const fill = colorOf(child(spPr, 'a:solidFill'), theme)
  return kind === 'line' || kind === 'radar' || kind === 'scatter' ? (line ?? fill) : (fill ?? line)
}

/** Data labels showing values (or percentages) on the plot or any series, unless deleted. */
function labelsShown(plot: XNode): boolean {
  const shows = (d: XNode | undefined) =>
    !!d &&
    attr(child(d, 'c:delete'), 'val') !== '1' &&
    ['c:showVal', 'c:showPercent'].some((k) => {
      const v = attr(child(d, k), 'val')
      return v === '1' || v === 'true'
    })
  // A series' c:dLbl entries override its c:dLbls for their points: the default shows only on the rest.
  const series = (ser: XNode) => {
    const d = child(ser, 'c:dLbls')
    const points = children(d, 'c:dLbl')
    if (points.some(shows)) return true
    const count = sourcePoints(child(ser, 'c:val') ?? child(ser, 'c:yVal')).length
    return shows(d) && points.length < Math.max(count, 1)
  }
  return shows(child(plot, 'c:dLbls')) || children(plot, 'c:ser').some(series)
}

function legendOf(chart: XNode | undefined): ChartLegend {
  const legend = child(chart, 'c:legend')
  if (!legend) return 'none'
  const pos = attr(child(legend, 'c:legendPos'), 'val') ?? 'r'
  return pos === 'b' ? 'bottom' : pos === 't' ? 'top' : pos === 'l' ? 'left' : 'right'
}

/** Axis titles by where the axis is drawn: a bottom/top axis names x, a left/right one names y. */
function axisTitles(plotArea: XNode): { x: string; y: string } {
  let x = ''
  let y = ''
  for (const ax of plotArea.children) {
    if (!['c:catAx', 'c:valAx', 'c:dateAx', 'c:serAx'].includes(ax.name)) continue
    const t = titleOf(child(ax, 'c:title'))
    if (!t) continue
    const pos = attr(child(ax, 'c:axPos'), 'val')
    if (pos === 'b' || pos === 't') x ||= t
    else y ||= t
  }
  return { x, y }
}

/** Read the chart a graphicFrame's c:chart points to. Never throws: a broken chart part comes back as 'damaged'. */
export function readChart(data: XNode, frame: ChartFrame, name: string, env: ChartEnv): ChartRead {
  const rid = attr(child(data, 'c:chart'), 'r:id')
  const rel = rid ? env.ctx.pkg.rels(env.part).get(rid) : undefined
  if (!rel || rel.external || !env.ctx.pkg.has(rel.target)) return { ok: false, reason: 'missing' }
  let root: XNode
  try {
    root = env.ctx.pkg.xml(rel.target)
  } catch {
    return { ok: false, reason: 'damaged' }
  }
  const chart = child(root, 'c:chart')
  const plotArea = child(chart, 'c:plotArea')
  if (!plotArea) return { ok: false, reason: 'damaged' }
  const plots = plotArea.children.filter((c) => c.name.endsWith('Chart'))
  const known = plots.filter((p) => PLOTS[p.name])
  if (!known.length) {
    const other = plots[0]?.name
    return {
      ok: false,
      reason: 'unsupported',
      kind: (other && UNSUPPORTED[other]) ?? other?.replace(/^c:/, '') ?? '未知'
    }
  }
  const first = known[0]!
  const spec = PLOTS[first.name]!
  const kind = typeof spec.kind === 'function' ? spec.kind(first) : spec.kind
  const notes: [string, string][] = []
  if (spec.approx) notes.push(spec.approx)
  if (plots.length > 1) notes.push(['组合图表以单一类型显示', `a combination chart is drawn as one kind (${kind})`])

  let categories: string[] = []
  const series: ChartSeries[] = []
  let tooMany = false
  for (const plot of known) {
    const sers = children(plot, 'c:ser').sort(
      (a, b) => (numAttr(child(a, 'c:order'), 'val') ?? 0) - (numAttr(child(b, 'c:order'), 'val') ?? 0)
    )
    for (const ser of sers) {
      if (series.length >= CHART_MAX_SERIES) {
        tooMany = true
        break
      }
      const sName = cut(richText(child(ser, 'c:tx')) || `系列 ${series.length + 1}`, 200)
      const color = seriesColor(ser, kind, env.theme)
      if (kind === 'scatter') {
        const ys = sourcePoints(child(ser, 'c:yVal') ?? child(ser, 'c:val'))
        const xsRaw = sourcePoints(child(ser, 'c:xVal') ?? child(ser, 'c:cat'))
        // Text x values are drawn by PowerPoint as 1, 2, 3…
        const xs = xsRaw.some((v) => v !== undefined && numberOf(v) === null) ? undefined : xsRaw.map(numberOf)
        const n = Math.min(ys.length, CHART_MAX_POINTS)
        series.push({
          name: sName,
          values: ys.slice(0, n).map(numberOf),
          ...(xs ? { xValues: Array.from({ length: n }, (_, i) => xs[i] ?? null) } : {}),
          ...(color ? { color } : {})
        })
        continue
      }
      const cats = sourcePoints(child(ser, 'c:cat'))
      const vals = sourcePoints(child(ser, 'c:val'))
      if (!categories.length && cats.length) categories = cats.map((c) => cut(c ?? '', 200))
      series.push({
        name: sName,
        values: vals.slice(0, CHART_MAX_POINTS).map(numberOf),
        ...(color ? { color } : {})
      })
    }
  }
  if (!series.length) return { ok: false, reason: 'empty' }
  if (kind !== 'scatter' && !categories.length) {
    const n = Math.max(...series.map((s) => s.values.length))
    categories = Array.from({ length: n }, (_, i) => String(i + 1))
  }
  if (categories.length > CHART_MAX_POINTS || series.some((s) => s.values.length >= CHART_MAX_POINTS)) {
    categories = categories.slice(0, CHART_MAX_POINTS)
    notes.push([`只导入前 ${CHART_MAX_POINTS} 个数据点`, `only the first ${CHART_MAX_POINTS} points were imported`])
  }
  if (tooMany)
    notes.push([`只导入前 ${CHART_MAX_SERIES} 个系列`, `only the first ${CHART_MAX_SERIES} series were imported`])

  const axes = axisTitles(plotArea)
  const titleNode = child(chart, 'c:title')
  const autoDeleted = attr(child(chart, 'c:autoTitleDeleted'), 'val') === '1'
  // A title element with no text of its own is PowerPoint's automatic title: the only series' name.
  let title = titleOf(titleNode)
  if (!title && titleNode && !autoDeleted && series.length === 1) title = series[0]!.name
  // The chart's own text size (c:chartSpace/c:txPr, else its axes' labels), scaled as the slide's text is.
  const sizeOf = (n: XNode | undefined) => numAttr(path(n, 'c:txPr', 'a:p', 'a:pPr', 'a:defRPr'), 'sz')
  const sz =
    sizeOf(root) ??
    plotArea.children
      .filter((a) => a.name === 'c:catAx' || a.name === 'c:valAx')
      .map(sizeOf)
      .find((v) => v)
  const fontSize = sz && sz > 0 ? Math.min(200, Math.round((sz / 100) * env.ctx.fontScale * 10) / 10) : undefined
  const parsed = ChartElement.safeParse({
    type: 'chart',
    ...frame,
    kind,
    grouping: groupingOf(first),
    title,
    categories,
    series,
    xAxisTitle: axes.x,
    yAxisTitle: axes.y,
    legend: legendOf(chart),
    dataLabels: labelsShown(first),
    ...(fontSize ? { fontSize } : {}),
    ...(notes.length ? { approximated: cut(notes.map((n) => n[1]).join('; '), 500) } : {})
  })
  if (!parsed.success) return { ok: false, reason: 'damaged' }
  for (const [zh, en] of notes) env.ctx.approx('chart', `图表“${name}”：${zh}。`, `Chart "${name}": ${en}.`)
  return { ok: true, element: parsed.data }
}

/** The report line for a chart we could not read as data. */
export function reportUnreadChart(r: Exclude<ChartRead, { ok: true }>, name: string, ctx: PptxContext): void {
  if (r.reason === 'unsupported')
    ctx.approx(
      'chart',
      `图表“${name}”是${r.kind}，无法绘制，以占位框代替。`,
      `Chart "${name}" is a ${r.kind} chart, which cannot be drawn; a placeholder stands in.`
    )
  else if (r.reason === 'empty')
    ctx.approx(
      'chart',
      `图表“${name}”没有数据系列，以占位框代替。`,
      `Chart "${name}" has no data series; a placeholder stands in.`
    )
  else
    ctx.approx(
      'chart',
      `图表“${name}”的数据${r.reason === 'missing' ? '缺失' : '已损坏'}，以占位框代替。`,
      `Chart "${name}" has ${r.reason === 'missing' ? 'no' : 'damaged'} data; a placeholder stands in.`
    )
}

function findGraphicUri(n: XNode | undefined): string | undefined {
  if (!n) return undefined
  const data = path(n, 'a:graphic', 'a:graphicData')
  if (n.name === 'p:graphicFrame' && data) return attr(data, 'uri')
  for (const c of n.children) {
    const u = findGraphicUri(c)
    if (u) return u
  }
  return undefined
}

function findPic(n: XNode | undefined): XNode | undefined {
  if (!n) return undefined
  for (const c of n.children) {
    if (c.name === 'p:pic') return c
    const inner = findPic(c)
    if (inner) return inner
  }
  return undefined
}

/**
 * mc:AlternateContent around a chart. A c:chart in the Choice is read as data (walked by `walk`), and the
 * Fallback's picture kept on it as PowerPoint's cached drawing; returns true when it did so. A newer chart
 * (chartex: waterfall, treemap, sunburst…) is not ours to draw: the caller walks the Fallback picture and
 * the report says it is a picture now.
 */
export function walkChartAlternate(
  n: XNode,
  walk: (node: XNode) => void,
  out: readonly { type: string }[],
  env: ChartEnv
): boolean {
  const choice = child(n, 'mc:Choice')
  const uri = findGraphicUri(choice) ?? ''
  const fallback = child(n, 'mc:Fallback')
  if (uri.endsWith('/chartex')) {
    const pic = findPic(fallback)
    const name = attr(path(pic, 'p:nvPicPr', 'p:cNvPr'), 'name') ?? ''
    env.ctx.approx(
      'chart',
      pic
        ? `图表“${name}”是新式图表（如瀑布图、树状图），以 PowerPoint 保存的图片显示，数据不可编辑。`
        : `图表“${name}”是新式图表（如瀑布图、树状图），无法导入。`,
      pic
        ? `Chart "${name}" is a newer chart type (waterfall, treemap…); PowerPoint's cached picture of it is shown and its data cannot be edited.`
        : `Chart "${name}" is a newer chart type (waterfall, treemap…) and was not imported.`
    )
    return false
  }
  if (!choice || !uri.endsWith('/chart')) return false
  const before = out.length
  walk(choice)
  const blip = path(findPic(fallback), 'p:blipFill', 'a:blip')
  const picture: MediaRef | null = env.ctx.mediaFor(env.part, attr(blip, 'r:embed'))
  if (picture)
    for (const e of out.slice(before) as { type: string; fallback?: MediaRef }[])
      if (e.type === 'chart' && !e.fallback) e.fallback = picture
  return true
}
