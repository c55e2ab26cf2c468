/**
 * Hand-built PowerPoint packages for layout and style fidelity (issue 14, items 3–7): the text-body
 * properties PowerPoint writes (autofit, insets, wrapping, vertical text, columns, spacing, bullets,
 * theme fonts, a shape style's text colour), SmartArt with its fallback drawing, OLE previews, table
 * styles, gradients and effects, picture geometry and OMML equations. Each is written the way
 * PowerPoint writes it, trimmed to what a reader needs, so a clone with no corpus beside it tests it.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { solidPng } from './fixture-decks'
import { esc, handDeck, para, pic, sp } from './fixture-opc'

const THEME_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main'

/** Office's theme with a Chinese font scheme: headings in 黑体 (+mj-ea), body in 宋体 (+mn-ea). */
export function cjkTheme(effectStyles = '<a:effectStyleLst/>'): string {
  const c = (n: string, v: string) => `<a:${n}><a:srgbClr val="${v}"/></a:${n}>`
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:theme xmlns:a="${THEME_NS}" name="Office"><a:themeElements>` +
    `<a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>` +
    c('dk2', '44546A') +
    c('lt2', 'E7E6E6') +
    c('accent1', '4472C4') +
    c('accent2', 'ED7D31') +
    c('accent3', 'A5A5A5') +
    c('accent4', 'FFC000') +
    c('accent5', '5B9BD5') +
    c('accent6', '70AD47') +
    c('hlink', '0563C1') +
    c('folHlink', '954F72') +
    `</a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/>` +
    `<a:font script="Hans" typeface="黑体"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface="宋体"/><a:cs typeface=""/>` +
    `</a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst/><a:lnStyleLst/>${effectStyles}<a:bgFillStyleLst/></a:fmtScheme>` +
    `</a:themeElements></a:theme>`
  )
}

const run = (t: string, rPr = '<a:rPr lang="zh-CN"/>') => `<a:r>${rPr}<a:t>${esc(t)}</a:t></a:r>`
const p = (pPr: string, ...runs: string[]) => `<a:p>${pPr}${runs.join('')}</a:p>`

/** What TEXT_DECK's slides hold, for the tests to compare with. */
export const TEXT_LONG = '课文朗读：'.repeat(60)

/**
 * Slide 1: a text box PowerPoint shrank (fontScale 62.5 %, line spacing −20 %), a box that grows to its
 * text, an unwrapped line, custom insets, vertical text, two columns. Slide 2: line and paragraph spacing,
 * Wingdings and plain bullets, numbering (a), b)…, 一．二．, ①②), theme fonts (+mj-lt/+mn-ea) and a
 * blue shape whose style makes its text white. Slide 3: a box whose text does not fit and was not shrunk.
 */
export function textDeck(): Uint8Array {
  const box = (name: string, at: [number, number, number, number], bodyPr: string, paras: string[]) =>
    sp({ name, at, paras, bodyPr })
  const slide1 =
    box(
      '缩小的文字',
      [457200, 457200, 5486400, 1371600],
      '<a:bodyPr><a:normAutofit fontScale="62500" lnSpcReduction="20000"/></a:bodyPr>',
      [para(['第一段很长的文字', '<a:rPr lang="zh-CN" sz="2800"/>']), para('第二段没有字号')]
    ) +
    box('长高的框', [6400800, 457200, 5029200, 457200], '<a:bodyPr><a:spAutoFit/></a:bodyPr>', [
      para('一行'),
      para('两行'),
      para('三行')
    ]) +
    box('不换行', [457200, 2286000, 1828800, 457200], '<a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0"/>', [
      para('这一行不会换行，会超出框的右边')
    ]) +
    box('竖排', [6400800, 1371600, 914400, 3657600], '<a:bodyPr vert="eaVert"/>', [para('竖排的古诗')]) +
    box('两栏', [457200, 3200400, 11277600, 2743200], '<a:bodyPr numCol="2" spcCol="457200" lIns="182880"/>', [
      para('第一栏'),
      para('第二栏')
    ])
  const wing = '<a:buFont typeface="Wingdings" pitchFamily="2" charset="2"/><a:buChar char="§"/>'
  const slide2 =
    box('间距与项目符号', [457200, 457200, 7315200, 5486400], '<a:bodyPr/>', [
      p(
        `<a:pPr marL="342900" indent="-342900"><a:lnSpc><a:spcPct val="150000"/></a:lnSpc><a:spcBef><a:spcPts val="1200"/></a:spcBef><a:spcAft><a:spcPct val="50000"/></a:spcAft>${wing}</a:pPr>`,
        run('方块符号', '<a:rPr lang="zh-CN" sz="2000"/>')
      ),
      p('<a:pPr><a:lnSpc><a:spcPts val="3000"/></a:lnSpc><a:buChar char="–"/></a:pPr>', run('短横符号')),
      p('<a:pPr><a:buAutoNum type="alphaLcParenR" startAt="3"/></a:pPr>', run('从 c) 开始')),
      p('<a:pPr><a:buAutoNum type="alphaLcParenR" startAt="3"/></a:pPr>', run('接着是 d)')),
      p('<a:pPr><a:buAutoNum type="ea1ChsPeriod"/></a:pPr>', run('中文编号')),
      p('<a:pPr><a:buAutoNum type="circleNumDbPlain"/></a:pPr>', run('带圈数字')),
      p(
        '<a:pPr/>',
        run('标题字体', '<a:rPr lang="zh-CN"><a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/></a:rPr>'),
        run('正文字体', '<a:rPr lang="zh-CN"><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/></a:rPr>')
      )
    ]) +
    sp({
      name: '蓝色形状',
      at: [8229600, 457200, 3200400, 1371600],
      prst: 'roundRect',
      paras: [para('白色的字')],
      bodyPr: '<a:bodyPr anchor="ctr"/>'
    }).replace(
      '</p:spPr>',
      '</p:spPr><p:style><a:lnRef idx="2"><a:schemeClr val="accent1"><a:shade val="50000"/></a:schemeClr></a:lnRef>' +
        '<a:fillRef idx="1"><a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="0"><a:schemeClr val="accent1"/></a:effectRef>' +
        '<a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style>'
    )
  const slide3 = box('放不下的框', [457200, 457200, 3657600, 914400], '<a:bodyPr><a:normAutofit/></a:bodyPr>', [
    para(TEXT_LONG)
  ])
  return handDeck({
    slides: [{ shapes: slide1 }, { shapes: slide2 }, { shapes: slide3 }],
    parts: { 'ppt/theme/theme1.xml': cjkTheme() }
  })
}

const DGM = 'http://schemas.openxmlformats.org/drawingml/2006/diagram'
const DSP = 'http://schemas.microsoft.com/office/drawing/2008/diagram'
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

function graphicFrame(name: string, uri: string, inner: string, at: [number, number, number, number]): string {
  return (
    `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="${(at[0] % 997) + 2}" name="${esc(name)}"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>` +
    `<p:xfrm><a:off x="${at[0]}" y="${at[1]}"/><a:ext cx="${at[2]}" cy="${at[3]}"/></p:xfrm>` +
    `<a:graphic><a:graphicData uri="${uri}">${inner}</a:graphicData></a:graphic></p:graphicFrame>`
  )
}

/** The SmartArt steps the fixture draws, in order. */
export const SMARTART_STEPS = ['观察', '猜想', '验证']
/** Where the SmartArt frame sits on slide 1 (EMU). */
export const SMARTART_AT: [number, number, number, number] = [1219200, 1524000, 9144000, 2286000]

function dataModel(texts: string[], drawingRelId?: string): string {
  const pt = (id: string, t: string, type = '') =>
    `<dgm:pt modelId="{${id}}"${type ? ` type="${type}"` : ''}><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/>${para(t)}</dgm:t></dgm:pt>`
  return (
    `${DECL}<dgm:dataModel xmlns:dgm="${DGM}" xmlns:a="${THEME_NS}" xmlns:dsp="${DSP}"><dgm:ptLst>${pt('0', '', 'doc')}` +
    texts.map((t, i) => pt(`N${i}`, t) + pt(`S${i}`, '', 'sibTrans')).join('') +
    `</dgm:ptLst><dgm:cxnLst/><dgm:bg/><dgm:whole/>` +
    (drawingRelId
      ? `<dgm:extLst><a:ext uri="http://schemas.microsoft.com/office/drawing/2008/diagram"><dsp:dataModelExt relId="${drawingRelId}" minVer="${DGM}"/></a:ext></dgm:extLst>`
      : '') +
    `</dgm:dataModel>`
  )
}

/** The fallback drawing PowerPoint saves: chevrons whose text sits in a narrower dsp:txXfrm, white on accent1. */
function diagramDrawing(texts: string[]): string {
  const w = 2743200
  const shapes = texts
    .map((t, i) => {
      const x = i * (w + 457200)
      return (
        `<dsp:sp modelId="{D${i}}"><dsp:nvSpPr><dsp:cNvPr id="0" name=""/><dsp:cNvSpPr/></dsp:nvSpPr>` +
        `<dsp:spPr><a:xfrm><a:off x="${x}" y="457200"/><a:ext cx="${w}" cy="1371600"/></a:xfrm><a:prstGeom prst="chevron"><a:avLst/></a:prstGeom>` +
        `<a:solidFill><a:schemeClr val="accent1"/></a:solidFill></dsp:spPr>` +
        `<dsp:style><a:lnRef idx="2"><a:scrgbClr r="0" g="0" b="0"/></a:lnRef><a:fillRef idx="1"><a:scrgbClr r="0" g="0" b="0"/></a:fillRef>` +
        `<a:effectRef idx="0"><a:scrgbClr r="0" g="0" b="0"/></a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></dsp:style>` +
        `<dsp:txBody><a:bodyPr anchor="ctr"/><a:lstStyle/>${para([t, '<a:rPr lang="zh-CN" sz="2400"/>'])}</dsp:txBody>` +
        `<dsp:txXfrm><a:off x="${x + 685800}" y="457200"/><a:ext cx="${w - 1371600}" cy="1371600"/></dsp:txXfrm></dsp:sp>`
      )
    })
    .join('')
  return (
    `${DECL}<dsp:drawing xmlns:dgm="${DGM}" xmlns:dsp="${DSP}" xmlns:a="${THEME_NS}"><dsp:spTree><dsp:nvGrpSpPr><dsp:cNvPr id="0" name=""/><dsp:cNvGrpSpPr/></dsp:nvGrpSpPr>` +
    `<dsp:grpSpPr/>${shapes}</dsp:spTree></dsp:drawing>`
  )
}

const relIds = (dm: string) => `<dgm:relIds xmlns:dgm="${DGM}" r:dm="${dm}" r:lo="rIdLo" r:qs="rIdQs" r:cs="rIdCs"/>`

/**
 * Slide 1: a SmartArt process with its fallback drawing (found through the data part's
 * dsp:dataModelExt). Slide 2: a SmartArt saved without a drawing (its typed text is all there is).
 * Slide 3: a PowerPoint 2007 chart object whose preview is in the VML drawing. Slide 4: an OLE worksheet
 * whose mc:Fallback preview is a PNG, and an OLE equation with an EMF preview.
 */
export function smartArtOleDeck(): Uint8Array {
  const DIAGRAM = 'http://schemas.openxmlformats.org/drawingml/2006/diagram'
  const OLE = 'http://schemas.openxmlformats.org/presentationml/2006/ole'
  const olePng = graphicFrame(
    '工作表',
    OLE,
    `<mc:AlternateContent><mc:Choice Requires="v"><p:oleObj spid="_x0000_s1026" name="Worksheet" r:id="rIdX" progId="Excel.Sheet.12"><p:embed/></p:oleObj></mc:Choice>` +
      `<mc:Fallback><p:oleObj name="Worksheet" r:id="rIdX" progId="Excel.Sheet.12"><p:embed/>${pic({ name: '', rId: 'rIdP', at: [914400, 914400, 3657600, 2286000] })}</p:oleObj></mc:Fallback></mc:AlternateContent>`,
    [914400, 914400, 3657600, 2286000]
  )
  const oleEmf = graphicFrame(
    '公式',
    OLE,
    `<p:oleObj name="公式" r:id="rIdY" progId="Equation.3"><p:embed/>${pic({ name: '', rId: 'rIdE', at: [6096000, 914400, 2743200, 914400] })}</p:oleObj>`,
    [6096000, 914400, 2743200, 914400]
  )
  const emf = new Uint8Array(88)
  new DataView(emf.buffer).setUint32(0, 1, true) // EMR_HEADER
  new DataView(emf.buffer).setUint32(40, 0x464d4520, true) // " EMF"
  return handDeck({
    slides: [
      {
        shapes: graphicFrame('探究流程', DIAGRAM, relIds('rIdDm'), SMARTART_AT),
        rels: [
          { id: 'rIdDm', type: 'diagramData', target: '../diagrams/data1.xml' },
          {
            id: 'rIdDr',
            type: 'http://schemas.microsoft.com/office/2007/relationships/diagramDrawing',
            target: '../diagrams/drawing1.xml'
          }
        ]
      },
      {
        shapes: graphicFrame('没有图形的 SmartArt', DIAGRAM, relIds('rIdDm'), SMARTART_AT),
        rels: [{ id: 'rIdDm', type: 'diagramData', target: '../diagrams/data2.xml' }]
      },
      {
        // PowerPoint 2007: the preview is on the VML shape the object's spid names.
        shapes: graphicFrame(
          '旧版图表',
          OLE,
          '<p:oleObj spid="_x0000_s8196" name="Chart" r:id="rIdY" progId="MSGraph.Chart.8"><p:embed/></p:oleObj>',
          [914400, 914400, 3657600, 2286000]
        ),
        rels: [
          { id: 'rIdV', type: 'vmlDrawing', target: '../drawings/vmlDrawing1.vml' },
          { id: 'rIdY', type: 'oleObject', target: '../embeddings/oleObject1.bin' }
        ]
      },
      {
        shapes: olePng + oleEmf,
        rels: [
          { id: 'rIdX', type: 'package', target: '../embeddings/Microsoft_Excel_Worksheet.xlsx' },
          { id: 'rIdP', type: 'image', target: '../media/preview1.png' },
          { id: 'rIdY', type: 'oleObject', target: '../embeddings/oleObject1.bin' },
          { id: 'rIdE', type: 'image', target: '../media/preview2.emf' }
        ]
      }
    ],
    parts: {
      'ppt/diagrams/data1.xml': dataModel(SMARTART_STEPS, 'rIdDr'),
      'ppt/diagrams/drawing1.xml': diagramDrawing(SMARTART_STEPS),
      'ppt/diagrams/data2.xml': dataModel(['只有文字', '没有图形']),
      'ppt/drawings/vmlDrawing1.vml':
        `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">` +
        `<v:shape id="_x0000_s8196" type="#_x0000_t75" style='position:absolute;left:72pt;top:72pt;width:288pt;height:180pt'>` +
        `<v:imagedata o:relid="rId1" o:title=""/></v:shape></xml>`,
      'ppt/drawings/_rels/vmlDrawing1.vml.rels':
        `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/preview3.png"/></Relationships>`,
      'ppt/media/preview3.png': solidPng(6, 4, [200, 0, 0]),
      'ppt/media/preview1.png': solidPng(8, 5, [0, 128, 0]),
      'ppt/media/preview2.emf': emf,
      'ppt/embeddings/Microsoft_Excel_Worksheet.xlsx': new Uint8Array([0x50, 0x4b, 5, 6, ...new Array(18).fill(0)]),
      'ppt/embeddings/oleObject1.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    }
  })
}

const TABLE = 'http://schemas.openxmlformats.org/drawingml/2006/table'

function table(
  styleId: string,
  flags: string,
  rows: string[][],
  tcPr: (r: number, c: number) => string = () => ''
): string {
  const tc = (t: string, pr: string) =>
    `<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>${para(t)}</a:txBody><a:tcPr${pr}</a:tc>`
  const grid = rows[0]!.map(() => '<a:gridCol w="2438400"/>').join('')
  const trs = rows
    .map((row, r) => `<a:tr h="457200">${row.map((t, c) => tc(t, tcPr(r, c) || '/>')).join('')}</a:tr>`)
    .join('')
  return `<a:tbl><a:tblPr ${flags}><a:tableStyleId>${styleId}</a:tableStyleId></a:tblPr><a:tblGrid>${grid}</a:tblGrid>${trs}</a:tbl>`
}

/** A table style the deck defines itself (as PowerPoint writes one into ppt/tableStyles.xml). */
export const OWN_STYLE_ID = '{11111111-2222-3333-4444-555555555555}'
const OWN_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:tblStyleLst xmlns:a="${THEME_NS}" def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}">` +
  `<a:tblStyle styleId="${OWN_STYLE_ID}" styleName="自定义样式"><a:wholeTbl><a:tcTxStyle><a:srgbClr val="333333"/></a:tcTxStyle>` +
  `<a:tcStyle><a:tcBdr><a:insideH><a:ln w="12700"><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></a:ln></a:insideH></a:tcBdr>` +
  `<a:fill><a:solidFill><a:srgbClr val="FFF2CC"/></a:solidFill></a:fill></a:tcStyle></a:wholeTbl>` +
  `<a:firstCol><a:tcTxStyle b="on"><a:fontRef idx="minor"><a:srgbClr val="7F6000"/></a:fontRef></a:tcTxStyle></a:firstCol>` +
  `</a:tblStyle></a:tblStyleLst>`

const eff = (inner: string) => `<a:effectLst>${inner}</a:effectLst>`

/**
 * Slide 1: a table in Medium Style 2 – Accent 1 (named only, as other tools write it) with a header row
 * and banded rows, cell margins and centred cells. Slide 2 (hidden): a table in a style the deck defines.
 * Slide 3: linear and radial gradients, a pattern fill, shadow, glow and soft edges, dashes, arrow heads at
 * both ends, a double line. Slide 4: pictures cut to an ellipse, a rounded rectangle and a hexagon.
 */
export function styleDeck(): Uint8Array {
  const frame = (name: string, inner: string, y: number) =>
    graphicFrame(name, TABLE, inner, [457200, y, 7315200, 1371600])
  const slide1 = frame(
    '成绩表',
    table(
      '{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}',
      'firstRow="1" bandRow="1"',
      [
        ['姓名', '语文', '数学'],
        ['小明', '90', '95'],
        ['小红', '88', '92']
      ],
      (r, c) => (r === 1 && c === 1 ? ' marL="0" marR="182880" marT="91440" marB="0" anchor="ctr"/>' : '')
    ),
    457200
  )
  const slide2 = frame(
    '自定义',
    table(OWN_STYLE_ID, 'firstCol="1"', [
      ['一', '二'],
      ['三', '四']
    ]),
    457200
  )
  const shape = (name: string, x: number, spPr: string, prst = 'rect') =>
    sp({ name, at: [x, 457200, 1828800, 1371600], prst, spPrExtra: spPr })
  const slide3 =
    shape(
      '线性渐变',
      457200,
      `<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="FF0000"/></a:gs><a:gs pos="100000"><a:srgbClr val="0000FF"><a:alpha val="50000"/></a:srgbClr></a:gs></a:gsLst><a:lin ang="5400000" scaled="1"/></a:gradFill>`
    ) +
    shape(
      '径向渐变',
      2438400,
      `<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="FFFFFF"/></a:gs><a:gs pos="100000"><a:schemeClr val="accent1"/></a:gs></a:gsLst><a:path path="circle"><a:fillToRect l="50000" t="50000" r="50000" b="50000"/></a:path></a:gradFill>`,
      'ellipse'
    ) +
    shape(
      '图案',
      4419600,
      `<a:pattFill prst="dkDnDiag"><a:fgClr><a:srgbClr val="000000"/></a:fgClr><a:bgClr><a:srgbClr val="FFFFFF"/></a:bgClr></a:pattFill>`
    ) +
    shape(
      '阴影与发光',
      6400800,
      `<a:solidFill><a:srgbClr val="70AD47"/></a:solidFill>` +
        eff(
          `<a:glow rad="127000"><a:srgbClr val="FFC000"><a:alpha val="40000"/></a:srgbClr></a:glow>` +
            `<a:outerShdw blurRad="50800" dist="38100" dir="2700000"><a:srgbClr val="000000"><a:alpha val="40000"/></a:srgbClr></a:outerShdw>` +
            `<a:softEdge rad="63500"/>`
        )
    ) +
    shape(
      '虚线双箭头',
      457200,
      `<a:ln w="38100"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:prstDash val="sysDash"/><a:headEnd type="triangle"/><a:tailEnd type="arrow"/></a:ln>`,
      'line'
    ).replace('y="457200"', 'y="3200400"') +
    shape(
      '双线',
      2438400,
      `<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="57150" cmpd="dbl"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>`
    ).replace('y="457200"', 'y="3200400"')
  const picture = (name: string, x: number, prst: string) =>
    pic({ name, rId: 'rIdImg', at: [x, 914400, 2286000, 2286000] }).replace(
      '<a:prstGeom prst="rect">',
      `<a:prstGeom prst="${prst}">`
    )
  const slide4 =
    picture('圆形照片', 457200, 'ellipse') +
    picture('圆角照片', 3048000, 'roundRect') +
    picture('六边形照片', 5638400, 'hexagon').replace(
      '</p:spPr>',
      eff('<a:outerShdw blurRad="76200" dist="25400" dir="5400000"><a:srgbClr val="000000"/></a:outerShdw>') +
        '</p:spPr>'
    )
  return handDeck({
    slides: [
      { shapes: slide1 },
      { shapes: slide2, hidden: true },
      { shapes: slide3 },
      { shapes: slide4, rels: [{ id: 'rIdImg', type: 'image', target: '../media/photo.png' }] }
    ],
    parts: { 'ppt/tableStyles.xml': OWN_STYLES, 'ppt/media/photo.png': solidPng(10, 10, [90, 160, 220]) }
  })
}

const MATH_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/math'
const A14 = 'http://schemas.microsoft.com/office/drawing/2010/main'
const mr = (t: string) =>
  `<m:r><a:rPr lang="en-US" sz="3200" i="1"><a:solidFill><a:srgbClr val="C00000"/></a:solidFill><a:latin typeface="Cambria Math"/></a:rPr><m:t>${esc(t)}</m:t></m:r>`

/** The quadratic formula as PowerPoint's equation editor writes it. */
export const QUADRATIC_OMML =
  `<m:oMathPara><m:oMath>${mr('x=')}<m:f><m:num>${mr('−b±')}<m:rad><m:radPr><m:degHide m:val="1"/></m:radPr><m:deg/><m:e>` +
  `<m:sSup><m:e>${mr('b')}</m:e><m:sup>${mr('2')}</m:sup></m:sSup>${mr('−4ac')}</m:e></m:rad></m:num><m:den>${mr('2a')}</m:den></m:f></m:oMath></m:oMathPara>`
export const QUADRATIC_LATEX = 'x=\\frac{-b\\pm \\sqrt{b^2-4ac}}{2a}'

function mathBox(name: string, paras: string, at: [number, number, number, number]): string {
  return (
    `<mc:AlternateContent xmlns:a14="${A14}"><mc:Choice Requires="a14">` +
    sp({ name, at, paras: [paras] })
      .replace('<p:txBody>', `<p:txBody>`)
      .replace('<p:sp>', `<p:sp xmlns:m="${MATH_NS}">`) +
    `</mc:Choice><mc:Fallback>${pic({ name, rId: 'rIdEq', at })}</mc:Fallback></mc:AlternateContent>`
  )
}

/** Slide 1: a box holding only the quadratic formula. Slide 2: words with an equation inside (kept as the picture). */
export function mathDeck(): Uint8Array {
  const onlyMath = `<a:p><a14:m>${QUADRATIC_OMML}</a14:m></a:p>`
  const mixed = `<a:p><a:r><a:rPr lang="zh-CN"/><a:t>求根公式是 </a:t></a:r><a14:m>${QUADRATIC_OMML}</a14:m></a:p>`
  return handDeck({
    slides: [
      {
        shapes: mathBox('公式', onlyMath, [1524000, 1524000, 6096000, 1524000]),
        rels: [{ id: 'rIdEq', type: 'image', target: '../media/eq.png' }]
      },
      {
        shapes: mathBox('文字和公式', mixed, [1524000, 1524000, 6096000, 1524000]),
        rels: [{ id: 'rIdEq', type: 'image', target: '../media/eq.png' }]
      }
    ],
    parts: { 'ppt/media/eq.png': solidPng(12, 3, [255, 255, 255]) }
  })
}

/**
 * A deck whose every loss is known: slide 1 is plain (nothing to report); slide 2 has WordArt warping,
 * a highlight, character spacing, gradient-filled text, text with an outline, tab stops and a
 * transition; slide 3 a greyscale picture with a 3-D rotation; slide 4 a table whose style is unknown.
 */
export function knownLossDeck(): Uint8Array {
  const body = (bodyPr: string, p: string) =>
    sp({ name: '文字', at: [457200, 457200, 9144000, 2743200], bodyPr, paras: [p] })
  const slide2 = body(
    '<a:bodyPr><a:prstTxWarp prst="textArchUp"><a:avLst/></a:prstTxWarp></a:bodyPr>',
    `<a:p><a:pPr><a:tabLst><a:tab pos="914400" algn="l"/></a:tabLst></a:pPr>` +
      run('突出', '<a:rPr lang="zh-CN"><a:highlight><a:srgbClr val="FFFF00"/></a:highlight></a:rPr>') +
      run('加宽', '<a:rPr lang="zh-CN" spc="300"/>') +
      run(
        '渐变字',
        '<a:rPr lang="zh-CN"><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln><a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="FF0000"/></a:gs><a:gs pos="100000"><a:srgbClr val="0000FF"/></a:gs></a:gsLst></a:gradFill></a:rPr>'
      ) +
      `</a:p>`
  )
  const gray = pic({ name: '灰度照片', rId: 'rIdImg', at: [457200, 457200, 2286000, 2286000] })
    .replace('<a:blip r:embed="rIdImg"/>', '<a:blip r:embed="rIdImg"><a:grayscl/></a:blip>')
    .replace(
      '</p:spPr>',
      '<a:scene3d><a:camera prst="perspectiveLeft"><a:rot lat="0" lon="1800000" rev="0"/></a:camera><a:lightRig rig="threePt" dir="t"/></a:scene3d></p:spPr>'
    )
  const unknownStyle = graphicFrame(
    '表格',
    TABLE,
    table('{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}', 'firstRow="1"', [['甲', '乙']]),
    [457200, 457200, 4876800, 914400]
  )
  const deck = handDeck({
    slides: [
      { shapes: body('<a:bodyPr/>', para('普通的一页')) },
      { shapes: slide2 },
      { shapes: gray, rels: [{ id: 'rIdImg', type: 'image', target: '../media/photo.png' }] },
      { shapes: unknownStyle }
    ],
    parts: { 'ppt/media/photo.png': solidPng(10, 10, [90, 160, 220]) }
  })
  return deck
}

/** The slide XML of knownLossDeck's slide 2 gets a transition (handDeck writes none). */
export function withTransition(bytes: Uint8Array, slide: number): Uint8Array {
  const files = unzipSync(bytes)
  const name = `ppt/slides/slide${slide}.xml`
  const xml = strFromU8(files[name]!).replace(
    '</p:clrMapOvr>',
    '</p:clrMapOvr><p:transition spd="med"><p:fade/></p:transition>'
  )
  files[name] = strToU8(xml)
  return zipSync(files)
}

/**
 * An Office 2007 theme whose third effect style is an outer shadow, and a shape whose style names it
 * (effectRef idx="3"), beside one with its own empty effect list (which wins).
 */
export function themeEffectDeck(): Uint8Array {
  const styled = (name: string, x: number, own: string) =>
    sp({ name, at: [x, 457200, 1828800, 1371600], prst: 'rect', fill: '4472C4', spPrExtra: own }).replace(
      '</p:spPr>',
      '</p:spPr><p:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef><a:fillRef idx="3"><a:schemeClr val="accent1"/></a:fillRef>' +
        '<a:effectRef idx="3"><a:schemeClr val="accent1"/></a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style>'
    )
  const effects =
    '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>' +
    '<a:effectStyle><a:effectLst><a:outerShdw blurRad="40000" dist="23000" dir="5400000" rotWithShape="0"><a:srgbClr val="000000"><a:alpha val="35000"/></a:srgbClr></a:outerShdw></a:effectLst></a:effectStyle></a:effectStyleLst>'
  return handDeck({
    slides: [{ shapes: styled('主题阴影', 457200, '') + styled('无阴影', 3048000, '<a:effectLst/>') }],
    parts: { 'ppt/theme/theme1.xml': cjkTheme(effects) }
  })
}
