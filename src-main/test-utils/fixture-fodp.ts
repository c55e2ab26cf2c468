/**
 * A lesson as a flat OpenDocument presentation (.fodp, one XML file) for LibreOffice to turn into PPTX,
 * so the importer also meets decks another writer makes (its own masters, layouts, placeholders, notes,
 * tables and pictures). Used by the interop tests, which run where `soffice` is installed.
 */
import { PNG } from './fixture-decks'
import { esc } from './fixture-opc'

export const FODP_LESSON = {
  titles: ['勾股定理', '勾股定理的证明', '课堂练习'],
  notes: '先让学生用方格纸画图',
  bullets: ['直角三角形两直角边的平方和等于斜边的平方', '赵爽弦图'],
  cells: ['a', 'b', 'c', '3', '4', '5']
}

const frame = (x: number, y: number, w: number, h: number, attrs: string, inner: string) =>
  `<draw:frame ${attrs} svg:x="${x}cm" svg:y="${y}cm" svg:width="${w}cm" svg:height="${h}cm">${inner}</draw:frame>`
const textBox = (...paras: string[]) =>
  `<draw:text-box>${paras.map((p) => `<text:p>${esc(p)}</text:p>`).join('')}</draw:text-box>`

export function lessonFodp(): string {
  const L = FODP_LESSON
  const title = (t: string) =>
    frame(1.4, 0.6, 25.2, 2.6, 'presentation:class="title" presentation:style-name="pr1"', textBox(t))
  const png = Buffer.from(PNG).toString('base64')
  const cell = (t: string) => `<table:table-cell><text:p>${esc(t)}</text:p></table:table-cell>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.presentation">
 <office:automatic-styles>
  <style:page-layout style:name="PM1"><style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" fo:page-width="28cm" fo:page-height="15.75cm" style:print-orientation="landscape"/></style:page-layout>
  <style:style style:name="pr1" style:family="presentation"><style:text-properties fo:font-size="40pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="pr2" style:family="presentation"><style:graphic-properties draw:fill="none" draw:stroke="none"/><style:text-properties fo:font-size="20pt"/></style:style>
 </office:automatic-styles>
 <office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1"><presentation:notes>
  <draw:page-thumbnail presentation:class="page" svg:x="2cm" svg:y="1cm" svg:width="17cm" svg:height="9.5cm"/>
  <draw:frame presentation:class="notes" presentation:placeholder="true" svg:x="2cm" svg:y="11cm" svg:width="17cm" svg:height="12cm"><draw:text-box/></draw:frame>
 </presentation:notes></style:master-page></office:master-styles>
 <office:body><office:presentation>
  <draw:page draw:name="p1" draw:master-page-name="Default">
   ${title(L.titles[0]!)}
   ${frame(1.4, 4, 25.2, 2, 'presentation:class="subtitle" presentation:style-name="pr2"', textBox('八年级 数学'))}
   <presentation:notes><draw:page-thumbnail presentation:class="page" draw:page-number="1" svg:x="2cm" svg:y="1cm" svg:width="17cm" svg:height="9.5cm"/>${frame(2, 11, 17, 12, 'presentation:class="notes" presentation:style-name="pr2" draw:layer="layout"', textBox(L.notes))}</presentation:notes>
  </draw:page>
  <draw:page draw:name="p2" draw:master-page-name="Default">
   ${title(L.titles[1]!)}
   ${frame(1.4, 4, 16, 8, 'presentation:class="outline" presentation:style-name="pr2"', `<draw:text-box><text:list>${L.bullets.map((b) => `<text:list-item><text:p>${esc(b)}</text:p></text:list-item>`).join('')}</text:list></draw:text-box>`)}
   ${frame(19, 4, 6, 6, 'draw:name="弦图"', `<draw:image><office:binary-data>${png}</office:binary-data></draw:image>`)}
  </draw:page>
  <draw:page draw:name="p3" draw:master-page-name="Default">
   ${title(L.titles[2]!)}
   ${frame(
     4,
     4,
     18,
     4,
     '',
     `<table:table><table:table-column table:number-columns-repeated="3"/>` +
       `<table:table-row>${L.cells.slice(0, 3).map(cell).join('')}</table:table-row>` +
       `<table:table-row>${L.cells.slice(3).map(cell).join('')}</table:table-row></table:table>`
   )}
  </draw:page>
 </office:presentation></office:body>
</office:document>
`
}
