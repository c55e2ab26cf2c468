/**
 * Names come from students' devices, so they are untrusted: cleaned on the way in and
 * escaped on the way out (HTML, CSV). Vue text interpolation escapes too; these cover the
 * places Vue does not (server-made HTML, CSV opened in Excel).
 */

export const NAME_MAX = 20

/** A display name fit to store, or null when nothing usable is left. */
export function cleanName(raw: string): string | null {
  const s = raw
    .normalize('NFKC')
    // control characters, bidi overrides and zero-width marks can disguise or reorder a name
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (s === '') return null
  return [...s].slice(0, NAME_MAX).join('')
}

/** The key two joins with the same typed name share (no roster). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)
}

/**
 * One CSV field: quoted, and a leading = + - @ (which Excel would run as a formula)
 * defused with an apostrophe.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  let s = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\n\r]/.test(s) || s !== String(value) ? `"${s.replace(/"/g, '""')}"` : s
}
