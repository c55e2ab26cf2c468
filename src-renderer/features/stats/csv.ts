/**
 * Tables as CSV that Excel opens correctly with Chinese text: a UTF-8 byte-order mark, CRLF line
 * ends, and every field that holds a comma, quote or line break quoted (quotes doubled).
 * Fields that a spreadsheet would run as a formula (=, +, -, @ first) are prefixed with '.
 */
import { downloadBlob, downloadHref } from '../../composables/download'

export type Cell = string | number | boolean | null | undefined

export function toCsv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const field = (v: Cell): string => {
    if (v === null || v === undefined) return ''
    let s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v)
    if (/^[=+\-@]/.test(s) && typeof v !== 'number') s = `'${s}`
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return '\uFEFF' + [headers, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n'
}

/** A 0..1 rate as a percentage with one decimal, or empty when there is none. */
export function percent(rate: number | null): string {
  return rate === null ? '' : `${Math.round(rate * 1000) / 10}%`
}

/** Starts a download of text or a data URL in the page. */
export function download(fileName: string, content: string, mime = 'text/csv;charset=utf-8'): void {
  if (content.startsWith('data:')) downloadHref(fileName, content)
  else downloadBlob(fileName, new Blob([content], { type: mime }))
}
