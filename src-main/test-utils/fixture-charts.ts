/**
 * Decks with charts, so a bare clone tests the chart importer and exporter without the corpus:
 * - pptxgenCharts(): one real chart of every kind pptxgenjs writes (PowerPoint's own c:chartSpace
 *   markup: bar/col clustered, stacked and percent, line, area, pie, doughnut, scatter, radar, bubble),
 *   with titles, axis titles, legends, data labels and series colours;
 * - handChartDeck(): what pptxgenjs does not write: a rich multi-run title, a gap in the values,
 *   theme-coloured series, a bar + line combination, a surface chart (not drawn), a chart whose part
 *   is missing, a chart inside mc:AlternateContent with PowerPoint's cached picture, and a newer
 *   chart (chartex) that only has its cached picture.
 */
import type PptxGen from 'pptxgenjs'
import { ChartElement, Deck, createDeck, createSlide } from '../../src-shared/courseware'
import { PNG } from './fixture-decks'
import { esc, handDeck, pic } from './fixture-opc'

/** What each pptxgenjs slide holds, in order, for the tests to compare with. */
export const PPTXGEN_CHARTS = [
  {
    kind: 'column',
    grouping: 'clustered',
    title: '期中成绩',
    categories: ['一班', '二班', '三班'],
    series: [
      { name: '数学', values: [92, 85, 78], color: '#C00000' },
      { name: '语文', values: [88, 90, 81], color: '#2E75B6' }
    ],
    xAxisTitle: '班级',
    yAxisTitle: '平均分',
    legend: 'bottom',
    dataLabels: true
  },
  {
    kind: 'bar',
    grouping: 'stacked',
    title: '课外活动人数',
    categories: ['周一', '周二', '周三', '周四'],
    series: [
      { name: '男生', values: [10, 12, 8, 15] },
      { name: '女生', values: [11, 9, 14, 13] }
    ],
    legend: 'right',
    dataLabels: false
  },
  {
    kind: 'column',
    grouping: 'percent',
    title: '作业完成情况',
    categories: ['第一周', '第二周'],
    series: [
      { name: '按时', values: [30, 34] },
      { name: '迟交', values: [6, 2] }
    ],
    legend: 'top',
    dataLabels: false
  },
  {
    kind: 'line',
    grouping: 'clustered',
    title: '气温变化',
    categories: ['6时', '9时', '12时', '15时', '18时'],
    series: [{ name: '气温', values: [18, 22, 27, 26, 21] }],
    legend: 'none',
    dataLabels: false
  },
  {
    kind: 'area',
    grouping: 'clustered',
    title: '降水量',
    categories: ['一月', '二月', '三月'],
    series: [{ name: '毫米', values: [12, 30, 55] }],
    legend: 'bottom',
    dataLabels: false
  },
  {
    kind: 'pie',
    title: '早餐调查',
    categories: ['牛奶', '豆浆', '粥'],
    series: [{ name: '人数', values: [18, 12, 10] }],
    legend: 'right',
    dataLabels: true
  },
  {
    kind: 'doughnut',
    title: '时间分配',
    categories: ['学习', '运动', '休息'],
    series: [{ name: '小时', values: [8, 2, 14] }],
    legend: 'bottom',
    dataLabels: false
  },
  {
    kind: 'scatter',
    title: '身高与体重',
    xValues: [140, 150, 160, 170],
    series: [{ name: '体重', values: [35, 42, 50, 58] }],
    legend: 'bottom',
    dataLabels: false
  },
  {
    kind: 'radar',
    title: '能力评价',
    categories: ['阅读', '写作', '口语', '听力', '思维'],
    series: [
      { name: '小明', values: [4, 3, 5, 4, 3] },
      { name: '小红', values: [5, 4, 3, 4, 5] }
    ],
    legend: 'bottom',
    dataLabels: false
  }
] as const

const box = { x: 0.8, y: 0.9, w: 8.4, h: 4.4 }

/** One slide per entry of PPTXGEN_CHARTS, then a bubble chart (drawn as scatter). */
export async function pptxgenCharts(): Promise<Uint8Array> {
  const { default: PptxGenJS } = await import('pptxgenjs')
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_16x9'
  const T = pptx.ChartType
  const legendPos = (l: string) => (l === 'bottom' ? 'b' : l === 'top' ? 't' : l === 'left' ? 'l' : 'r') as 'b'
  for (const c of PPTXGEN_CHARTS) {
    const slide = pptx.addSlide()
    slide.addText(c.title, { x: 0.5, y: 0.1, w: 9, h: 0.6, fontSize: 28 })
    const common: PptxGen.IChartOpts = {
      ...box,
      title: c.title,
      showTitle: true,
      showLegend: c.legend !== 'none',
      ...(c.legend !== 'none' ? { legendPos: legendPos(c.legend) } : {}),
      showValue: c.dataLabels,
      // pptxgenjs shows percentages on pies and doughnuts unless told not to.
      showPercent: c.dataLabels
    }
    if (c.kind === 'scatter') {
      slide.addChart(
        T.scatter,
        [{ name: 'X', values: [...c.xValues] }, ...c.series.map((s) => ({ ...s, values: [...s.values] }))],
        common
      )
      continue
    }
    const data = c.series.map((s) => ({ name: s.name, labels: [...c.categories], values: [...s.values] }))
    const colors = c.series.flatMap((s) => ('color' in s ? [s.color.slice(1)] : []))
    const axes =
      'xAxisTitle' in c
        ? { showCatAxisTitle: true, catAxisTitle: c.xAxisTitle, showValAxisTitle: true, valAxisTitle: c.yAxisTitle }
        : {}
    const type = (
      {
        column: 'bar',
        bar: 'bar',
        line: 'line',
        area: 'area',
        pie: 'pie',
        doughnut: 'doughnut',
        radar: 'radar'
      } as const
    )[c.kind]
    slide.addChart(type, data, {
      ...common,
      ...axes,
      ...(colors.length ? { chartColors: colors } : {}),
      ...(c.kind === 'column' || c.kind === 'bar'
        ? {
            barDir: c.kind === 'column' ? 'col' : 'bar',
            barGrouping: c.grouping === 'percent' ? 'percentStacked' : c.grouping
          }
        : {})
    })
  }
  const bubble = pptx.addSlide()
  bubble.addChart(
    T.bubble,
    [
      { name: 'X', values: [1, 2, 3] },
      { name: '规模', values: [5, 7, 6], sizes: [4, 9, 2] }
    ],
    { ...box, title: '气泡', showTitle: true }
  )
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array
}

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart'

function chartSpace(plot: string, extra = '', after = ''): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:chart>${extra}<c:plotArea><c:layout/>${plot}</c:plotArea><c:plotVisOnly val="1"/></c:chart>${after}</c:chartSpace>`
  )
}

const strCache = (vals: string[]) =>
  `<c:strRef><c:f>Sheet1!$A$2</c:f><c:strCache><c:ptCount val="${vals.length}"/>${vals.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join('')}</c:strCache></c:strRef>`

/** A numCache; `undefined` leaves the point out (an empty cell), as PowerPoint writes it. */
const numCache = (count: number, vals: (number | undefined)[]) =>
  `<c:numRef><c:f>Sheet1!$B$2</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${count}"/>${vals
    .map((v, i) => (v === undefined ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join('')}</c:numCache></c:numRef>`

function ser(i: number, name: string, cats: string[], vals: (number | undefined)[], spPr = ''): string {
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strCache([name])}</c:tx>${spPr}` +
    `<c:cat>${strCache(cats)}</c:cat><c:val>${numCache(cats.length, vals)}</c:val></c:ser>`
  )
}

const axes =
  `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/>` +
  `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>月份</a:t></a:r></a:p></c:rich></c:tx></c:title><c:crossAx val="2"/></c:catAx>` +
  `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/>` +
  `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>本数</a:t></a:r></a:p></c:rich></c:tx></c:title><c:crossAx val="1"/></c:valAx>`

const MONTHS = ['九月', '十月', '十一月']

/** The hand-written chart parts, by what each one shows. */
export const HAND_CHARTS = {
  /** Rich title in two runs, a theme-coloured series with a gap, a legend on the left, labels on one series, 18 pt text. */
  rich: chartSpace(
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>` +
      ser(
        0,
        '借书',
        MONTHS,
        [12, undefined, 30],
        '<c:spPr><a:solidFill><a:schemeClr val="accent2"/></a:solidFill></c:spPr>'
      ) +
      ser(1, '还书', MONTHS, [10, 14, 22]).replace('</c:ser>', '<c:dLbls><c:showVal val="1"/></c:dLbls></c:ser>') +
      `<c:axId val="1"/><c:axId val="2"/></c:barChart>` +
      axes,
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>图书角</a:t></a:r><a:r><a:rPr b="1"/><a:t>借阅</a:t></a:r></a:p></c:rich></c:tx></c:title><c:autoTitleDeleted val="0"/>`,
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1800"/></a:pPr></a:p></c:txPr>'
  ).replace('<c:plotVisOnly', '<c:legend><c:legendPos val="l"/></c:legend><c:plotVisOnly'),
  /** Columns and a line on the same axes: drawn as one kind, reported. */
  combo: chartSpace(
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>${ser(0, '计划', MONTHS, [5, 6, 7])}<c:axId val="1"/><c:axId val="2"/></c:barChart>` +
      `<c:lineChart><c:grouping val="standard"/>${ser(1, '实际', MONTHS, [4, 6, 8])}<c:axId val="1"/><c:axId val="2"/></c:lineChart>` +
      axes
  ),
  /** A surface chart: not drawn, stays a placeholder, reported by name. */
  surface: chartSpace(`<c:surfaceChart>${ser(0, '高度', MONTHS, [1, 2, 3])}</c:surfaceChart>`),
  /** A column chart wrapped in mc:AlternateContent, with PowerPoint's cached picture as the fallback. */
  cached: chartSpace(
    `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/>${ser(0, '人数', ['甲', '乙'], [3, 4])}<c:axId val="1"/><c:axId val="2"/></c:barChart>`,
    `<c:autoTitleDeleted val="0"/><c:title/>`
  )
}

function chartFrame(name: string, rId: string, at: [number, number, number, number], uri = C_NS): string {
  const tag = uri === C_NS ? 'c:chart' : 'cx:chart'
  const ns = uri === C_NS ? `xmlns:c="${C_NS}"` : `xmlns:cx="${uri}"`
  return (
    `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="${at[0] % 1000}" name="${esc(name)}"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>` +
    `<p:xfrm><a:off x="${at[0]}" y="${at[1]}"/><a:ext cx="${at[2]}" cy="${at[3]}"/></p:xfrm>` +
    `<a:graphic><a:graphicData uri="${uri}"><${tag} ${ns} r:id="${rId}"/></a:graphicData></a:graphic></p:graphicFrame>`
  )
}

const AT: [number, number, number, number] = [914400, 914400, 7315200, 4114800]
const CHARTEX = 'http://schemas.microsoft.com/office/drawing/2014/chartex'

/**
 * Slides: 1 rich bar chart, 2 combination, 3 surface (placeholder), 4 a chart part that is missing
 * (placeholder), 5 a chart with its cached picture in mc:AlternateContent, 6 a chartex waterfall
 * with only its cached picture.
 */
export function handChartDeck(): Uint8Array {
  const rel = (n: number) => ({ id: 'rIdC', type: 'chart', target: `../charts/chart${n}.xml` })
  const png = { id: 'rIdP', type: 'image', target: '../media/image1.png' }
  return handDeck({
    parts: {
      'ppt/charts/chart1.xml': HAND_CHARTS.rich,
      'ppt/charts/chart2.xml': HAND_CHARTS.combo,
      'ppt/charts/chart3.xml': HAND_CHARTS.surface,
      'ppt/charts/chart5.xml': HAND_CHARTS.cached,
      'ppt/charts/chartEx1.xml': `<?xml version="1.0" encoding="UTF-8"?><cx:chartSpace xmlns:cx="${CHARTEX}"/>`,
      'ppt/media/image1.png': PNG
    },
    slides: [
      { rels: [rel(1)], shapes: chartFrame('图表 1', 'rIdC', AT) },
      { rels: [rel(2)], shapes: chartFrame('组合', 'rIdC', AT) },
      { rels: [rel(3)], shapes: chartFrame('曲面', 'rIdC', AT) },
      { rels: [rel(4)], shapes: chartFrame('丢失', 'rIdC', AT) },
      {
        rels: [rel(5), png],
        shapes:
          `<mc:AlternateContent><mc:Choice Requires="c14">${chartFrame('带图', 'rIdC', AT)}</mc:Choice>` +
          `<mc:Fallback>${pic({ name: '带图', rId: 'rIdP', at: AT })}</mc:Fallback></mc:AlternateContent>`
      },
      {
        rels: [
          {
            id: 'rIdX',
            type: 'http://schemas.microsoft.com/office/2014/relationships/chartEx',
            target: '../charts/chartEx1.xml'
          },
          png
        ],
        shapes:
          `<mc:AlternateContent><mc:Choice Requires="cx1">${chartFrame('瀑布', 'rIdX', AT, CHARTEX)}</mc:Choice>` +
          `<mc:Fallback>${pic({ name: '瀑布', rId: 'rIdP', at: AT })}</mc:Fallback></mc:AlternateContent>`
      }
    ]
  })
}

/** A deck of our own: one chart element per entry of PPTXGEN_CHARTS (for export round trips and the e2e). */
export function chartDeck(): Deck {
  const deck = createDeck('图表课')
  deck.slides = PPTXGEN_CHARTS.map((c, i) =>
    createSlide({
      elements: [
        ChartElement.parse({
          type: 'chart',
          id: `chart${i + 1}`,
          x: 140,
          y: 90,
          w: 1000,
          h: 560,
          ...(({ xValues: _x, ...rest }) => rest)(c as typeof c & { xValues?: unknown }),
          ...('xValues' in c ? { series: c.series.map((s) => ({ ...s, xValues: [...c.xValues] })) } : {}),
          ...('categories' in c ? {} : { categories: [] })
        })
      ]
    })
  )
  return Deck.parse(deck)
}
