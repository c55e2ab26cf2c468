/**
 * Media files over HTTP for both hosts (the browser host's server and Electron's app://
 * protocol): GET /media/<sha256>.<ext> reads from the content-addressed store, and
 * POST /media?ext=<ext> streams a file into it (hashing as it goes), so a 300 MB video never
 * travels through a JSON call. Uploads need the `x-classdeck-upload` header, which a page on
 * another origin cannot send without a CORS preflight that we never answer.
 */
import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Readable, Transform } from 'node:stream'
import { MediaExt, MEDIA_TYPES, type MediaRef } from '../../src-shared/courseware/primitives'
import { AppError } from '../../src-shared/errors'
import { safeFileName } from '../../src-shared/files/safe-file-name'

export const MEDIA_UPLOAD_HEADER = 'x-classdeck-upload'
export const MEDIA_UPLOAD_LIMIT = 1024 * 1024 * 1024 // 1 GiB: a long 微课 video
const NAME = /^\/media\/([0-9a-f]{64})\.([a-z0-9]{1,5})$/

export function mediaFileFor(mediaDir: string, pathname: string): { file: string; mime: string } | null {
  const m = NAME.exec(pathname)
  if (!m) return null
  const ext = MediaExt.safeParse(m[2])
  if (!ext.success) return null
  const file = join(mediaDir, `${m[1]}.${ext.data}`)
  return existsSync(file) ? { file, mime: MEDIA_TYPES[ext.data] } : null
}

export function openMedia(file: string, range?: { start: number; end?: number }): Readable {
  return createReadStream(file, range)
}

export function mediaSize(file: string): number {
  return statSync(file).size
}

/** Streams an upload into the store under its SHA-256; refuses what is too large or of an unknown type. */
export async function storeMediaUpload(
  mediaDir: string,
  extParam: string | null,
  body: AsyncIterable<Uint8Array>
): Promise<MediaRef> {
  const ext = MediaExt.safeParse(extParam)
  if (!ext.success || ext.data === 'bin') {
    throw new AppError(
      'VALIDATION',
      `不支持的媒体类型：${String(extParam)}`,
      `Unsupported media type: ${String(extParam)}`
    )
  }
  mkdirSync(mediaDir, { recursive: true })
  const tmp = join(mediaDir, `.upload-${randomUUID()}`)
  const hash = createHash('sha256')
  let size = 0
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length
      if (size > MEDIA_UPLOAD_LIMIT)
        return done(new AppError('LIMIT', '文件太大（上限 1 GB）', 'File too large (limit 1 GB)'))
      hash.update(chunk)
      done(null, chunk)
    }
  })
  try {
    await pipeline(Readable.from(body), counter, createWriteStream(tmp))
  } catch (err) {
    rmSync(tmp, { force: true })
    throw AppError.from(err)
  }
  if (size === 0) {
    rmSync(tmp, { force: true })
    throw new AppError('VALIDATION', '文件是空的', 'The file is empty')
  }
  const ref: MediaRef = { hash: hash.digest('hex'), ext: ext.data }
  const final = join(mediaDir, `${ref.hash}.${ref.ext}`)
  if (existsSync(final)) rmSync(tmp, { force: true })
  else renameSync(tmp, final)
  return ref
}

/** What each kind of upload may be: courseware to import, or anything a teacher files in the library. */
const UPLOAD_KINDS = {
  import: { exts: /\.(pptx|pptm|docx|edux|pdf)$/i, list: '.pptx .docx .edux .pdf' },
  library: {
    exts: /\.(pptx|pptm|ppt|docx|doc|edux|pdf|xlsx|xls|txt|png|jpe?g|gif|bmp|webp|svg|mp3|wav|m4a|ogg|mp4|webm|mov|m4v)$/i,
    list: '课件、文档、图片、音频、视频 / courseware, documents, pictures, audio, video'
  }
} as const
export type UploadPurpose = keyof typeof UPLOAD_KINDS
export const IMPORT_UPLOAD_LIMIT = 1024 * 1024 * 1024 // a 300 MB 微课 fits with room to spare

/**
 * A file the teacher picked in the browser, streamed to `<dataDir>/incoming/` so the services
 * (which read files) can take it. Returns its path on this machine.
 */
export async function storeIncomingUpload(
  dataDir: string,
  nameParam: string | null,
  body: AsyncIterable<Uint8Array>,
  purposeParam: string | null = 'import'
): Promise<string> {
  const name = safeFileName(nameParam ?? '')
  const kind = UPLOAD_KINDS[(purposeParam === 'library' ? 'library' : 'import') as UploadPurpose]
  if (!kind.exts.test(name)) {
    throw new AppError(
      'VALIDATION',
      `不能导入这种文件：${name}（支持 ${kind.list}）`,
      `Cannot take this kind of file: ${name} (${kind.list})`
    )
  }
  const dir = join(dataDir, 'incoming', randomUUID())
  mkdirSync(dir, { recursive: true })
  const file = join(dir, name)
  let size = 0
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length
      if (size > IMPORT_UPLOAD_LIMIT)
        return done(new AppError('LIMIT', '文件太大（上限 1 GB）', 'File too large (limit 1 GB)'))
      done(null, chunk)
    }
  })
  try {
    await pipeline(Readable.from(body), counter, createWriteStream(file))
  } catch (err) {
    rmSync(dir, { recursive: true, force: true })
    throw AppError.from(err)
  }
  return file
}

/** An exported file in `<dataDir>/exports/`, by its name only. */
export function exportFileFor(dataDir: string, pathname: string): string | null {
  const m = /^\/exports\/([^/]+)$/.exec(pathname)
  if (!m) return null
  // A malformed escape (`/exports/%`) is no file, not an exception out of the request handler.
  let decoded: string
  try {
    decoded = decodeURIComponent(m[1])
  } catch {
    return null
  }
  const name = safeFileName(decoded)
  const file = join(dataDir, 'exports', name)
  return existsSync(file) ? file : null
}
