/**
 * Names come from students' devices, so they are untrusted: cleaned on the way in and
 * escaped on the way out (HTML, CSV). Vue text interpolation escapes too; these cover the
 * places Vue does not (server-made HTML, CSV opened in Excel).
 */

export const NAME_MAX = 20

/**
 * A display name with what can disguise it removed, or null when nothing usable is left. It is
 * not shortened: a typed name longer than NAME_MAX is refused (see nameTooLong), since a name cut
 * short may be someone else's.
 */
export function cleanName(raw: string): string | null {
  const s = raw
    .normalize('NFKC')
    // control characters, bidi overrides and zero-width marks can disguise or reorder a name
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
  return s === '' ? null : s
}

/** Whether a cleaned name is over NAME_MAX characters (code points, so 李 counts one). */
export function nameTooLong(name: string): boolean {
  return [...name].length > NAME_MAX
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
