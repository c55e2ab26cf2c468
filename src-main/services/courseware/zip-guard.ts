/**
 * Every zip ClassDeck reads (.edux, .pptx, .docx) goes through here first. The central directory is
 * inspected before a single byte is inflated, so a hostile archive is refused in milliseconds:
 * too many entries, too much declared data, a suspicious ratio, names that escape the folder
 * (zip slip), overlapping entries (Fifield's non-recursive bomb), nested archives (42.zip),
 * encryption. Inflating itself is fflate's; an entry is inflated only when asked for, a few KB of
 * input at a time into a buffer of its declared size, with a running count: the header's size is
 * the attacker's word, so an entry that inflates past it is stopped there (at most 16 MB past, in
 * milliseconds) instead of being inflated to the end.
 */
import { Inflate, inflateSync } from 'fflate'
import { AppError } from '../../../src-shared/errors'

export interface ZipLimits {
  readonly maxEntries: number
  readonly maxTotalBytes: number
  readonly maxEntryBytes: number
  /** Uncompressed ÷ compressed, checked for entries above ratioMinBytes. */
  readonly maxRatio: number
  readonly ratioMinBytes: number
  /** Entries matching this may be archives themselves (e.g. OLE embeddings); they are never opened. */
  readonly opaque?: RegExp
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntryBytes: 512 * 1024 * 1024,
  maxRatio: 200,
  ratioMinBytes: 1024 * 1024
}

export interface ZipEntryInfo {
  readonly name: string
  readonly compressedSize: number
  readonly size: number
  readonly method: number
}

/** Where an entry's data starts in the archive (after its local header). */
interface EntryLocation extends ZipEntryInfo {
  readonly start: number
}

/** Deflate's largest expansion (258-byte matches at one bit each): no input byte yields more. */
const MAX_DEFLATE_RATIO = 1032
/** How far past its declared size a lying entry may get before it is stopped. */
const OVERSHOOT_BYTES = 16 * 1024 * 1024

/**
 * Compressed bytes to hand the inflater next: as many as fit, even at deflate's largest ratio,
 * in what the entry still declares plus the overshoot; between 16 KB (fflate is slow on smaller
 * pieces) and 256 KB.
 */
const inflateStep = (remaining: number): number =>
  Math.min(256 * 1024, Math.max(16 * 1024, Math.floor((remaining + OVERSHOOT_BYTES) / MAX_DEFLATE_RATIO)))

const isZipMagic = (b: Uint8Array): boolean =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4

const ARCHIVE_EXT = /\.(zip|jar|7z|rar|gz|tgz|bz2|xz|zst|docx|pptx|xlsx|pptm|docm|xlsm|edux|odt|odp|ods)$/i

function refuse(
  file: string,
  reasonZh: string,
  reasonEn: string,
  code: 'FILE_INVALID' | 'LIMIT' = 'FILE_INVALID',
  extra: object = {}
): AppError {
  return new AppError(
    code,
    `无法读取“${file}”：${reasonZh}。该文件已被拒绝，请确认它来自可信来源且未损坏。`,
    `Cannot read "${file}": ${reasonEn}. The file was refused; check that it is undamaged and from a trusted source.`,
    { file, reason: reasonEn, reasonZh, ...extra }
  )
}

/** True when a name could write or read outside the folder it is extracted to. */
export function isUnsafeZipName(name: string): boolean {
  if (name.length === 0 || name.length > 1024 || name.includes('\0')) return true
  if (name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name)) return true
  return name.split(/[\\/]/).some((seg) => seg === '..')
}

/** A zip file we have decided to trust enough to read entries from. */
export class GuardedZip {
  readonly #bytes: Uint8Array
  readonly #entries: Map<string, EntryLocation>
  readonly #limits: ZipLimits
  readonly file: string

  private constructor(file: string, bytes: Uint8Array, entries: Map<string, EntryLocation>, limits: ZipLimits) {
    this.file = file
    this.#bytes = bytes
    this.#entries = entries
    this.#limits = limits
  }

  /** Inspect `bytes` (the whole archive) and refuse it, or return a reader. `file` names it in errors. */
  static open(file: string, bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): GuardedZip {
    const entries = readCentralDirectory(file, bytes, limits)
    return new GuardedZip(file, bytes, entries, limits)
  }

  get names(): string[] {
    return [...this.#entries.keys()]
  }

  has(name: string): boolean {
    return this.#entries.has(name)
  }

  info(name: string): ZipEntryInfo | undefined {
    const e = this.#entries.get(name)
    return e && { name: e.name, compressedSize: e.compressedSize, size: e.size, method: e.method }
  }

  /** The entry's bytes; throws FILE_INVALID if it is missing, an opaque archive, or a disguised zip. */
  read(name: string): Uint8Array {
    const info = this.#entries.get(name)
    if (!info) throw refuse(this.file, `缺少 ${name}`, `${name} is missing`, 'FILE_INVALID', { entry: name })
    if (this.#isOpaqueArchive(name)) {
      throw refuse(
        this.file,
        `${name} 是嵌入的压缩包，不会被打开`,
        `${name} is an embedded archive and is never opened`,
        'FILE_INVALID',
        { entry: name }
      )
    }
    return this.#inflate(info, true)!
  }

  /** Several entries; missing ones and opaque embedded archives are left out. */
  readMany(names: readonly string[]): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>()
    for (const n of new Set(names)) {
      const info = this.#entries.get(n)
      if (info && !this.#isOpaqueArchive(n)) out.set(n, this.#inflate(info, true)!)
    }
    return out
  }

  /**
   * Inflate every entry without keeping it, and refuse the archive if any holds more than its
   * header declares. After this, another reader of the same bytes (mammoth's JSZip, which
   * inflates whole entries with no limit) inflates at most the declared sizes checked on open.
   */
  verify(): void {
    for (const info of this.#entries.values()) this.#inflate(info, false)
  }

  #isOpaqueArchive(name: string): boolean {
    return !!this.#limits.opaque?.test(name) && ARCHIVE_EXT.test(name)
  }

  /** The entry's bytes (or, with keep = false, only the check), never more than it declares. */
  #inflate(info: EntryLocation, keep: boolean): Uint8Array | null {
    const { name, size } = info
    const data = this.#bytes.subarray(info.start, info.start + info.compressedSize)
    const mayNest = !!this.#limits.opaque?.test(name)
    const nested = () =>
      refuse(this.file, `${name} 里藏着另一个压缩包`, `${name} is a nested zip archive`, 'FILE_INVALID', {
        entry: name
      })
    if (info.method === 0) {
      if (!mayNest && isZipMagic(data)) throw nested()
      return keep ? data.slice() : null
    }
    const fail = (e: unknown) =>
      refuse(
        this.file,
        `${name} 无法解压（${(e as Error).message}）`,
        `${name} cannot be decompressed (${(e as Error).message})`,
        'FILE_INVALID',
        { entry: name }
      )
    let out: Uint8Array | null
    let head: Uint8Array
    let n = 0
    let over = false
    if (data.length * MAX_DEFLATE_RATIO <= size + OVERSHOOT_BYTES) {
      // Too small to run far past its size even at deflate's largest ratio: one call, into a buffer
      // one byte longer than declared (fflate drops what does not fit; a stored block throws).
      try {
        out = inflateSync(data, { out: new Uint8Array(size + 1) })
      } catch (e) {
        if (!(e instanceof RangeError)) throw fail(e)
        out = new Uint8Array(size + 1)
      }
      n = out.length
      over = n > size
      head = out.subarray(0, 4)
      if (!keep) out = null
    } else {
      const buffer = keep ? new Uint8Array(size) : null
      out = buffer
      const first = new Uint8Array(4)
      head = first
      const inflater = new Inflate((chunk) => {
        if (over) return
        if (n < 4) first.set(chunk.subarray(0, 4 - n), n)
        if (n + chunk.length > size) {
          over = true
          return
        }
        buffer?.set(chunk, n)
        n += chunk.length
      })
      try {
        for (let o = 0; o < data.length && !over;) {
          const end = Math.min(o + inflateStep(size - n), data.length)
          inflater.push(data.subarray(o, end), end === data.length)
          o = end
          if (!mayNest && n >= 4 && isZipMagic(first)) throw nested()
        }
      } catch (e) {
        if (e instanceof AppError) throw e
        throw fail(e)
      }
    }
    if (over) {
      throw refuse(
        this.file,
        `条目“${name}”解压后超过它声明的 ${size} 字节（压缩炸弹）`,
        `entry "${name}" inflates past its declared ${size} bytes (a zip bomb)`,
        'LIMIT',
        { entry: name, declared: size, bomb: true }
      )
    }
    if (n !== size) {
      throw refuse(
        this.file,
        `条目“${name}”声明 ${size} 字节，实际只有 ${n} 字节`,
        `entry "${name}" declares ${size} bytes but holds ${n}`,
        'FILE_INVALID',
        { entry: name, declared: size, actual: n }
      )
    }
    if (!mayNest && isZipMagic(head)) throw nested()
    return out
  }

  text(name: string): string {
    return new TextDecoder('utf-8').decode(this.read(name))
  }
}

function readCentralDirectory(file: string, d: Uint8Array, limits: ZipLimits): Map<string, EntryLocation> {
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength)
  const u16 = (o: number) => view.getUint16(o, true)
  const u32 = (o: number) => view.getUint32(o, true)
  const notZip = () =>
    refuse(
      file,
      '不是有效的 zip 文件（可能已损坏或被截断）',
      'it is not a valid zip file (it may be damaged or truncated)'
    )
  if (d.length < 22) throw notZip()
  let e = d.length - 22
  const stop = Math.max(0, d.length - 22 - 65535)
  while (e >= stop && u32(e) !== 0x06054b50) e--
  if (e < stop) throw notZip()
  let count = u16(e + 10)
  let cdOffset = u32(e + 16)
  if ((count === 0xffff || cdOffset === 0xffffffff) && e >= 20 && u32(e - 20) === 0x07064b50) {
    const z = Number(view.getBigUint64(e - 12, true))
    if (z + 56 > d.length || u32(z) !== 0x06064b50) throw notZip()
    count = Number(view.getBigUint64(z + 32, true))
    cdOffset = Number(view.getBigUint64(z + 48, true))
  }
  if (count > limits.maxEntries) {
    throw refuse(
      file,
      `条目过多（${count} 个，上限 ${limits.maxEntries}）`,
      `too many entries (${count}, limit ${limits.maxEntries})`,
      'LIMIT',
      { entries: count }
    )
  }
  const entries = new Map<string, EntryLocation>()
  const ranges: [number, number, string][] = []
  let total = 0
  let o = cdOffset
  const decoder = new TextDecoder('utf-8')
  for (let i = 0; i < count; i++) {
    if (o + 46 > d.length || u32(o) !== 0x02014b50) throw notZip()
    const flags = u16(o + 8)
    const method = u16(o + 10)
    let csize = u32(o + 20)
    let usize = u32(o + 24)
    const nameLen = u16(o + 28)
    const extraLen = u16(o + 30)
    const commentLen = u16(o + 32)
    let local = u32(o + 42)
    if (o + 46 + nameLen + extraLen > d.length) throw notZip()
    // As fflate does: UTF-8 when flag 11 is set, otherwise bytes as Latin-1 (so both agree on names).
    const rawName = d.subarray(o + 46, o + 46 + nameLen)
    const name = flags & 0x800 ? decoder.decode(rawName) : String.fromCharCode(...rawName)
    // ZIP64 sizes live in extra field 0x0001, in order, only for the fields that are 0xFFFFFFFF.
    let x = o + 46 + nameLen
    const xEnd = x + extraLen
    while (x + 4 <= xEnd) {
      const id = u16(x)
      const len = u16(x + 2)
      if (id === 1) {
        let p = x + 4
        const next = () => {
          const v = Number(view.getBigUint64(p, true))
          p += 8
          return v
        }
        if (usize === 0xffffffff && p + 8 <= x + 4 + len) usize = next()
        if (csize === 0xffffffff && p + 8 <= x + 4 + len) csize = next()
        if (local === 0xffffffff && p + 8 <= x + 4 + len) local = next()
      }
      x += 4 + len
    }
    o = xEnd + commentLen
    if (isUnsafeZipName(name)) {
      throw refuse(
        file,
        `条目名“${name}”会写到文件夹之外（zip slip）`,
        `entry name "${name}" escapes its folder (zip slip)`,
        'FILE_INVALID',
        { entry: name }
      )
    }
    if (entries.has(name))
      throw refuse(file, `条目“${name}”重复出现`, `entry "${name}" appears twice`, 'FILE_INVALID', { entry: name })
    if (flags & 1)
      throw refuse(file, `条目“${name}”已加密`, `entry "${name}" is encrypted`, 'FILE_INVALID', { entry: name })
    if (method !== 0 && method !== 8) {
      throw refuse(
        file,
        `条目“${name}”使用了不支持的压缩方式 ${method}`,
        `entry "${name}" uses unsupported compression method ${method}`,
        'FILE_INVALID',
        { entry: name }
      )
    }
    if (ARCHIVE_EXT.test(name) && !limits.opaque?.test(name)) {
      throw refuse(file, `含有嵌套的压缩包“${name}”`, `it contains a nested archive "${name}"`, 'FILE_INVALID', {
        entry: name
      })
    }
    if (usize > limits.maxEntryBytes) {
      throw refuse(
        file,
        `条目“${name}”解压后过大（${usize} 字节）`,
        `entry "${name}" is too large uncompressed (${usize} bytes)`,
        'LIMIT',
        { entry: name, size: usize }
      )
    }
    if (usize > limits.ratioMinBytes && usize / Math.max(1, csize) > limits.maxRatio) {
      throw refuse(
        file,
        `条目“${name}”压缩比异常（疑似压缩炸弹）`,
        `entry "${name}" has a suspicious compression ratio (a zip bomb)`,
        'LIMIT',
        { entry: name, ratio: Math.round(usize / Math.max(1, csize)) }
      )
    }
    if (method === 0 && csize !== usize) throw notZip()
    total += usize
    if (total > limits.maxTotalBytes) {
      throw refuse(
        file,
        `解压后总大小超过上限 ${limits.maxTotalBytes} 字节（疑似压缩炸弹）`,
        `total uncompressed size exceeds ${limits.maxTotalBytes} bytes (a zip bomb)`,
        'LIMIT',
        { total }
      )
    }
    if (local + 30 > d.length || u32(local) !== 0x04034b50) throw notZip()
    const start = local + 30 + u16(local + 26) + u16(local + 28)
    if (start + csize > d.length) throw notZip()
    ranges.push([local, start + csize, name])
    entries.set(name, { name, compressedSize: csize, size: usize, method, start })
  }
  ranges.sort((a, b) => a[0] - b[0])
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]![0] < ranges[i - 1]![1]) {
      throw refuse(
        file,
        `条目“${ranges[i]![2]}”与“${ranges[i - 1]![2]}”重叠（疑似压缩炸弹）`,
        `entries "${ranges[i]![2]}" and "${ranges[i - 1]![2]}" overlap (a zip bomb)`,
        'LIMIT',
        { entry: ranges[i]![2] }
      )
    }
  }
  return entries
}
