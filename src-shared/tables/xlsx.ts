/**
 * Tables as an Excel workbook (.xlsx, Office Open XML SpreadsheetML): one sheet per table, the
 * header row bold and frozen, columns sized to their text. Teachers asked for "Excel", and a
 * CSV opened in Excel loses leading zeros in student numbers, guesses dates and needs the BOM
 * trick for Chinese; a real workbook has none of that.
 *
 * Written by hand over fflate's zip because what we need is small (strings and numbers, no
 * formulas, no shared strings): the maintained writers (exceljs, SheetJS) would add ~1 MB to
 * the renderer for it. Text goes in as inline strings, so nothing a student typed can become a
 * formula, whatever it starts with. LibreOffice reads the files back in the interop test.
 */
import { zipSync, strToU8 } from 'fflate'

export type XlsxCell = string | number | boolean | null | undefined

export interface XlsxSheet {
  /** Sheet tab name; cut to Excel's 31 characters and cleaned of []:*?/\ */
  name: string
  header: readonly string[]
  rows: readonly (readonly XlsxCell[])[]
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

/** Excel's limits: a longer cell is cut (Excel refuses the file otherwise). */
const MAX_CELL_CHARS = 32_767
const MAX_ROWS = 1_048_576

export function writeXlsx(sheets: readonly XlsxSheet[]): Uint8Array {
  if (sheets.length === 0) throw new Error('writeXlsx: at least one sheet')
  const names = uniqueSheetNames(sheets.map((s) => s.name))
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypes(sheets.length)),
    '_rels/.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
    ),
    'xl/workbook.xml': strToU8(
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>` +
        names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>'
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
          )
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`
    ),
    'xl/styles.xml': strToU8(STYLES)
  }
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s))
  })
  return zipSync(files, { level: 6 })
}

function contentTypes(sheetCount: number): string {
  const sheetType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    Array.from(
      { length: sheetCount },
      (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${sheetType}"/>`
    ).join('') +
    '</Types>'
  )
}

// Style 0: normal; 1: bold (the header row). Fills 0 and 1 are the two Excel requires.
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>'

function sheetXml(sheet: XlsxSheet): string {
  const rows = [sheet.header, ...sheet.rows].slice(0, MAX_ROWS)
  const widths: number[] = []
  const out: string[] = []
  rows.forEach((row, r) => {
    const cells: string[] = []
    row.forEach((value, c) => {
      const xml = cellXml(`${columnName(c)}${r + 1}`, value, r === 0)
      if (!xml) return
      cells.push(xml)
      widths[c] = Math.max(widths[c] ?? 0, displayWidth(value))
    })
    out.push(`<row r="${r + 1}">${cells.join('')}</row>`)
  })
  const cols = widths.length
    ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(60, Math.max(8, w + 2))}" customWidth="1"/>`).join('')}</cols>`
    : ''
  const frozen =
    rows.length > 1
      ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
      : ''
  return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}">${frozen}${cols}<sheetData>${out.join('')}</sheetData></worksheet>`
}

function cellXml(ref: string, value: XlsxCell, header: boolean): string | null {
  const style = header ? ' s="1"' : ''
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : null
  if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`
  const text = escapeXml(cleanText(value).slice(0, MAX_CELL_CHARS))
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`
}

/** 0 → A, 25 → Z, 26 → AA … */
export function columnName(index: number): string {
  let n = index + 1
  let name = ''
  while (n > 0) {
    const rem = (n - 1) % 26
    name = String.fromCharCode(65 + rem) + name
    n = Math.floor((n - 1) / 26)
  }
  return name
}

/** Sheet names: ≤ 31 characters, none of []:*?/\, not empty, unique (case-insensitive, as Excel compares). */
export function uniqueSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>()
  return names.map((raw, i) => {
    const base =
      cleanText(raw)
        .replace(/[[\]:*?/\\]/g, ' ')
        .replace(/^'+|'+$/g, '')
        .trim()
        .slice(0, 31) || `Sheet${i + 1}`
    let name = base
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)}_${k}`
    used.add(name.toLowerCase())
    return name
  })
}

/** XML 1.0 cannot carry most control characters at all; they are dropped, not escaped. */
function cleanText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Column width in Excel's character units: a CJK character is about two. */
function displayWidth(value: XlsxCell): number {
  const s = String(value ?? '')
  let w = 0
  for (const ch of s) w += /[\u1100-\uFFEF]/.test(ch) ? 2 : 1
  return w
}
