/**
 * 微课 recordings: the renderer's fragmented MP4, written under `<data>/recordings/<id>/video.mp4`
 * as its chunks arrive (hashed on the way, fsync'd at each fragment's end), then filed in the
 * library as 微课 on the deck's chapter. `meta.json` beside it says what the recording is and
 * whether it finished; one that did not is offered at the next start for repair or discard.
 */
import { createHash, randomUUID, type Hash } from 'node:crypto'
import { linkSync, existsSync, mkdirSync } from 'node:fs'
import { mkdir, open, readdir, readFile, rm, stat, writeFile, rename, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import {
  ALL_FORMATS,
  Conversion,
  CustomSource,
  FilePathSource,
  FilePathTarget,
  Input,
  Mp4OutputFormat,
  Output
} from 'mediabunny'
import {
  MAX_RECORDING_CHUNK,
  RecordingId,
  type RecordingAppend,
  type RecordingItem,
  type RecordingStart,
  type RecordingTrim,
  type UnfinishedRecording
} from '../../../src-shared/contract/recordings'
import type { Curriculum } from '../../../src-shared/courseware/manifest'
import { AppError } from '../../../src-shared/errors'
import { hashFile } from '../library/file-store'
import type { LibraryService } from '../library'
import { scanFragments } from './fragments'

export interface RecordingsServiceDeps {
  readonly dataDir: string
  readonly library: LibraryService
  readonly clock: () => Date
  /** The deck's place on the catalogue, read from its file when the recording starts. */
  readonly curriculumOf?: (deckPath: string) => Promise<Curriculum | null>
}

interface Meta {
  id: string
  deckId: string
  deckTitle: string
  curriculum: Curriculum | null
  lessonSessionId: string | null
  width: number
  height: number
  videoCodec: RecordingItem['videoCodec']
  audioCodec: RecordingItem['audioCodec']
  startedAt: string
  state: 'recording' | 'finished'
  item?: RecordingItem
}

interface Open {
  readonly meta: Meta
  readonly fh: FileHandle
  readonly hash: Hash
  size: number
  /** Appends run one after another: offsets are checked against what is really on disk. */
  queue: Promise<unknown>
}

const VIDEO = 'video.mp4'
const META = 'meta.json'
const THUMB = 'thumb.jpg'

export class RecordingsService {
  readonly dir: string
  readonly #deps: RecordingsServiceDeps
  readonly #open = new Map<string, Open>()

  constructor(deps: RecordingsServiceDeps) {
    this.#deps = deps
    this.dir = join(deps.dataDir, 'recordings')
  }

  async start(input: RecordingStart): Promise<{ id: string }> {
    const id = randomUUID()
    const folder = join(this.dir, id)
    await mkdir(folder, { recursive: true })
    let curriculum: Curriculum | null = null
    if (input.deckPath && this.#deps.curriculumOf) {
      // Without its file the recording is still kept, just not filed on a chapter.
      curriculum = await this.#deps.curriculumOf(input.deckPath).catch(() => null)
    }
    const meta: Meta = {
      id,
      deckId: input.deckId,
      deckTitle: input.deckTitle,
      curriculum,
      lessonSessionId: input.lessonSessionId,
      width: input.width,
      height: input.height,
      videoCodec: input.videoCodec,
      audioCodec: input.audioCodec,
      startedAt: this.#deps.clock().toISOString(),
      state: 'recording'
    }
    await writeMeta(folder, meta)
    const fh = await open(join(folder, VIDEO), 'wx+')
    this.#open.set(id, { meta, fh, hash: createHash('sha256'), size: 0, queue: Promise.resolve() })
    return { id }
  }

  append(input: z.output<typeof RecordingAppend>): Promise<{ size: number }> {
    const rec = this.#running(input.id)
    const run = rec.queue.then(() => this.#append(rec, input))
    rec.queue = run.catch(() => undefined)
    return run
  }

  async #append(rec: Open, input: z.output<typeof RecordingAppend>): Promise<{ size: number }> {
    const bytes = Buffer.from(input.data, 'base64')
    if (bytes.length > MAX_RECORDING_CHUNK) {
      throw new AppError(
        'LIMIT',
        `录像数据块太大（${bytes.length} 字节，上限 4 MB），没有写入。`,
        `The recording chunk is too large (${bytes.length} bytes, limit 4 MB); it was not written.`,
        { id: rec.meta.id, size: bytes.length }
      )
    }
    if (input.offset !== rec.size) {
      throw new AppError(
        'CONFLICT',
        `录像数据块的位置不对（应从第 ${rec.size} 字节接着写，收到的是第 ${input.offset} 字节），没有写入。已写入的部分不受影响。`,
        `The recording chunk is out of place (expected offset ${rec.size}, got ${input.offset}); it was not written. What was written is unchanged.`,
        { id: rec.meta.id, expected: rec.size, offset: input.offset }
      )
    }
    try {
      await rec.fh.write(bytes, 0, bytes.length, rec.size)
      if (input.fragmentEnd) await rec.fh.datasync()
    } catch (e) {
      throw writeFailed(e, rec.size)
    }
    rec.hash.update(bytes)
    rec.size += bytes.length
    return { size: rec.size }
  }

  async thumbnail({ id, jpeg }: { id: string; jpeg: string }): Promise<{ ok: true }> {
    this.#running(id)
    const bytes = Buffer.from(jpeg, 'base64')
    if (bytes[0] !== 0xff || bytes[1] !== 0xd8) {
      throw new AppError('VALIDATION', '缩略图不是 JPEG 图片。', 'The thumbnail is not a JPEG picture.', { id })
    }
    await writeFile(join(this.dir, id, THUMB), bytes)
    return { ok: true }
  }

  /** The end of a recording: durable, checked by a real parser, filed in the library. */
  async finish({ id }: { id: string }): Promise<RecordingItem> {
    const rec = this.#running(id)
    await rec.queue
    this.#open.delete(id)
    let torn = false
    try {
      // A recording the renderer had to stop early (an encoder error, a full disk) ends mid-fragment:
      // it is cut back to its last whole fragment, as a repair would.
      const scan = await scanFragments(rec.fh, rec.size)
      if (!scan.finished && scan.hasHeader && scan.fragments > 0 && scan.wholeBytes < rec.size) {
        await rec.fh.truncate(scan.wholeBytes)
        torn = true
      }
      await rec.fh.datasync()
    } finally {
      await rec.fh.close()
    }
    const file = join(this.dir, id, VIDEO)
    if (torn) return this.#file(rec.meta, await hashFile(file), (await stat(file)).size, true)
    return this.#file(rec.meta, rec.hash.digest('hex'), rec.size, false)
  }

  /** Recordings a crash or a closed app left unfinished, with what a repair would keep. */
  async unfinished(): Promise<UnfinishedRecording[]> {
    const out: UnfinishedRecording[] = []
    for (const meta of await this.#metas()) {
      if (meta.state !== 'recording' || this.#open.has(meta.id)) continue
      const file = join(this.dir, meta.id, VIDEO)
      const size = await stat(file).then(
        (s) => s.size,
        () => 0
      )
      out.push({ id: meta.id, deckTitle: meta.deckTitle, startedAt: meta.startedAt, size, keptMs: await keptMs(file) })
    }
    return out.sort((a, b) => a.startedAt.localeCompare(b.startedAt))
  }

  /** Makes an unfinished recording playable from its whole fragments and files it like a finished one. */
  async repair({ id }: { id: string }): Promise<RecordingItem> {
    const meta = await this.#unfinishedMeta(id)
    const file = join(this.dir, id, VIDEO)
    const fh = await open(file, 'r+')
    try {
      const scan = await scanFragments(fh, (await fh.stat()).size)
      if (!scan.hasHeader || scan.fragments === 0) {
        throw new AppError(
          'FILE_INVALID',
          `“${meta.deckTitle}”的录像在第一段写完之前就中断了，没有可以保留的画面。请选择“删除”。`,
          `The recording of "${meta.deckTitle}" stopped before its first part was written; nothing can be kept. Choose Discard.`,
          { id }
        )
      }
      await fh.truncate(scan.wholeBytes)
      await fh.datasync()
    } finally {
      await fh.close()
    }
    const size = (await stat(file)).size
    return this.#file(meta, await hashFile(file), size, true)
  }

  async discard({ id }: { id: string }): Promise<{ discarded: true }> {
    await this.#unfinishedMeta(id)
    await rm(join(this.dir, id), { recursive: true, force: true })
    return { discarded: true }
  }

  async list(): Promise<RecordingItem[]> {
    const items = (await this.#metas()).flatMap((m) => (m.state === 'finished' && m.item ? [m.item] : []))
    return items.sort((a, b) => b.finishedAt.localeCompare(a.finishedAt))
  }

  /**
   * Cuts the start and end off a finished recording by copying its packets (no re-encoding) into a
   * new file: the cut falls on the key frame at or before `startMs` (one every 2 s), so up to 2 s
   * more may be kept at the start. The trimmed video replaces the old one in the library.
   */
  async trim(input: z.output<typeof RecordingTrim>): Promise<RecordingItem> {
    const meta = await this.#finishedMeta(input.id)
    const old = meta.item!
    const src = this.#deps.library.get(old.resourceId).absolutePath
    if (input.startMs >= old.durationMs) {
      throw new AppError(
        'VALIDATION',
        `开始时间超出了录像长度（${Math.round(old.durationMs / 1000)} 秒）。`,
        `The start is past the end of the recording (${Math.round(old.durationMs / 1000)} s).`,
        { id: input.id }
      )
    }
    const tmp = join(this.dir, input.id, `trim-${randomUUID()}.mp4`)
    const source = new Input({ source: new FilePathSource(src), formats: ALL_FORMATS })
    try {
      const output = new Output({
        format: new Mp4OutputFormat({ fastStart: 'in-memory' }),
        target: new FilePathTarget(tmp)
      })
      const conversion = await Conversion.init({
        input: source,
        output,
        trim: { start: input.startMs / 1000, end: Math.min(input.endMs, old.durationMs) / 1000 },
        copy: { mode: 'forced', boundaryPolicy: 'expand', shiftTolerance: Infinity }
      })
      if (!conversion.isValid) {
        throw new AppError(
          'FILE_INVALID',
          '这段录像无法不重新编码地剪辑。',
          'This recording cannot be trimmed without re-encoding.',
          {
            discarded: conversion.discardedTracks.map((d) => d.reason)
          }
        )
      }
      await conversion.execute()
    } catch (e) {
      await rm(tmp, { force: true })
      throw e
    } finally {
      source.dispose()
    }
    const size = (await stat(tmp)).size
    const sha = await hashFile(tmp)
    const video = join(this.dir, input.id, VIDEO)
    await rename(tmp, video)
    const item = await this.#file({ ...meta, state: 'recording' }, sha, size, old.repaired)
    if (item.resourceId !== old.resourceId) await this.#deps.library.remove(old.resourceId)
    return item
  }

  /** Closes what is still open (the app is quitting): made durable, it stays unfinished and is offered for repair. */
  async dispose(): Promise<void> {
    for (const rec of this.#open.values()) {
      await rec.queue
      await rec.fh.datasync().catch(() => undefined)
      await rec.fh.close().catch(() => undefined)
    }
    this.#open.clear()
  }

  async #file(meta: Meta, sha256: string, size: number, repaired: boolean): Promise<RecordingItem> {
    const folder = join(this.dir, meta.id)
    const file = join(folder, VIDEO)
    const probe = await probeVideo(file, meta.deckTitle)
    const thumbPath = existsSync(join(folder, THUMB)) ? join(folder, THUMB) : null
    const title = meta.deckTitle.trim() || '课堂录像'
    const { resource } = await this.#deps.library.addRecorded(
      { path: file, sha256, size, fileName: `${title.slice(0, 80)}.mp4`, thumbnailPath: thumbPath },
      {
        title: title.slice(0, 200),
        type: '微课',
        ...(meta.curriculum ? { chapter: meta.curriculum } : {}),
        tags: ['课堂录像']
      }
    )
    const mediaDir = join(this.#deps.dataDir, 'media')
    const video = { hash: resource.sha256, ext: 'mp4' as const }
    serveAsMedia(this.#deps.library.get(resource.id).absolutePath, mediaDir, `${video.hash}.mp4`)
    let thumbnail: RecordingItem['thumbnail'] = null
    if (thumbPath) {
      const thumbHash = await hashFile(thumbPath)
      serveAsMedia(thumbPath, mediaDir, `${thumbHash}.jpg`)
      thumbnail = { hash: thumbHash, ext: 'jpg' }
    }
    const item: RecordingItem = {
      id: meta.id,
      resourceId: resource.id,
      title: resource.title,
      durationMs: probe.durationMs,
      size,
      width: meta.width,
      height: meta.height,
      videoCodec: meta.videoCodec,
      audioCodec: probe.hasAudio ? meta.audioCodec : null,
      video,
      thumbnail,
      repaired,
      finishedAt: this.#deps.clock().toISOString()
    }
    await writeMeta(folder, { ...meta, state: 'finished', item })
    return item
  }

  #running(id: string): Open {
    const rec = this.#open.get(id)
    if (!rec) {
      throw new AppError(
        'NOT_FOUND',
        '没有正在进行的这段录像（可能已经结束，或程序重启过）。',
        'There is no running recording with this id (it may have ended, or the app restarted).',
        { id }
      )
    }
    return rec
  }

  async #metas(): Promise<Meta[]> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    const out: Meta[] = []
    for (const name of names) {
      if (!RecordingId.safeParse(name).success) continue
      const meta = await readMeta(join(this.dir, name))
      if (meta) out.push(meta)
    }
    return out
  }

  async #unfinishedMeta(id: string): Promise<Meta> {
    const meta = await readMeta(join(this.dir, id))
    if (!meta || meta.state !== 'recording' || this.#open.has(id)) {
      throw new AppError(
        'NOT_FOUND',
        '没有这段未完成的录像（可能已经修复或删除）。',
        'There is no such unfinished recording (it may have been repaired or discarded already).',
        { id }
      )
    }
    return meta
  }

  async #finishedMeta(id: string): Promise<Meta> {
    const meta = await readMeta(join(this.dir, id))
    if (!meta || meta.state !== 'finished' || !meta.item) {
      throw new AppError('NOT_FOUND', '资源库里没有这段录像。', 'This recording is not in the library.', { id })
    }
    return meta
  }
}

async function writeMeta(folder: string, meta: Meta): Promise<void> {
  const tmp = join(folder, `${META}.tmp`)
  await writeFile(tmp, JSON.stringify(meta, null, 2))
  await rename(tmp, join(folder, META))
}

async function readMeta(folder: string): Promise<Meta | null> {
  try {
    return JSON.parse(await readFile(join(folder, META), 'utf8')) as Meta
  } catch {
    return null
  }
}

/** The library and the media route serve one file: a hard link, so a long video is never copied. */
function serveAsMedia(file: string, mediaDir: string, name: string): void {
  mkdirSync(mediaDir, { recursive: true })
  const dest = join(mediaDir, name)
  if (!existsSync(dest)) linkSync(file, dest)
}

/** Reads the file back with mediabunny's demuxer: a file it cannot read is not filed as finished. */
async function probeVideo(file: string, title: string): Promise<{ durationMs: number; hasAudio: boolean }> {
  const input = new Input({ source: new FilePathSource(file), formats: ALL_FORMATS })
  try {
    const durationMs = Math.round((await input.computeDuration()) * 1000)
    const hasAudio = (await input.getAudioTracks()).length > 0
    if ((await input.getVideoTracks()).length === 0) throw new Error('no video track')
    return { durationMs, hasAudio }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    throw new AppError(
      'FILE_INVALID',
      `“${title}”的录像文件无法读取（${why}），已保留在录像文件夹里，下次启动时可以修复。`,
      `The recording of "${title}" cannot be read (${why}); it is kept in the recordings folder and can be repaired at the next start.`,
      { file }
    )
  } finally {
    input.dispose()
  }
}

async function keptMs(file: string): Promise<number> {
  const fh = await open(file, 'r').catch(() => null)
  if (!fh) return 0
  try {
    const scan = await scanFragments(fh, (await fh.stat()).size)
    if (!scan.hasHeader || scan.fragments === 0) return 0
    // What the whole fragments hold: the parser sees the file only up to where a repair would cut it.
    const whole = scan.wholeBytes
    const input = new Input({
      source: new CustomSource({
        getSize: () => whole,
        read: async (start, end) => {
          const buf = Buffer.alloc(end - start)
          await fh.read(buf, 0, buf.length, start)
          return buf
        },
        prefetchProfile: 'fileSystem'
      }),
      formats: ALL_FORMATS
    })
    try {
      return Math.round((await input.computeDuration()) * 1000)
    } catch {
      return 0
    } finally {
      input.dispose()
    }
  } finally {
    await fh.close()
  }
}

function writeFailed(e: unknown, kept: number): AppError {
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : ''
  if (code === 'ENOSPC') {
    return new AppError(
      'UNAVAILABLE',
      `磁盘已满，录像停止写入。已写入的 ${(kept / 1048576).toFixed(1)} MB 保留着，可以修复成能播放的视频。请清理磁盘。`,
      `The disk is full, so the recording stopped. The ${(kept / 1048576).toFixed(1)} MB written so far is kept and can be repaired into a playable video. Free some space.`,
      { code, kept }
    )
  }
  return AppError.from(e)
}
