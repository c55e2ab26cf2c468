/**
 * A DrawingML table (a:tbl) → a table element: spans and merges, explicit cell fills, cell margins
 * and vertical alignment, and the table style (pptx-table-style.ts) resolved into every cell's fill,
 * text colour and weight, and the table's border colour.
 */
import type { Element, Paragraph, TableCell } from '../../../../src-shared/courseware'
import { attr, boolAttr, child, children, numAttr, type XNode } from '../xml'
import { colorOf } from './pptx-color'
import type { Frame, TreeEnv } from './pptx-shapes'
import { cellLook, tableBorder, tableStyle, type TableFlags } from './pptx-table-style'
import { readParagraphs, type TextEnv } from './pptx-text'

const ANCHOR = { t: 'top', ctr: 'middle', b: 'bottom' } as const
/** PowerPoint's default cell margins: 0.1 in left and right, 0.05 in top and bottom. */
const MAR = { marL: 91440, marR: 91440, marT: 45720, marB: 45720 }

export function readTable(tbl: XNode | undefined, f: Frame, env: TreeEnv, out: Element[]): void {
  if (!tbl) return
  const cols = children(child(tbl, 'a:tblGrid'), 'a:gridCol').map((c) => Math.max(1, numAttr(c, 'w') ?? 1))
  if (!cols.length) return
  const { ctx, theme } = env
  const textEnv: TextEnv = { theme, fontScale: ctx.fontScale, styles: [], slideLink: env.slideLink, emuX: ctx.sx }
  const tblPr = child(tbl, 'a:tblPr')
  const flag = (k: string) => boolAttr(tblPr, k) ?? false
  const flags: TableFlags = {
    firstRow: flag('firstRow'),
    lastRow: flag('lastRow'),
    firstCol: flag('firstCol'),
    lastCol: flag('lastCol'),
    bandRow: flag('bandRow'),
    bandCol: flag('bandCol')
  }
  const styleId = child(tblPr, 'a:tableStyleId')?.text.trim()
  const style = tableStyle(ctx, styleId)
  if (styleId && !style)
    ctx.approx(
      'table',
      `表格样式 ${styleId} 未导入（表格以无样式显示）。`,
      `Table style ${styleId} was not imported (the table is shown unstyled).`
    )
  const trs = children(tbl, 'a:tr')
  const r2 = (v: number) => Math.round(v * 100) / 100
  const rows = trs.map((tr, r) => {
    const cells: TableCell[] = children(tr, 'a:tc').map((tc, c) => {
      const tcPr = child(tc, 'a:tcPr')
      const styled = cellLook(style, theme, flags, r, c, trs.length, cols.length)
      const own = child(tcPr, 'a:noFill') ? null : colorOf(child(tcPr, 'a:solidFill'), theme)
      const fill = own === null ? undefined : (own ?? styled.fill ?? undefined)
      const paragraphs: Paragraph[] = readParagraphs(child(tc, 'a:txBody'), textEnv).map((p) => ({
        ...p,
        runs: p.runs.map((run) => ({
          ...run,
          ...(run.color === undefined && styled.color ? { color: styled.color } : {}),
          ...(run.bold === undefined && styled.bold ? { bold: true } : {}),
          ...(run.italic === undefined && styled.italic ? { italic: true } : {})
        }))
      }))
      const mar = (k: keyof typeof MAR, s: number) => r2(Math.max(0, numAttr(tcPr, k) ?? MAR[k]) * s)
      const anchor = ANCHOR[(attr(tcPr, 'anchor') ?? 't') as keyof typeof ANCHOR] ?? 'top'
      return {
        paragraphs,
        ...(fill ? { fill } : {}),
        colSpan: Math.max(1, numAttr(tc, 'gridSpan') ?? 1),
        rowSpan: Math.max(1, numAttr(tc, 'rowSpan') ?? 1),
        merged: (boolAttr(tc, 'hMerge') ?? false) || (boolAttr(tc, 'vMerge') ?? false),
        margins: { l: mar('marL', ctx.sx), r: mar('marR', ctx.sx), t: mar('marT', ctx.sy), b: mar('marB', ctx.sy) },
        ...(anchor !== 'top' ? { verticalAlign: anchor } : {})
      }
    })
    while (cells.length < cols.length) cells.push({ paragraphs: [], colSpan: 1, rowSpan: 1, merged: true })
    cells.length = cols.length
    return { height: Math.max(1, r2((numAttr(tr, 'h') ?? 370840) * ctx.sy)), cells }
  })
  if (!rows.length) return
  const border = tableBorder(style, theme)
  out.push({
    type: 'table',
    id: ctx.id('tb'),
    x: f.x,
    y: f.y,
    w: f.w,
    h: f.h,
    rotation: f.rotation,
    opacity: 1,
    locked: false,
    columns: cols,
    rows,
    // A style without lines draws none: the borders are transparent rather than the default black.
    borderColor: border === null || (style && border === undefined) ? '#00000000' : (border ?? '#000000'),
    headerRow: flags.firstRow
  })
}
