/**
 * The one rule for turning a name the teacher typed or picked (a deck title, an uploaded file's
 * name, a platform resource's name) into a file name we create inside our own folders. It must
 * hold on every system a teacher may use: Windows refuses `<>:"/\|?*`, control characters, the
 * device names (CON, NUL, COM1…) even with an extension, and silently drops trailing dots and
 * spaces; ext4 and APFS cap a name at 255 bytes, which a Chinese title (3 bytes a character in
 * UTF-8) reaches at 85 characters.
 *
 * The result is never a path (no separators, never `.` or `..`), never hidden (no leading dot),
 * and the same when sanitised again, so a name can travel through a URL and be looked up again.
 */

/**
 * Room under the 255-byte limit for what is added beside a name: the atomic writer's
 * `.<name>.<pid>.<rand>.tmp`, a download's `<id>-<name>.part`, a ` (2)` against a collision.
 */
export const MAX_FILE_NAME_BYTES = 200

const FORBIDDEN = '<>:"/\\|?*'
const forbidden = (ch: string): boolean => ch.charCodeAt(0) < 32 || ch === '\u007f' || FORBIDDEN.includes(ch)
const replaceForbidden = (s: string): string => [...s].map((ch) => (forbidden(ch) ? '_' : ch)).join('')
/** Windows device names, which no folder can hold, whatever follows the first dot. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i
/** A short trailing `.ext`, kept whole when the name is cut. */
const EXTENSION = /\.[A-Za-z0-9]{1,10}$/

const encoder = new TextEncoder()
const byteLength = (s: string): number => encoder.encode(s).length

/** Dots and spaces at either end: leading ones hide a file (or make `..`), trailing ones Windows drops. */
function trimEnds(s: string): string {
  return s.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '')
}

/** Cut to at most `max` UTF-8 bytes without splitting a character. */
function cutToBytes(s: string, max: number): string {
  let out = ''
  let bytes = 0
  for (const ch of s) {
    const n = byteLength(ch)
    if (bytes + n > max) break
    out += ch
    bytes += n
  }
  return out
}

export interface SafeFileNameOptions {
  /** Used for the part before the extension when nothing usable is left (an empty or all-dots name). */
  readonly fallback?: string
  readonly maxBytes?: number
  /**
   * For a name made from a title (`'.pptx'`): the whole title is the part before it, so a title
   * like “第1.2节” or “...” cannot lose or replace the extension. Must itself be safe.
   */
  readonly extension?: `.${string}`
}

/**
 * `name` as one safe file name: forbidden and control characters become `_`, ends are trimmed
 * of dots and spaces, a device name gets a leading `_`, and a name over `maxBytes` is shortened
 * before its extension. Chinese and every other printable character are kept as written.
 */
export function safeFileName(name: string, opts: SafeFileNameOptions = {}): string {
  const maxBytes = opts.maxBytes ?? MAX_FILE_NAME_BYTES
  const normalized = replaceForbidden(name.normalize('NFC'))
  const extMatch = opts.extension === undefined ? EXTENSION.exec(normalized) : null
  let ext = extMatch && trimEnds(normalized.slice(0, extMatch.index)) !== '' ? extMatch[0] : ''
  let stem = trimEnds(ext ? normalized.slice(0, -ext.length) : normalized)
  if (opts.extension !== undefined) ext = opts.extension
  if (stem === '') stem = trimEnds(replaceForbidden(opts.fallback ?? 'file')) || 'file'
  if (byteLength(ext) > maxBytes / 2) ext = ''
  const room = maxBytes - byteLength(ext)
  stem = trimEnds(cutToBytes(stem, room)) || 'file'
  if (RESERVED.test(stem.split('.')[0]!.trimEnd())) stem = `_${trimEnds(cutToBytes(stem, room - 1))}`
  return stem + ext
}
