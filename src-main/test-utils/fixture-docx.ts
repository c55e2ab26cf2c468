/**
 * Word lesson plans the tests and benchmarks make themselves: one written by the `docx` package (headings,
 * formatted runs, bullet and numbered lists, a picture, a table with a span, footnotes with a link, a
 * comment, an unknown style, enough text to continue a slide), and small hand-built packages for what
 * it cannot write: a linked (external) picture, a VML text box, strict OOXML, a byte-order mark.
 * Together they reach what mammoth.js's test files in ../shared/corpus/docx reach.
 */
import { zipSync, unzipSync, strToU8, strFromU8 } from 'fflate'
import { PNG, solidPng } from './fixture-decks'
import { esc } from './fixture-opc'

export const PLAN = {
  titles: ['第一课时 分数的初步认识', '第二课时 分数的大小'],
  bullets: ['Apple', 'Banana'],
  steps: ['先分一分', '再说一说'],
  footnote: '见课本第 12 页',
  comment: '这里放慢一点'
}

/** A lesson plan written by the docx package; split at 标题 1 it makes two lessons (the second continued). */
export async function lessonPlanDocx(): Promise<Uint8Array> {
  const d = await import('docx')
  const { Paragraph, TextRun, HeadingLevel } = d
  const cell = (text: string, columnSpan?: number) =>
    new d.TableCell({ children: [new Paragraph(text)], ...(columnSpan ? { columnSpan } : {}) })
  const doc = new d.Document({
    creator: '王老师',
    styles: { paragraphStyles: [{ id: 'Aside', name: 'Aside', basedOn: 'Normal' }] },
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [{ level: 0, format: d.LevelFormat.DECIMAL, text: '%1.', alignment: d.AlignmentType.START }]
        }
      ]
    },
    footnotes: {
      1: {
        children: [
          new Paragraph({
            children: [
              new TextRun(`${PLAN.footnote}，`),
              new d.ExternalHyperlink({ link: 'https://example.com/book', children: [new TextRun('在线课本')] })
            ]
          })
        ]
      }
    },
    comments: {
      children: [{ id: 0, author: '李老师', date: new Date(0), children: [new Paragraph(PLAN.comment)] }]
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: PLAN.titles[0] }),
          new Paragraph({
            children: [
              new TextRun('教学目标：'),
              new TextRun({ text: '认识几分之一', bold: true }),
              new TextRun({ text: '，会读写', italics: true }),
              new TextRun({ text: '（删去）', strike: true }),
              new TextRun({ text: '分母', underline: {} }),
              new TextRun({ text: '2', superScript: true }),
              new d.FootnoteReferenceRun(1)
            ]
          }),
          ...PLAN.bullets.map((text) => new Paragraph({ text, bullet: { level: 0 } })),
          new Paragraph({ text: '香蕉皮', bullet: { level: 1 } }),
          ...PLAN.steps.map((text) => new Paragraph({ text, numbering: { reference: 'steps', level: 0 } })),
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: '教学过程' }),
          new Paragraph({
            children: [new d.ImageRun({ type: 'png', data: PNG, transformation: { width: 40, height: 40 } })]
          }),
          new d.Table({
            rows: [
              new d.TableRow({ children: [cell('Top left'), cell('Top right')] }),
              new d.TableRow({ children: [cell('Bottom, both columns', 2)] })
            ]
          }),
          new Paragraph({
            children: [new d.ExternalHyperlink({ link: 'https://example.com', children: [new TextRun('参考网站')] })]
          }),
          new Paragraph({
            children: [
              new d.CommentRangeStart(0),
              new TextRun('课堂提问'),
              new d.CommentRangeEnd(0),
              new TextRun({ children: [new d.CommentReference(0)] })
            ]
          }),
          new Paragraph({ style: 'Aside', text: '旁注：准备月饼模型' }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: PLAN.titles[1] }),
          ...Array.from({ length: 14 }, (_, i) => new Paragraph(`比较 1/${i + 2} 和 1/${i + 3} 的大小`))
        ]
      }
    ]
  })
  return new Uint8Array(await d.Packer.toBuffer(doc))
}

const W = {
  transitional: {
    w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
    r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
  },
  strict: {
    w: 'http://purl.oclc.org/ooxml/wordprocessingml/main',
    r: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
    rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships/'
  }
} as const

/** A .docx by hand: the document body's XML, its relationships, and options for strict namespaces and a BOM. */
export function handDocx(
  body: string,
  o: { rels?: { id: string; type: string; target: string; external?: boolean }[]; strict?: boolean; bom?: boolean } = {}
): Uint8Array {
  const ns = o.strict ? W.strict : W.transitional
  const relsXml = (list: { id: string; type: string; target: string; external?: boolean }[]) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list
      .map(
        (r) =>
          `<Relationship Id="${r.id}" Type="${ns.rel}${r.type}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`
      )
      .join('')}</Relationships>`
  const doc =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${ns.w}" xmlns:r="${ns.r}" ` +
    `xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
    `xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:v="urn:schemas-microsoft-com:vml"${o.strict ? ' w:conformance="strict"' : ''}>` +
    `<w:body>${body}</w:body></w:document>`
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    '_rels/.rels': strToU8(relsXml([{ id: 'rId1', type: 'officeDocument', target: 'word/document.xml' }])),
    'word/_rels/document.xml.rels': strToU8(relsXml(o.rels ?? [])),
    'word/document.xml': o.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(doc)]) : strToU8(doc)
  })
}

export const wPara = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`

/** A picture that only links to a file on the web (mammoth's external-picture.docx). */
export function externalPictureDocx(): Uint8Array {
  const drawing =
    `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="Picture 1"/>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="web.png"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:link="rIdImg"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>` +
    `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
  return handDocx(wPara('网上的图片：') + drawing, {
    rels: [{ id: 'rIdImg', type: 'image', target: 'https://example.com/web.png', external: true }]
  })
}

/** Text inside a VML text box (mammoth's text-box.docx keeps it as paragraphs). */
export function textBoxDocx(): Uint8Array {
  return handDocx(
    wPara('正文') +
      `<w:p><w:r><w:pict><v:shape id="tb1" style="width:200pt;height:50pt"><v:textbox><w:txbxContent>${wPara('文本框里的字')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`
  )
}

/** ISO 29500 strict namespaces (mammoth's strict-format.docx). */
export function strictDocx(): Uint8Array {
  return handDocx(wPara('严格格式的教案') + wPara('第二段'), { strict: true })
}

/** A document part that starts with a UTF-8 byte-order mark (mammoth's utf8-bom.docx). */
export function bomDocx(): Uint8Array {
  return handDocx(wPara('带 BOM 的教案'), { bom: true })
}

/** A plan that is only a table, with no heading or paragraph to title its slide. */
export function tableOnlyDocx(): Uint8Array {
  const tc = (t: string) => `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>${wPara(t)}</w:tc>`
  return handDocx(
    `<w:tbl><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid><w:tr>${tc('周一')}${tc('周二')}</w:tr><w:tr>${tc('分数')}${tc('小数')}</w:tr></w:tbl><w:p/>`
  )
}

/** A Word file cut off part-way. */
export async function truncatedDocx(): Promise<Uint8Array> {
  const whole = await lessonPlanDocx()
  return whole.subarray(0, Math.floor(whole.length * 0.6))
}

/** Every generated Word file, for the sweep and the benchmark. */
export async function generatedDocxSet(): Promise<{ name: string; bytes: Uint8Array }[]> {
  return [
    { name: 'lesson-plan.docx', bytes: await lessonPlanDocx() },
    { name: 'external-picture.docx', bytes: externalPictureDocx() },
    { name: 'text-box.docx', bytes: textBoxDocx() },
    { name: 'strict.docx', bytes: strictDocx() },
    { name: 'bom.docx', bytes: bomDocx() },
    { name: 'empty.docx', bytes: handDocx('') },
    { name: 'table-only.docx', bytes: tableOnlyDocx() },
    { name: 'truncated.docx', bytes: await truncatedDocx() }
  ]
}

/**
 * A long lesson plan as Word writes one: `paragraphs` short paragraphs, a 标题 1 heading opening each
 * group of `perSection`, and `pictures` distinct small pictures spread through it. Its XML compresses
 * about 40×, so 20,000 paragraphs is a file of well under 0.5 MB: the class of file that took the
 * importer 24 s (jsdom's fragment parse and HTMLCollection reads, both quadratic in the paragraphs).
 */
export function longPlanDocx(o: { paragraphs: number; perSection?: number; pictures?: number }): Uint8Array {
  const perSection = o.perSection ?? 20
  const pictures = o.pictures ?? 0
  const every = pictures ? Math.max(1, Math.floor(o.paragraphs / pictures)) : 0
  const body: string[] = []
  const rels: { id: string; type: string; target: string }[] = []
  const files: Record<string, Uint8Array> = {}
  for (let i = 0; i < o.paragraphs; i++) {
    if (i % perSection === 0) body.push(wPara(longPlanHeading(i / perSection), 'Heading1'))
    else body.push(wPara(`第 ${i} 段：先分一分，再说一说，比较 1/${i + 1} 和 1/${i + 2} 的大小。`))
    const k = rels.length
    if (every && i % every === every - 1 && k < pictures) {
      rels.push({ id: `rIdPic${k}`, type: 'image', target: `media/pic${k}.png` })
      files[`word/media/pic${k}.png`] = solidPng(4, 3, [k & 255, (k >> 8) & 255, 99])
      body.push(
        `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="685800"/><wp:docPr id="${k + 1}" name="Picture ${k + 1}"/>` +
          `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="pic${k}.png"/><pic:cNvPicPr/></pic:nvPicPr>` +
          `<pic:blipFill><a:blip r:embed="rIdPic${k}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
      )
    }
  }
  const zip = unzipSync(handDocx(body.join(''), { rels }))
  zip['[Content_Types].xml'] = strToU8(
    strFromU8(zip['[Content_Types].xml']!).replace(
      '<Default Extension="xml"',
      '<Default Extension="png" ContentType="image/png"/><Default Extension="xml"'
    )
  )
  return zipSync({ ...zip, ...files })
}

/** The title of section `n` of longPlanDocx. */
export const longPlanHeading = (n: number) => `第 ${n + 1} 课时`
