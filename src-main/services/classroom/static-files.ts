/**
 * The built tablet pages' bytes, compressed once and kept in memory. Forty tablets load the
 * same ~180 KB of script over one busy classroom Wi-Fi at the bell: sent as brotli (or gzip)
 * it is about a third of that, and a tablet that has the hashed assets from the last lesson
 * asks for nothing but the page (answered 304 when it has not changed).
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export type Encoding = 'br' | 'gzip' | 'identity'

interface Entry {
  readonly mtimeMs: number
  readonly size: number
  readonly raw: Buffer
  /** The content's hash; the ETag adds the encoding. */
  readonly etag: string
  br?: Buffer
  gzip?: Buffer
}

/** Text types are worth compressing; images, fonts and the PDF viewer's binary maps are not. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg\+xml)/
/** Files larger than this are read on each request instead of kept (the pages' assets are far smaller). */
const MAX_CACHED_BYTES = 4 * 1024 * 1024
/** Below this, the compressed frame and header cost about what they save. */
const MIN_COMPRESS_BYTES = 512

const cache = new Map<string, Entry>()

/** The encoding the client prefers of those we have; a q=0 refuses one (RFC 9110 §12.5.3). */
export function pickEncoding(header: string | string[] | undefined): Encoding {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '')
  const q = new Map<string, number>()
  for (const part of text.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qp ? Number(qp.slice(2)) : 1
    q.set(name, Number.isFinite(value) ? value : 0)
  }
  const of = (name: string): number => q.get(name) ?? (q.has('*') ? q.get('*')! : 0)
  const br = of('br')
  const gz = of('gzip')
  if (br > 0 && br >= gz) return 'br'
  if (gz > 0) return 'gzip'
  return 'identity'
}

export interface StaticBody {
  readonly body: Buffer
  readonly encoding: Encoding
  /** Of the content and the encoding: each representation has its own (RFC 9110 §8.8.3). */
  readonly etag: string
  /** Whether the response depends on Accept-Encoding (it does for every compressible type). */
  readonly varies: boolean
}

/** The bytes to send for `file` of content type `type` to a client that accepts `accept`. */
export function staticBody(file: string, type: string, accept: string | string[] | undefined): StaticBody {
  const st = statSync(file)
  let entry = cache.get(file)
  if (!entry || entry.mtimeMs !== st.mtimeMs || entry.size !== st.size) {
    const raw = readFileSync(file)
    // The ETag is of the content, so a rebuild that writes the same bytes keeps tablets' copies valid.
    entry = {
      mtimeMs: st.mtimeMs,
      size: st.size,
      raw,
      etag: createHash('sha256').update(raw).digest('base64url').slice(0, 27)
    }
    if (raw.length <= MAX_CACHED_BYTES) cache.set(file, entry)
  }
  const varies = COMPRESSIBLE.test(type) && entry.raw.length >= MIN_COMPRESS_BYTES
  const encoding = varies ? pickEncoding(accept) : 'identity'
  if (encoding === 'br') {
    // Quality 9: within a few per cent of 11 on these files, at a tenth of the time (it runs once per file).
    entry.br ??= brotliCompressSync(entry.raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: entry.raw.length
      }
    })
    return { body: entry.br, encoding, etag: `"${entry.etag}-br"`, varies }
  }
  if (encoding === 'gzip') {
    entry.gzip ??= gzipSync(entry.raw, { level: 9 })
    return { body: entry.gzip, encoding, etag: `"${entry.etag}-gz"`, varies }
  }
  return { body: entry.raw, encoding, etag: `"${entry.etag}"`, varies }
}

/** Whether the client's If-None-Match already names this ETag (a weak match is enough for GET). */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
}
