/**
 * Table styles (a:tblStyle by a:tableStyleId): fills, text colour and weight, and borders of the whole
 * table, banded rows and columns, and the first/last row and column, resolved into each cell when the
 * table is imported. PowerPoint writes the definition of every style a deck uses into
 * ppt/tableStyles.xml; for a deck written by another tool that only names a built-in style, the
 * built-in ones below are generated the way LibreOffice does (oox predefined-table-styles.cxx).
 *
 * Built-in styles known without a definition in the file:
 * | GUID | style |
 * | --- | --- |
 * | {2D5ABB26-0587-4C30-8999-92F81FD0307C} | No Style, No Grid |
 * | {5940675A-B579-460E-94D1-54222C63F5DA} | No Style, Table Grid |
 * | {073A0DAA-6AF3-43AB-8588-CEC1D06C72B9} | Medium Style 2 |
 * | {5C22544A-7EE6-4342-B048-85BDC9FD1C3A} | Medium Style 2 – Accent 1 (PowerPoint's default) |
 * | {21E4AEA4-8DFA-4A89-87EB-49C32662AFE0} | Medium Style 2 – Accent 2 |
 * | {F5AB1C69-6EDB-4FF4-983F-18BD219EF322} | Medium Style 2 – Accent 3 |
 * | {00A15C55-8517-42AA-B614-E9B94910E393} | Medium Style 2 – Accent 4 |
 * | {7DF18680-E054-41AD-8BC1-D1AEF772440D} | Medium Style 2 – Accent 5 |
 * | {93296810-A885-4BE3-A3E7-6D5BEEA58F35} | Medium Style 2 – Accent 6 |
 * | {793D81CF-94F2-401A-BA57-92F5A7B2D0C5} | Medium Style 1 |
 * | {B301B821-A1FF-4177-AEE7-76D212191A09} | Medium Style 1 – Accent 1 |
 * | {9DCAF9ED-07DC-4A11-8D7F-57B35C25682E} | Medium Style 1 – Accent 2 |
 * | {1FECB4D8-DB02-4DC6-A0A2-4F2EBAE1DC90} | Medium Style 1 – Accent 3 |
 * | {1E171933-4619-4E11-9A3F-F7608DF75F80} | Medium Style 1 – Accent 4 |
 * | {FABFCF23-3B69-468F-B69F-88F6DE6A72F2} | Medium Style 1 – Accent 5 |
 * | {10A1B5D5-9B99-4C35-A422-299274C87663} | Medium Style 1 – Accent 6 |
 */
import { parseXml, attr, child, type XNode } from '../xml'
import { colorOf } from './pptx-color'
import type { PptxContext } from './pptx-context'

type Part = 'wholeTbl' | 'band1H' | 'band2H' | 'band1V' | 'band2V' | 'firstCol' | 'lastCol' | 'firstRow' | 'lastRow'

/** What a style part gives a cell. `fill: null` is an explicit "no fill". */
export interface CellLook {
  fill?: string | null
  color?: string
  bold?: boolean
  italic?: boolean
  border?: string | null
}

export interface TableFlags {
  firstRow: boolean
  lastRow: boolean
  firstCol: boolean
  lastCol: boolean
  bandRow: boolean
  bandCol: boolean
}

const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
const MEDIUM2: Record<string, string> = {
  '{073A0DAA-6AF3-43AB-8588-CEC1D06C72B9}': 'dk1',
  '{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}': 'accent1',
  '{21E4AEA4-8DFA-4A89-87EB-49C32662AFE0}': 'accent2',
  // Some writers spell Accent 2's id with a final 8.
  '{21E4AEA4-8DFA-4A89-87EB-49C32662AFE8}': 'accent2',
  '{F5AB1C69-6EDB-4FF4-983F-18BD219EF322}': 'accent3',
  '{00A15C55-8517-42AA-B614-E9B94910E393}': 'accent4',
  '{7DF18680-E054-41AD-8BC1-D1AEF772440D}': 'accent5',
  '{93296810-A885-4BE3-A3E7-6D5BEEA58F35}': 'accent6'
}
const MEDIUM1: Record<string, string> = {
  '{793D81CF-94F2-401A-BA57-92F5A7B2D0C5}': 'dk1',
  '{B301B821-A1FF-4177-AEE7-76D212191A09}': 'accent1',
  '{9DCAF9ED-07DC-4A11-8D7F-57B35C25682E}': 'accent2',
  '{1FECB4D8-DB02-4DC6-A0A2-4F2EBAE1DC90}': 'accent3',
  '{1E171933-4619-4E11-9A3F-F7608DF75F80}': 'accent4',
  '{FABFCF23-3B69-468F-B69F-88F6DE6A72F2}': 'accent5',
  '{10A1B5D5-9B99-4C35-A422-299274C87663}': 'accent6'
}

const solid = (clr: string, mod = '') => `<a:solidFill><a:schemeClr val="${clr}">${mod}</a:schemeClr></a:solidFill>`
const ln = (clr: string) => `<a:ln w="12700">${solid(clr)}</a:ln>`
const borders = (clr: string, sides: string[]) =>
  `<a:tcBdr>${sides.map((s) => `<a:${s}>${ln(clr)}</a:${s}>`).join('')}</a:tcBdr>`
const ALL_SIDES = ['left', 'right', 'top', 'bottom', 'insideH', 'insideV']

function medium2(acc: string): string {
  const head = (part: string) =>
    `<a:${part}><a:tcTxStyle b="on"><a:schemeClr val="lt1"/></a:tcTxStyle><a:tcStyle><a:fill>${solid(acc)}</a:fill></a:tcStyle></a:${part}>`
  return (
    `<a:tblStyle ${A} styleId="" styleName="Medium Style 2"><a:wholeTbl><a:tcTxStyle><a:schemeClr val="dk1"/></a:tcTxStyle>` +
    `<a:tcStyle>${borders('lt1', ALL_SIDES)}<a:fill>${solid(acc, '<a:tint val="20000"/>')}</a:fill></a:tcStyle></a:wholeTbl>` +
    `<a:band1H><a:tcStyle><a:fill>${solid(acc, '<a:tint val="40000"/>')}</a:fill></a:tcStyle></a:band1H>` +
    `<a:band1V><a:tcStyle><a:fill>${solid(acc, '<a:tint val="40000"/>')}</a:fill></a:tcStyle></a:band1V>` +
    ['lastCol', 'firstCol', 'lastRow', 'firstRow'].map(head).join('') +
    `</a:tblStyle>`
  )
}

function medium1(acc: string): string {
  return (
    `<a:tblStyle ${A} styleId="" styleName="Medium Style 1"><a:wholeTbl><a:tcTxStyle><a:schemeClr val="dk1"/></a:tcTxStyle>` +
    `<a:tcStyle>${borders(acc, ['left', 'right', 'top', 'bottom', 'insideH'])}<a:fill>${solid('lt1')}</a:fill></a:tcStyle></a:wholeTbl>` +
    `<a:band1H><a:tcStyle><a:fill>${solid(acc, '<a:tint val="20000"/>')}</a:fill></a:tcStyle></a:band1H>` +
    `<a:band1V><a:tcStyle><a:fill>${solid(acc, '<a:tint val="20000"/>')}</a:fill></a:tcStyle></a:band1V>` +
    `<a:lastCol><a:tcTxStyle b="on"/></a:lastCol><a:firstCol><a:tcTxStyle b="on"/></a:firstCol>` +
    `<a:lastRow><a:tcTxStyle b="on"/><a:tcStyle><a:fill>${solid('lt1')}</a:fill></a:tcStyle></a:lastRow>` +
    `<a:firstRow><a:tcTxStyle b="on"><a:schemeClr val="lt1"/></a:tcTxStyle><a:tcStyle><a:fill>${solid(acc)}</a:fill></a:tcStyle></a:firstRow>` +
    `</a:tblStyle>`
  )
}

const NO_GRID = `<a:tblStyle ${A} styleId="" styleName="No Style, No Grid"/>`
const TABLE_GRID = `<a:tblStyle ${A} styleId="" styleName="No Style, Table Grid"><a:wholeTbl><a:tcStyle>${borders('tx1', ALL_SIDES)}</a:tcStyle></a:wholeTbl></a:tblStyle>`

function builtIn(id: string): XNode | undefined {
  const key = id.toUpperCase()
  const xml = MEDIUM2[key]
    ? medium2(MEDIUM2[key]!)
    : MEDIUM1[key]
      ? medium1(MEDIUM1[key]!)
      : key === '{2D5ABB26-0587-4C30-8999-92F81FD0307C}'
        ? NO_GRID
        : key === '{5940675A-B579-460E-94D1-54222C63F5DA}'
          ? TABLE_GRID
          : undefined
  return xml ? parseXml(xml) : undefined
}

const cache = new WeakMap<PptxContext, Map<string, XNode>>()

/** The style definition for an id: the deck's own (ppt/tableStyles.xml), else a built-in one, else none. */
export function tableStyle(ctx: PptxContext, id: string | undefined): XNode | undefined {
  if (!id) return undefined
  let defined = cache.get(ctx)
  if (!defined) {
    defined = new Map()
    const part = ctx.pkg.relOfType('ppt/presentation.xml', 'tableStyles')?.target ?? 'ppt/tableStyles.xml'
    if (ctx.pkg.has(part)) {
      try {
        for (const s of ctx.pkg.xml(part).children)
          if (s.name === 'a:tblStyle') defined.set((attr(s, 'styleId') ?? '').toUpperCase(), s)
      } catch {
        // A damaged styles part leaves the tables unstyled; the import still goes on.
      }
    }
    cache.set(ctx, defined)
  }
  return defined.get(id.toUpperCase()) ?? builtIn(id)
}

function look(part: XNode | undefined, theme: Map<string, string>): CellLook {
  if (!part) return {}
  const out: CellLook = {}
  const tx = child(part, 'a:tcTxStyle')
  if (tx) {
    const b = attr(tx, 'b')
    const i = attr(tx, 'i')
    if (b) out.bold = b === 'on'
    if (i) out.italic = i === 'on'
    // The colour is a direct child of tcTxStyle, or the one inside its a:fontRef.
    const color = colorOf(tx, theme) ?? colorOf(child(tx, 'a:fontRef'), theme)
    if (color) out.color = color
  }
  const tc = child(part, 'a:tcStyle')
  const fill = child(tc, 'a:fill')
  if (fill) out.fill = child(fill, 'a:noFill') ? null : (colorOf(child(fill, 'a:solidFill'), theme) ?? null)
  else if (child(tc, 'a:fillRef')) out.fill = colorOf(child(tc, 'a:fillRef'), theme) ?? null
  const bdr = child(tc, 'a:tcBdr')
  if (bdr) {
    const side = ['a:insideH', 'a:top', 'a:left', 'a:bottom', 'a:insideV', 'a:right']
      .map((s) => child(bdr, s))
      .find((s) => s)
    const line = child(side, 'a:ln')
    if (line) out.border = child(line, 'a:noFill') ? null : (colorOf(child(line, 'a:solidFill'), theme) ?? null)
  }
  return out
}

/**
 * How the style draws the cell at (row, col) of a rows×cols table: the whole table, then its band,
 * then the first/last column, then the first/last row, each overriding what came before (ECMA-376
 * 20.1.4.2: the row parts win over the column parts).
 */
export function cellLook(
  style: XNode | undefined,
  theme: Map<string, string>,
  flags: TableFlags,
  row: number,
  col: number,
  rows: number,
  cols: number
): CellLook {
  if (!style) return {}
  const parts: Part[] = ['wholeTbl']
  const bodyRow = row - (flags.firstRow ? 1 : 0)
  const bodyCol = col - (flags.firstCol ? 1 : 0)
  const inHeader = (flags.firstRow && row === 0) || (flags.lastRow && row === rows - 1)
  if (flags.bandCol && bodyCol >= 0 && !(flags.lastCol && col === cols - 1))
    parts.push(bodyCol % 2 === 0 ? 'band1V' : 'band2V')
  if (flags.bandRow && !inHeader && bodyRow >= 0) parts.push(bodyRow % 2 === 0 ? 'band1H' : 'band2H')
  if (flags.firstCol && col === 0) parts.push('firstCol')
  if (flags.lastCol && col === cols - 1) parts.push('lastCol')
  if (flags.lastRow && row === rows - 1) parts.push('lastRow')
  if (flags.firstRow && row === 0) parts.push('firstRow')
  const out: CellLook = {}
  for (const p of parts) {
    const l = look(child(style, `a:${p}`), theme)
    for (const [k, v] of Object.entries(l)) if (v !== undefined) (out as Record<string, unknown>)[k] = v
  }
  return out
}

/** The style's border colour for the table as a whole (our tables draw one colour for every line). */
export function tableBorder(style: XNode | undefined, theme: Map<string, string>): string | null | undefined {
  return style ? look(child(style, 'a:wholeTbl'), theme).border : undefined
}
