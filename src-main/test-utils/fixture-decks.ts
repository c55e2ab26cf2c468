/**
 * PowerPoint files the tests and benchmarks make themselves, so a clone with nothing beside it reaches
 * every importer branch the real files in ../shared/corpus reach: a lesson pptxgenjs writes (text,
 * bullets, pictures, a crop, shapes, a merged table, notes, a chart, a video, a slide link, a hidden
 * slide) and hand-built packages (fixture-opc.ts) for groups, layout and master inheritance, OLE,
 * linked media, backgrounds, strict OOXML, macros and damage.
 */
import { crc32, deflateSync } from 'node:zlib'
import { handDeck, para, pic, sp, xfrm, type HandDeck } from './fixture-opc'

/** A valid PNG of one colour (LibreOffice and Chromium decode it; imageSize reads its size). */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), body.length + 4)
    return out
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const row = Buffer.from([0, ...Array.from({ length: width }, () => rgb).flat()])
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0))
    ])
  )
}

/** A 4×3 orange picture. */
export const PNG = solidPng(4, 3, [255, 165, 0])
/** An EMF header (what OLE previews usually are); nothing here decodes it. */
const EMF = new Uint8Array([1, 0, 0, 0, 108, 0, 0, 0, ...new Array(32).fill(0), 0x20, 0x45, 0x4d, 0x46])
const MP4 = new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32, 0, 0, 0, 0])
const MP3 = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0])

const W169 = 12192000
const H = 6858000

/** The lesson the importer should read back (titles, notes, text) from pptxgenLesson(). */
export const LESSON = {
  titles: ['分数的初步认识', '把一个月饼平均分成两份', '比一比', '全班的答题情况', '看一段动画', '备用题'],
  notes: '先复习除法，再引入分数。',
  bullets: ['每份是它的二分之一', '写作 1/2']
}

/** A six-slide lesson written by pptxgenjs, the library our exporter uses. */
export async function pptxgenLesson(): Promise<Uint8Array> {
  const { default: PptxGenJS } = await import('pptxgenjs')
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_16x9'
  pptx.title = LESSON.titles[0]!
  const png = `image/png;base64,${Buffer.from(PNG).toString('base64')}`

  const s1 = pptx.addSlide()
  s1.addText(LESSON.titles[0]!, { x: 0.5, y: 0.5, w: 9, h: 1.2, fontSize: 40, bold: true, align: 'center' })
  s1.addText('三年级 数学', { x: 0.5, y: 2, w: 9, h: 0.8, fontSize: 24, color: '1F4E79' })
  s1.addNotes(LESSON.notes)

  const s2 = pptx.addSlide()
  s2.addText(LESSON.titles[1]!, { x: 0.5, y: 0.3, w: 9, h: 0.8, fontSize: 32 })
  s2.addText(
    LESSON.bullets.map((text, i) => ({ text, options: { bullet: true, breakLine: true, italic: i === 1 } })),
    { x: 0.5, y: 1.2, w: 5, h: 1.5, fontSize: 20 }
  )
  s2.addImage({ data: png, x: 6, y: 1.2, w: 1.5, h: 1.5, altText: '月饼' })
  s2.addImage({ data: png, x: 8, y: 1.2, w: 1, h: 1, sizing: { type: 'crop', x: 0.25, y: 0.25, w: 0.5, h: 0.5 } })
  s2.addShape(pptx.ShapeType.rect, { x: 0.5, y: 3.2, w: 1.5, h: 1, fill: { color: 'FFC000' } })
  s2.addShape(pptx.ShapeType.roundRect, { x: 2.2, y: 3.2, w: 1.5, h: 1, fill: { color: '4F81BD' }, rectRadius: 0.2 })
  s2.addShape(pptx.ShapeType.ellipse, { x: 3.9, y: 3.2, w: 1, h: 1, fill: { color: 'C0504D' } })
  s2.addShape(pptx.ShapeType.triangle, { x: 5.1, y: 3.2, w: 1, h: 1, fill: { color: '9BBB59' } })
  s2.addShape(pptx.ShapeType.line, {
    x: 6.5,
    y: 3.7,
    w: 2,
    h: 0,
    line: { color: '000000', width: 2, endArrowType: 'triangle' }
  })

  const s3 = pptx.addSlide()
  s3.background = { color: 'FF0000' }
  s3.addText(LESSON.titles[2]!, {
    x: 0.5,
    y: 0.3,
    w: 9,
    h: 0.8,
    fontSize: 32,
    hyperlink: { slide: 1, tooltip: '回到第一页' }
  })
  s3.addTable(
    [
      [{ text: '分数', options: { colspan: 2, bold: true } }, { text: '读作' }],
      [{ text: '一半', options: { rowspan: 2 } }, { text: '1/2' }, { text: '二分之一' }],
      [{ text: '0.5' }, { text: '零点五', options: { fill: { color: 'FFFF00' } } }]
    ],
    { x: 0.5, y: 1.4, w: 9, colW: [3, 3, 3], border: { type: 'solid', pt: 1, color: '000000' } }
  )

  const s4 = pptx.addSlide()
  s4.addText(LESSON.titles[3]!, { x: 0.5, y: 0.3, w: 9, h: 0.8, fontSize: 32 })
  s4.addChart(pptx.ChartType.bar, [{ name: '人数', labels: ['A', 'B', 'C', 'D'], values: [12, 20, 5, 3] }], {
    x: 1,
    y: 1.3,
    w: 8,
    h: 3.8
  })

  const s5 = pptx.addSlide()
  s5.addText(LESSON.titles[4]!, { x: 0.5, y: 0.3, w: 9, h: 0.8, fontSize: 32 })
  s5.addMedia({
    type: 'video',
    data: `video/mp4;base64,${Buffer.from(MP4).toString('base64')}`,
    x: 1,
    y: 1.3,
    w: 6,
    h: 3.4
  })

  const s6 = pptx.addSlide()
  s6.hidden = true
  s6.addText(LESSON.titles[5]!, { x: 0.5, y: 0.3, w: 9, h: 0.8, fontSize: 32 })

  return (await pptx.write({ outputType: 'uint8array', compression: true })) as Uint8Array
}

const solid = (c: string) => `<a:solidFill><a:srgbClr val="${c}"/></a:solidFill>`
function group(o: {
  off: [number, number]
  ext: [number, number]
  chOff: [number, number]
  chExt: [number, number]
  rot?: number
  inner: string
}): string {
  return (
    `<p:grpSp><p:nvGrpSpPr><p:cNvPr id="${o.off[0] + 7}" name="Group"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
    `<p:grpSpPr><a:xfrm${o.rot ? ` rot="${o.rot}"` : ''}><a:off x="${o.off[0]}" y="${o.off[1]}"/><a:ext cx="${o.ext[0]}" cy="${o.ext[1]}"/>` +
    `<a:chOff x="${o.chOff[0]}" y="${o.chOff[1]}"/><a:chExt cx="${o.chExt[0]}" cy="${o.chExt[1]}"/></a:xfrm></p:grpSpPr>${o.inner}</p:grpSp>`
  )
}

/**
 * Groups on a 4:3 slide: four shapes in a group whose child space is the slide's (as in python-pptx's
 * shp-groupshape.pptx), a group drawn at twice its child size holding a nested, shifted group, and a
 * rotated group (flattened, reported).
 */
export function groupDeck(): Uint8Array {
  const at = (i: number): [number, number, number, number] => [3347864 + i * 914400, 2204864, 914400, 914400]
  return handDeck({
    size: { cx: 9144000, cy: H },
    slides: [
      {
        shapes:
          group({
            off: [3347864, 2204864],
            ext: [3657600, 914400],
            chOff: [3347864, 2204864],
            chExt: [3657600, 914400],
            inner: ['roundRect', 'ellipse', 'triangle', 'rect']
              .map((prst, i) => sp({ name: prst, at: at(i), prst, fill: '4F81BD' }))
              .join('')
          }) +
          group({
            off: [0, 0],
            ext: [1828800, 1828800],
            chOff: [0, 0],
            chExt: [914400, 914400],
            inner: group({
              off: [0, 0],
              ext: [457200, 457200],
              chOff: [1000000, 1000000],
              chExt: [457200, 457200],
              inner: sp({ name: 'nested', at: [1228600, 1000000, 228600, 228600], prst: 'rect', fill: 'C0504D' })
            })
          }) +
          group({
            off: [6000000, 5000000],
            ext: [914400, 914400],
            chOff: [0, 0],
            chExt: [914400, 914400],
            rot: 2700000,
            inner: sp({ name: '旋转组里的字', at: [0, 0, 914400, 914400], paras: [para('转一转')] })
          })
      }
    ]
  })
}

const TX_STYLES =
  `<p:titleStyle><a:lvl1pPr algn="ctr"><a:defRPr sz="4400" b="1"><a:solidFill><a:schemeClr val="accent1"/></a:solidFill>` +
  `<a:latin typeface="+mj-lt"/><a:ea typeface="黑体"/></a:defRPr></a:lvl1pPr></p:titleStyle>` +
  `<p:bodyStyle><a:lvl1pPr marL="342900" indent="-342900"><a:buChar char="•"/><a:defRPr sz="3200"/></a:lvl1pPr>` +
  `<a:lvl2pPr><a:buAutoNum type="arabicPeriod"/><a:defRPr sz="2800"/></a:lvl2pPr></p:bodyStyle>` +
  `<p:otherStyle><a:lvl1pPr><a:defRPr sz="1800"/></a:lvl1pPr></p:otherStyle>`

/** Where layout 1 puts its placeholders (EMU on a 16:9 slide). */
export const LAYOUT_TITLE_AT: [number, number, number, number] = [838200, 365125, 10515600, 1325563]
const LAYOUT_BODY_AT: [number, number, number, number] = [838200, 1825625, 10515600, 4351338]

/**
 * Placeholders that take their place and text style from the layout and the master (title 44 pt bold in
 * accent1, body bullets, numbered second level), master and layout decorations painted under the
 * slide (or not, with showMasterSp="0"), speaker notes, and backgrounds inherited from the master.
 */
export function layoutDeck(): Uint8Array {
  const phSp = (type: string, idx: number | undefined, at?: [number, number, number, number], extra = '') =>
    sp({
      name: `${type} placeholder`,
      ph: { type, ...(idx !== undefined ? { idx } : {}) },
      ...(at ? { at } : {})
    }).replace('<p:spPr>', `<p:spPr>${extra}`)
  return handDeck({
    master: {
      txStyles: TX_STYLES,
      bg: '<p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef>',
      shapes:
        phSp('title', undefined, [457200, 274638, 11277600, 1143000]) +
        phSp('body', 1, [457200, 1600200, 11277600, 4525963]) +
        sp({ name: '页脚色条', at: [0, 6400800, W169, 457200], prst: 'rect', fill: '1F4E79' })
    },
    layouts: [
      {
        shapes:
          phSp('title', undefined, LAYOUT_TITLE_AT) +
          sp({
            name: 'body placeholder',
            ph: { idx: 1 },
            at: LAYOUT_BODY_AT,
            paras: [para('')]
          }).replace('<a:lstStyle/>', '<a:lstStyle><a:lvl1pPr><a:defRPr sz="2800"/></a:lvl1pPr></a:lstStyle>') +
          sp({ name: '章节角标', at: [11000000, 100000, 900000, 300000], prst: 'ellipse', fill: 'C0504D' })
      },
      { showMasterSp: false, shapes: phSp('title', undefined, [0, 0, W169, 1000000]) }
    ],
    slides: [
      {
        notes: '先让学生用方格纸画图\n再量一量三条边',
        shapes:
          sp({ name: 'Title 1', ph: { type: 'title' }, paras: [para('勾股定理')] }) +
          sp({
            name: 'Content 2',
            ph: { idx: 1 },
            paras: [
              para('直角三角形两直角边的平方和等于斜边的平方'),
              para('a² + b² = c²').replace('<a:p>', '<a:p><a:pPr lvl="1"/>')
            ]
          }) +
          sp({ name: 'Subtitle 3', ph: { type: 'subTitle', idx: 2 }, paras: [para('')] })
      },
      {
        layout: 1,
        bg: `<p:bgPr>${solid('FF0000')}<a:effectLst/></p:bgPr>`,
        shapes: sp({ name: 'Title 1', ph: { type: 'ctrTitle' }, paras: [para('课堂小结')] })
      },
      {
        showMasterSp: false,
        shapes: sp({ name: 'TextBox 1', at: [914400, 914400, 6000000, 900000], paras: [para('练习')] })
      }
    ]
  })
}

/** A table with a header row, a two-column span, a two-row span, a filled cell and a short row. */
export function tableDeck(): Uint8Array {
  const tc = (text: string, attrs = '', tcPr = '<a:tcPr/>') =>
    `<a:tc${attrs}><a:txBody><a:bodyPr/><a:lstStyle/>${para(text)}</a:txBody>${tcPr}</a:tc>`
  const tbl =
    `<a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid><a:gridCol w="3048000"/><a:gridCol w="3048000"/><a:gridCol w="3048000"/></a:tblGrid>` +
    `<a:tr h="370840">${tc('合并的表头', ' gridSpan="2"')}${tc('', ' hMerge="1"')}${tc('C1')}</a:tr>` +
    `<a:tr h="370840">${tc('跨两行', ' rowSpan="2"')}${tc('B2')}${tc('C2')}</a:tr>` +
    `<a:tr h="370840">${tc('', ' vMerge="1"')}${tc('B3')}${tc('黄色格', '', `<a:tcPr>${solid('FFFF00')}</a:tcPr>`)}</a:tr>` +
    `<a:tr h="370840">${tc('短行')}</a:tr></a:tbl>`
  return handDeck({
    slides: [
      { shapes: sp({ name: 'Title', at: [457200, 200000, 8000000, 800000], paras: [para('表格')] }) },
      {
        shapes:
          `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="4" name="Table 3"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>` +
          `<p:xfrm><a:off x="1524000" y="1397000"/><a:ext cx="9144000" cy="1483360"/></p:xfrm>` +
          `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table">${tbl}</a:graphicData></a:graphic></p:graphicFrame>`
      }
    ]
  })
}

function frame(name: string, uri: string, inner: string, at: [number, number, number, number]): string {
  return (
    `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="${at[0] % 1000}" name="${name}"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>` +
    `<p:xfrm><a:off x="${at[0]}" y="${at[1]}"/><a:ext cx="${at[2]}" cy="${at[3]}"/></p:xfrm>` +
    `<a:graphic><a:graphicData uri="${uri}">${inner}</a:graphicData></a:graphic></p:graphicFrame>`
  )
}

/**
 * Pictures (cropped as in python-pptx's shp-picture.pptx, repeated, missing, linked, outset-cropped,
 * EMF), an embedded video with a poster, an audio clip, a linked video, and what becomes a
 * placeholder: a chart, an OLE equation (inside mc:AlternateContent) with its EMF preview, SmartArt,
 * unknown content and an ink part.
 */
export function mediaDeck(): Uint8Array {
  const box = (i: number): [number, number, number, number] => [500000 + i * 1900000, 1000000, 1800000, 1350000]
  const vidExt = (rId: string) =>
    `<p:extLst><p:ext uri="{DAA4B4D4-6D71-4841-9C94-3DA1B8A2FB01}"><p14:media r:embed="${rId}"/></p:ext></p:extLst>`
  const ole =
    `<mc:AlternateContent><mc:Choice Requires="v">${frame('Object 1', 'http://schemas.openxmlformats.org/presentationml/2006/ole', '<p:oleObj spid="_x0000_s1" name="公式" r:id="rIdO" progId="Equation.3"/>', [500000, 3000000, 1800000, 900000])}</mc:Choice>` +
    `<mc:Fallback>${frame(
      'Object 1',
      'http://schemas.openxmlformats.org/presentationml/2006/ole',
      `<p:oleObj name="公式" r:id="rIdO" progId="Equation.3"><p:embed/>${pic({ name: 'Object 1', rId: 'rIdE', at: [500000, 3000000, 1800000, 900000] })}</p:oleObj>`,
      [500000, 3000000, 1800000, 900000]
    )}</mc:Fallback></mc:AlternateContent>`
  return handDeck({
    parts: {
      'ppt/media/image1.png': PNG,
      'ppt/media/image2.emf': EMF,
      'ppt/media/media1.mp4': MP4,
      'ppt/media/media2.mp3': MP3,
      'ppt/embeddings/oleObject1.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'ppt/charts/chart1.xml':
        '<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>'
    },
    slides: [
      {
        rels: [
          { id: 'rIdP', type: 'image', target: '../media/image1.png' },
          { id: 'rIdGone', type: 'image', target: '../media/gone.png' },
          { id: 'rIdWeb', type: 'image', target: 'https://example.com/p.png', external: true },
          { id: 'rIdEmf', type: 'image', target: '../media/image2.emf' }
        ],
        shapes:
          pic({
            name: 'Picture 1',
            rId: 'rIdP',
            at: box(0),
            descr: '切开的月饼',
            crop: { l: 15479, t: 25571, r: 10463, b: 25572 }
          }) +
          pic({ name: 'Picture 2', rId: 'rIdP', at: box(1) }) +
          pic({ name: '丢失的图', rId: 'rIdGone', at: box(2) }) +
          pic({ name: '网上的图', rId: 'rIdWeb', at: box(3) }) +
          pic({ name: 'Outset', rId: 'rIdP', at: box(4), crop: { l: -5000, r: 0 } }) +
          pic({ name: 'Emf', rId: 'rIdEmf', at: [500000, 3000000, 1800000, 1350000] })
      },
      {
        rels: [
          { id: 'rIdP', type: 'image', target: '../media/image1.png' },
          { id: 'rIdV', type: 'video', target: '../media/media1.mp4' },
          {
            id: 'rIdM',
            type: 'http://schemas.microsoft.com/office/2007/relationships/media',
            target: '../media/media1.mp4'
          },
          { id: 'rIdA', type: 'audio', target: '../media/media2.mp3' },
          { id: 'rIdX', type: 'video', target: 'https://example.com/lesson.mp4', external: true }
        ],
        shapes:
          pic({ name: 'Video', rId: 'rIdP', at: box(0), nvPrExtra: `<a:videoFile r:link="rIdV"/>${vidExt('rIdM')}` }) +
          pic({ name: 'Audio', rId: 'rIdP', at: box(1), nvPrExtra: '<a:audioFile r:link="rIdA"/>' }) +
          pic({ name: 'Linked', rId: 'rIdP', at: box(2), nvPrExtra: '<a:videoFile r:link="rIdX"/>' })
      },
      {
        rels: [
          { id: 'rIdC', type: 'chart', target: '../charts/chart1.xml' },
          { id: 'rIdO', type: 'oleObject', target: '../embeddings/oleObject1.bin' },
          { id: 'rIdE', type: 'image', target: '../media/image2.emf' }
        ],
        shapes:
          frame(
            'Chart 1',
            'http://schemas.openxmlformats.org/drawingml/2006/chart',
            '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdC"/>',
            box(0)
          ) +
          ole +
          frame(
            'Diagram 1',
            'http://schemas.openxmlformats.org/drawingml/2006/diagram',
            '<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram"/>',
            box(2)
          ) +
          frame('Mystery', 'urn:example:unknown', '', box(3)) +
          '<p:contentPart r:id="rIdInk"/>'
      }
    ]
  })
}

/** Backgrounds: solid, a theme reference, a gradient, a picture, a pattern. */
export function backgroundDeck(): Uint8Array {
  const bgPr = (inner: string) => `<p:bgPr>${inner}<a:effectLst/></p:bgPr>`
  const text = (t: string) => sp({ name: 'Text', at: [914400, 914400, 6000000, 900000], paras: [para(t)] })
  return handDeck({
    parts: { 'ppt/media/image1.png': PNG },
    slides: [
      { bg: bgPr(solid('FF0000')), shapes: text('红色背景') },
      { bg: '<p:bgRef idx="1001"><a:schemeClr val="accent2"/></p:bgRef>', shapes: text('主题色背景') },
      {
        bg: bgPr(
          `<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="00FF00"/></a:gs><a:gs pos="100000"><a:srgbClr val="0000FF"/></a:gs></a:gsLst></a:gradFill>`
        ),
        shapes: text('渐变背景')
      },
      {
        rels: [{ id: 'rIdB', type: 'image', target: '../media/image1.png' }],
        bg: bgPr('<a:blipFill><a:blip r:embed="rIdB"/><a:stretch><a:fillRect/></a:stretch></a:blipFill>'),
        shapes: text('图片背景')
      },
      {
        bg: bgPr(
          '<a:pattFill prst="dkDnDiag"><a:fgClr><a:srgbClr val="000000"/></a:fgClr><a:bgClr><a:srgbClr val="FFFFFF"/></a:bgClr></a:pattFill>'
        ),
        shapes: text('图案背景')
      }
    ]
  })
}

/**
 * What a teacher's deck may carry that the importer approximates or follows: an unusual slide ratio,
 * animations, a hidden slide, rich runs (bold … subscript, East Asian font, theme colour with lumMod,
 * line break, field), a link to another slide, a translucent fill, connectors, a freeform, an unknown
 * preset, gradient and picture fills, mc:AlternateContent, and a slide the presentation lists but
 * does not contain.
 */
export function oddsDeck(): Uint8Array {
  const rich =
    `<a:p><a:r><a:rPr lang="zh-CN" b="1" i="1" u="sng" strike="sngStrike" sz="2400"><a:solidFill><a:schemeClr val="accent1"><a:lumMod val="50000"/></a:schemeClr></a:solidFill><a:ea typeface="楷体"/></a:rPr><a:t>重点</a:t></a:r>` +
    `<a:r><a:rPr lang="en-US" baseline="30000"/><a:t>2</a:t></a:r><a:r><a:rPr lang="en-US" baseline="-25000"/><a:t>n</a:t></a:r>` +
    `<a:br><a:rPr lang="zh-CN"/></a:br><a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum"><a:rPr lang="zh-CN"/><a:t>1</a:t></a:fld></a:p>` +
    `<a:p><a:r><a:rPr lang="zh-CN"><a:hlinkClick r:id="rIdS"/></a:rPr><a:t>去练习</a:t></a:r></a:p>` +
    `<a:p><a:r><a:rPr lang="zh-CN"><a:solidFill><a:schemeClr val="accent2"><a:tint val="40000"/></a:schemeClr></a:solidFill></a:rPr><a:t>浅色提示</a:t></a:r></a:p>`
  const cxn = (prst: string, tail: string) =>
    `<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="30" name="Connector"/><p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr><p:spPr>${xfrm(1000000, 4000000, 3000000, 0)}` +
    `<a:prstGeom prst="${prst}"><a:avLst/></a:prstGeom><a:ln w="25400">${solid('000000')}${tail}</a:ln></p:spPr></p:cxnSp>`
  return handDeck({
    size: { cx: W169, cy: 4572000 },
    parts: { 'ppt/media/image1.png': PNG },
    danglingSlides: 1,
    slides: [
      {
        timing: true,
        rels: [{ id: 'rIdS', type: 'slide', target: 'slide2.xml' }],
        shapes:
          sp({ name: 'Rich', at: [500000, 300000, 8000000, 1500000], paras: [rich] }) +
          sp({
            name: '半透明',
            at: [500000, 2000000, 2000000, 1000000],
            prst: 'rect',
            spPrExtra: '<a:solidFill><a:srgbClr val="FF0000"><a:alpha val="50000"/></a:srgbClr></a:solidFill>'
          })
      },
      {
        hidden: true,
        shapes:
          cxn('straightConnector1', '<a:tailEnd type="triangle"/>') +
          cxn('bentConnector3', '') +
          sp({
            name: '自由曲线',
            at: [500000, 500000, 1000000, 1000000],
            fill: '9BBB59',
            spPrExtra:
              '<a:custGeom><a:pathLst><a:path w="10" h="10"><a:moveTo><a:pt x="0" y="0"/></a:moveTo><a:lnTo><a:pt x="10" y="10"/></a:lnTo></a:path></a:pathLst></a:custGeom>'
          }) +
          sp({ name: 'Heart', at: [2000000, 500000, 1000000, 1000000], prst: 'heart', fill: 'C0504D' }) +
          sp({
            name: '渐变',
            at: [3500000, 500000, 1000000, 1000000],
            prst: 'rect',
            spPrExtra: `<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="00FF00"/></a:gs></a:gsLst></a:gradFill>`
          }) +
          sp({
            name: '图片填充',
            at: [5000000, 500000, 1000000, 1000000],
            prst: 'ellipse',
            spPrExtra:
              '<a:blipFill><a:blip r:embed="rIdP"/></a:blipFill><a:ln><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
          }) +
          `<mc:AlternateContent><mc:Choice Requires="p14">${sp({ name: 'New', at: [0, 3000000, 4000000, 500000], paras: [para('后备内容')] })}</mc:Choice>` +
          `<mc:Fallback>${sp({ name: 'Old', at: [0, 3500000, 4000000, 500000], paras: [para('后备内容')] })}</mc:Fallback></mc:AlternateContent>`,
        rels: [{ id: 'rIdP', type: 'image', target: '../media/image1.png' }]
      }
    ]
  })
}

/** ISO 29500 strict: the purl.oclc.org namespaces and relationship types, as Office writes with "Strict Open XML". */
export function strictDeck(): Uint8Array {
  return handDeck({
    strict: true,
    master: { txStyles: TX_STYLES },
    layouts: [{ shapes: sp({ name: 'title', ph: { type: 'title' }, at: LAYOUT_TITLE_AT }) }],
    parts: { 'ppt/media/image1.png': PNG },
    slides: [
      {
        notes: '严格格式的备注',
        shapes:
          sp({ name: 'Title 1', ph: { type: 'title' }, paras: [para('严格格式的课件')] }) +
          sp({ name: 'Body', at: [838200, 2000000, 6000000, 1000000], paras: [para('ISO/IEC 29500 Strict')] })
      },
      {
        rels: [{ id: 'rIdP', type: 'image', target: '../media/image1.png' }],
        shapes:
          sp({ name: 'Title 1', ph: { type: 'title' }, paras: [para('第二页')] }) +
          pic({ name: 'Pic', rId: 'rIdP', at: [838200, 2000000, 1000000, 1000000] })
      }
    ]
  })
}

/** A macro-enabled deck (.pptm): its VBA project is reported and never run. */
export function macroDeck(): Uint8Array {
  return handDeck({
    macro: true,
    slides: [{ shapes: sp({ name: 'Title 1', at: [838200, 365125, 10515600, 1325563], paras: [para('带宏的课件')] }) }]
  })
}

/** A presentation with no slides at all (python-pptx's no-slides.pptx). */
export function emptyDeck(): Uint8Array {
  return handDeck({ slides: [] })
}

/** A deck cut off part-way, as an interrupted download or copy leaves it. */
export function truncatedDeck(): Uint8Array {
  const whole = layoutDeck()
  return whole.subarray(0, Math.floor(whole.length * 0.6))
}

/** A plain deck of n titled slides (for CLI, library and benchmark runs). */
export function plainDeck(titles: string[], d: Partial<HandDeck> = {}): Uint8Array {
  return handDeck({
    ...d,
    slides: titles.map((t, i) => ({
      shapes:
        sp({ name: 'Title', at: [838200, 365125, 10515600, 1325563], paras: [para(t)] }) +
        sp({ name: 'Body', at: [838200, 2000000, 10515600, 3000000], paras: [para(`第 ${i + 1} 页的正文`)] })
    }))
  })
}

export interface GeneratedFile {
  name: string
  bytes: Uint8Array
}

/** Every generated PowerPoint file, for the "imports everything" sweep and the benchmark. */
export async function generatedPptxSet(): Promise<GeneratedFile[]> {
  return [
    { name: 'pptxgen-lesson.pptx', bytes: await pptxgenLesson() },
    { name: 'groups.pptx', bytes: groupDeck() },
    { name: 'layouts.pptx', bytes: layoutDeck() },
    { name: 'table.pptx', bytes: tableDeck() },
    { name: 'media.pptx', bytes: mediaDeck() },
    { name: 'backgrounds.pptx', bytes: backgroundDeck() },
    { name: 'odds.pptx', bytes: oddsDeck() },
    { name: 'strict.pptx', bytes: strictDeck() },
    { name: 'macro.pptm', bytes: macroDeck() },
    { name: 'no-slides.pptx', bytes: emptyDeck() },
    { name: 'truncated.pptx', bytes: truncatedDeck() },
    { name: 'plain.pptx', bytes: plainDeck(['第一课', '第二课', '第三课']) }
  ]
}
