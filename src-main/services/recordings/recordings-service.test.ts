import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny'
import { createAppCore, type AppCore } from '../../app-core'
import { dispatch } from '../../rpc/handler-table'
import { tempDir } from '../../test-utils/temp-dir'
import { recordingChunks, type RecordedChunk } from '../../test-utils/fixture-recording'
import type { CallChannel, CallInput, CallOutput } from '../../../src-shared/contract'
import type { AppErrorData } from '../../../src-shared/errors'
import { createDeck, createManifest } from '../../../src-shared/courseware'
import { encodeEdux } from '../courseware'

const ctx = { host: 'browser', senderId: 'test' } as const
const START = {
  deckId: 'deck-1',
  deckTitle: '勾股定理',
  deckPath: null,
  lessonSessionId: null,
  width: 1280,
  height: 720,
  videoCodec: 'vp9',
  audioCodec: 'opus'
} as const

describe('RecordingsService', () => {
  let t: ReturnType<typeof tempDir>
  let data: string
  let core: AppCore
  let chunks: RecordedChunk[]

  async function call<C extends CallChannel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>> {
    const r = await dispatch(core.table, channel, input, ctx)
    if (!r.ok) throw Object.assign(new Error(r.error.message), { data: r.error })
    return r.result as CallOutput<C>
  }
  async function refusal<C extends CallChannel>(channel: C, input: unknown): Promise<AppErrorData> {
    const r = await dispatch(core.table, channel, input as CallInput<C>, ctx)
    expect(r.ok).toBe(false)
    return (r as { ok: false; error: AppErrorData }).error
  }
  async function send(id: string, list: readonly RecordedChunk[]): Promise<void> {
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!
      const fragmentEnd = list[i + 1]?.startsFragment ?? true
      await call('recordings:append', {
        id,
        offset: c.offset,
        data: Buffer.from(c.data).toString('base64'),
        fragmentEnd
      })
    }
  }
  async function parse(bytes: Uint8Array): Promise<{ duration: number; video: number; audio: number }> {
    const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS })
    return {
      duration: await input.computeDuration(),
      video: (await input.getVideoTracks()).length,
      audio: (await input.getAudioTracks()).length
    }
  }

  beforeEach(async () => {
    t = tempDir('recordings-')
    data = join(t.dir, 'data')
    core = createAppCore({ dataDir: data, host: 'browser', version: 'test' })
    chunks ??= await recordingChunks(9)
  })
  afterEach(async () => {
    await core.dispose()
    t.cleanup()
  })

  it('writes the chunks as they come and files the finished video as 微课 with its duration', async () => {
    const { id } = await call('recordings:start', START)
    await send(id, chunks)
    const item = await call('recordings:finish', { id })
    expect(item.durationMs).toBeGreaterThan(8900)
    expect(item.durationMs).toBeLessThan(9200)
    expect(item.audioCodec).toBe('opus')
    const res = await call('library:browse', {})
    expect(res.items).toHaveLength(1)
    expect(res.items[0]).toMatchObject({ id: item.resourceId, title: '勾股定理', type: '微课', format: 'video' })
    // Served by the media route and read back by mediabunny's demuxer.
    const served = join(data, 'media', `${item.video.hash}.mp4`)
    const parsed = await parse(readFileSync(served))
    expect(parsed).toMatchObject({ video: 1, audio: 1 })
    expect(parsed.duration).toBeCloseTo(item.durationMs / 1000, 1)
    expect(await call('recordings:list', {})).toEqual([item])
    expect(await call('recordings:unfinished', {})).toEqual([])
  })

  it('files the recording on the chapter its deck is filed on', async () => {
    const chapter = {
      stage: { id: 'czh', name: '初中' },
      subject: { id: 'math', name: '数学' },
      chapter: { id: 'ch17', name: '第十七章 勾股定理' }
    }
    const deck = createDeck('勾股定理')
    const deckPath = join(t.dir, '勾股定理.edux')
    const manifest = createManifest(deck, new Date(), 'ClassDeck test', { curriculum: chapter })
    writeFileSync(deckPath, encodeEdux({ manifest, deck, media: new Map() }))
    const { id } = await call('recordings:start', { ...START, deckPath })
    await send(id, chunks)
    const item = await call('recordings:finish', { id })
    const res = (await call('library:browse', { chapter: { chapterId: 'ch17' } })).items
    expect(res.map((r) => r.id)).toEqual([item.resourceId])
    expect(res[0]!.chapter).toEqual(chapter)
  })

  it('keeps the thumbnail it was sent and files it with the video', async () => {
    const { id } = await call('recordings:start', START)
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9])
    await call('recordings:thumbnail', { id, jpeg: jpeg.toString('base64') })
    await send(id, chunks)
    const item = await call('recordings:finish', { id })
    expect(item.thumbnail).not.toBeNull()
    expect(existsSync(join(data, 'media', `${item.thumbnail!.hash}.jpg`))).toBe(true)
    const res = (await call('library:browse', {})).items[0]!
    expect(res.thumbnail).toMatch(/\.jpg$/)
  })

  it('offers a recording cut short by a crash for repair, and keeps its whole fragments', async () => {
    const { id } = await call('recordings:start', START)
    // The host dies mid-fragment: everything before the last fragment's start, and half of it.
    const lastFragment = chunks.findLastIndex((c) => c.startsFragment)
    const torn = chunks.slice(0, lastFragment + 1)
    await send(id, torn.slice(0, -1))
    const half = torn.at(-1)!
    await call('recordings:append', {
      id,
      offset: half.offset,
      data: Buffer.from(half.data.subarray(0, half.data.length >> 1)).toString('base64')
    })
    await core.dispose()
    core = createAppCore({ dataDir: data, host: 'browser', version: 'test' })

    const [unfinished, ...more] = await call('recordings:unfinished', {})
    expect(more).toEqual([])
    // Every byte that arrived before the app closed is on disk, the torn half included.
    expect(unfinished).toMatchObject({ id, deckTitle: '勾股定理', size: half.offset + (half.data.length >> 1) })
    expect(unfinished!.keptMs).toBeGreaterThan(5000)
    const item = await call('recordings:repair', { id })
    expect(item.repaired).toBe(true)
    expect(item.durationMs).toBe(unfinished!.keptMs)
    const parsed = await parse(readFileSync(join(data, 'media', `${item.video.hash}.mp4`)))
    expect(parsed.video).toBe(1)
    expect(parsed.duration * 1000).toBeCloseTo(item.durationMs, -1)
    expect(await call('recordings:unfinished', {})).toEqual([])
  })

  it('cuts a recording stopped mid-fragment back to its last whole fragment when it is finished', async () => {
    const { id } = await call('recordings:start', START)
    const last = chunks.findLastIndex((c) => c.startsFragment)
    await send(id, chunks.slice(0, last))
    const half = chunks[last]!
    await call('recordings:append', {
      id,
      offset: half.offset,
      data: Buffer.from(half.data.subarray(0, half.data.length >> 1)).toString('base64')
    })
    const item = await call('recordings:finish', { id })
    expect(item.repaired).toBe(true)
    const file = join(data, 'media', `${item.video.hash}.mp4`)
    const parsed = await parse(readFileSync(file))
    expect(parsed.duration * 1000).toBeCloseTo(item.durationMs, -1)
    expect(statSync(file).size).toBe(chunks[last]!.offset)
  })

  it('discards an unfinished recording on request, and refuses one that cannot be kept', async () => {
    const { id } = await call('recordings:start', START)
    await send(id, chunks.slice(0, 1)) // the header only, no fragment yet
    await core.dispose()
    core = createAppCore({ dataDir: data, host: 'browser', version: 'test' })
    const e = await refusal('recordings:repair', { id })
    expect(e.code).toBe('FILE_INVALID')
    expect(e.message).toContain('没有可以保留的画面')
    expect(e.messageEn).toContain('nothing can be kept')
    expect(await call('recordings:discard', { id })).toEqual({ discarded: true })
    expect(existsSync(join(data, 'recordings', id))).toBe(false)
    expect(await call('recordings:unfinished', {})).toEqual([])
  })

  it('refuses a chunk out of place and leaves what was written unchanged', async () => {
    const { id } = await call('recordings:start', START)
    await send(id, chunks.slice(0, 2))
    const file = join(data, 'recordings', id, 'video.mp4')
    const before = readFileSync(file)
    const next = chunks[2]!
    for (const offset of [0, next.offset + 1, next.offset - 1]) {
      const e = await refusal('recordings:append', { id, offset, data: Buffer.from(next.data).toString('base64') })
      expect(e.code).toBe('CONFLICT')
      expect(e.message).toContain(`应从第 ${next.offset} 字节接着写`)
      expect(e.messageEn).toContain(`expected offset ${next.offset}`)
    }
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses an oversized chunk, a negative offset and data that is not base64, in both languages', async () => {
    const { id } = await call('recordings:start', START)
    const big = Buffer.alloc(4 * 1024 * 1024 + 3).toString('base64')
    const tooBig = await refusal('recordings:append', { id, offset: 0, data: big })
    expect(tooBig.code).toBe('VALIDATION')
    expect(tooBig.message).toContain('录像数据块太大')
    expect(tooBig.messageEn).toContain('chunk too large')
    expect((await refusal('recordings:append', { id, offset: -1, data: 'AAAA' })).code).toBe('VALIDATION')
    expect((await refusal('recordings:append', { id, offset: 0, data: '@@@@' })).code).toBe('VALIDATION')
    expect(statSync(join(data, 'recordings', id, 'video.mp4')).size).toBe(0)
  })

  it('refuses ids that try to name another folder', async () => {
    for (const id of ['../../classdeck.db', '..', 'a/b', '%2e%2e', '00000000-0000-0000-0000-000000000000/../x']) {
      const e = await refusal('recordings:append', { id, offset: 0, data: 'AAAA' })
      expect(e.code).toBe('VALIDATION')
      expect(e.message).toContain('录像编号无效')
      expect(e.message).toContain('not a recording id')
      expect((await refusal('recordings:discard', { id })).code).toBe('VALIDATION')
    }
    // A well-formed id that is not ours is not found, in both languages.
    const e = await refusal('recordings:discard', { id: '3f0c6a9e-2b1d-4c8e-9a7f-1e2d3c4b5a69' })
    expect(e.code).toBe('NOT_FOUND')
    expect(e.messageEn).toContain('no such unfinished recording')
    expect(readdirSync(data)).toContain('classdeck.db')
  })

  it('refuses a thumbnail that is not a JPEG and appends to a recording that is not running', async () => {
    const { id } = await call('recordings:start', START)
    const e = await refusal('recordings:thumbnail', { id, jpeg: Buffer.from('<svg/>').toString('base64') })
    expect(e.message).toContain('不是 JPEG')
    await send(id, chunks)
    await call('recordings:finish', { id })
    const late = await refusal('recordings:append', { id, offset: 0, data: 'AAAA' })
    expect(late.code).toBe('NOT_FOUND')
    expect(late.message).toContain('没有正在进行的这段录像')
  })

  it('trims the start and end by copying packets, replacing the library entry', async () => {
    const { id } = await call('recordings:start', START)
    await send(id, chunks)
    const item = await call('recordings:finish', { id })
    const trimmed = await call('recordings:trim', { id, startMs: 2000, endMs: 6000 })
    expect(trimmed.durationMs).toBeGreaterThan(3500)
    expect(trimmed.durationMs).toBeLessThan(4600)
    const all = (await call('library:browse', {})).items
    expect(all.map((r) => r.id)).toEqual([trimmed.resourceId])
    expect(trimmed.resourceId).not.toBe(item.resourceId)
    const parsed = await parse(readFileSync(join(data, 'media', `${trimmed.video.hash}.mp4`)))
    expect(parsed).toMatchObject({ video: 1, audio: 1 })
  })

  it('does not file a file no parser can read, and keeps it for repair', async () => {
    const { id } = await call('recordings:start', START)
    await send(id, chunks.slice(0, 1))
    const e = await refusal('recordings:finish', { id })
    expect(e.code).toBe('FILE_INVALID')
    expect(e.message).toContain('下次启动时可以修复')
    expect((await call('library:browse', {})).items).toEqual([])
    truncateSync(join(data, 'recordings', id, 'video.mp4'), 0)
    expect((await call('recordings:unfinished', {})).map((u) => u.id)).toEqual([id])
  })
})
