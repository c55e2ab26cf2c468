/**
 * For tests: an .xlsx read back into rows of values per sheet name, through the workbook's
 * own relationships, with inline strings, shared strings, numbers and booleans. Enough to
 * check what we wrote and what LibreOffice wrote, nothing more.
 */
import { strFromU8, unzipSync } from 'fflate'
import { XMLParser } from 'fast-xml-parser'

export type ReadCell = string | number | boolean | null

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['sheet', 'row', 'c', 'si', 'r', 'Relationship'].includes(name)
})

const text = (node: unknown): string => {
  if (node === undefined || node === null) return ''
  if (typeof node === 'string' || typeof node === 'number') return String(node)
  const n = node as { '#text'?: unknown; t?: unknown; r?: unknown[] }
  if (n.r) return n.r.map((r) => text((r as { t?: unknown }).t)).join('')
  if (n.t !== undefined) return text(n.t)
  return n['#text'] === undefined ? '' : String(n['#text'])
}

function columnIndex(ref: string): number {
  let n = 0
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}

export function readXlsx(bytes: Uint8Array): Record<string, ReadCell[][]> {
  const files = unzipSync(bytes)
  const xml = (path: string): Record<string, unknown> =>
    parser.parse(strFromU8(files[path]!)) as Record<string, unknown>
  const shared = files['xl/sharedStrings.xml']
    ? ((xml('xl/sharedStrings.xml').sst as { si?: unknown[] }).si ?? []).map(text)
    : []
  const rels = (xml('xl/_rels/workbook.xml.rels').Relationships as { Relationship: { Id: string; Target: string }[] })
    .Relationship
  const sheets = (xml('xl/workbook.xml').workbook as { sheets: { sheet: { name: string; 'r:id': string }[] } }).sheets
    .sheet
  const out: Record<string, ReadCell[][]> = {}
  for (const s of sheets) {
    const target = rels.find((r) => r.Id === s['r:id'])!.Target.replace(/^\/?(xl\/)?/, '')
    const data = (
      xml(`xl/${target}`).worksheet as { sheetData?: { row?: { r: string; c?: Record<string, unknown>[] }[] } }
    ).sheetData
    const rows: ReadCell[][] = []
    for (const row of data?.row ?? []) {
      const cells: ReadCell[] = []
      for (const c of row.c ?? []) {
        const t = c.t as string | undefined
        const v = c.v
        let value: ReadCell
        if (t === 'inlineStr') value = text(c.is)
        else if (t === 's') value = shared[Number(v)] ?? ''
        else if (t === 'str') value = text(v)
        else if (t === 'b') value = Number(v) === 1
        else value = v === undefined ? null : Number(v)
        cells[columnIndex(String(c.r))] = value
      }
      rows[Number(row.r) - 1] = Array.from(cells, (x) => x ?? null)
    }
    out[s.name] = Array.from(rows, (x) => x ?? [])
  }
  return out
}
