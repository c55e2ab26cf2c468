/**
 * 微课 recordings of the board: the renderer encodes (WebCodecs + mediabunny's fragmented MP4
 * muxer) and streams the file here chunk by chunk; the service writes it under
 * `<data>/recordings/<id>/` as it arrives, files the finished video in the library as 微课, and
 * offers a recording a crash cut short for repair (playable up to its last whole fragment) or discard.
 */
import { z } from 'zod'
import { defineCall } from './define'
import { Sha256 } from '../courseware/primitives'

/** A recording's id is a UUID the service made: nothing else can name a folder. */
export const RecordingId = z.uuid({ error: '录像编号无效 / not a recording id' })

/** One chunk is at most 4 MiB (its base64 then fits a call frame, MAX_FRAME_BYTES, with room). */
export const MAX_RECORDING_CHUNK = 4 * 1024 * 1024
const MAX_CHUNK_BASE64 = Math.ceil(MAX_RECORDING_CHUNK / 3) * 4
/** A thumbnail is a small JPEG of one frame. */
const MAX_THUMB_BASE64 = 2 * 1024 * 1024

export const RecordingVideoCodec = z.enum(['avc', 'vp9'])
export const RecordingAudioCodec = z.enum(['aac', 'opus'])

export const RecordingStart = z
  .object({
    deckId: z.string().min(1).max(120),
    deckTitle: z.string().max(500),
    /** The deck's file, so the recording is filed on the deck's chapter; null for a deck never saved. */
    deckPath: z.string().min(1).max(4096).nullable(),
    lessonSessionId: z.string().min(1).max(120).nullable(),
    width: z.number().int().min(320).max(3840),
    height: z.number().int().min(240).max(2160),
    videoCodec: RecordingVideoCodec,
    /** null: recorded without sound (no microphone, or permission refused). */
    audioCodec: RecordingAudioCodec.nullable()
  })
  .strict()
export type RecordingStart = z.infer<typeof RecordingStart>

export const RecordingAppend = z
  .object({
    id: RecordingId,
    /** Where the chunk starts in the file: exactly the bytes received so far (the muxer writes in order). */
    offset: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    data: z.base64().min(1).max(MAX_CHUNK_BASE64, '录像数据块太大（上限 4 MB） / chunk too large (limit 4 MB)'),
    /** The chunk ends a fragment: the file is made durable (fsync) before the call answers. */
    fragmentEnd: z.boolean().default(false)
  })
  .strict()
export type RecordingAppend = z.input<typeof RecordingAppend>

export const RecordingThumbnail = z.object({ id: RecordingId, jpeg: z.base64().min(1).max(MAX_THUMB_BASE64) }).strict()

export const RecordingFinish = z.object({ id: RecordingId }).strict()
export const RecordingRef = z.object({ id: RecordingId }).strict()

export const RecordingTrim = z
  .object({
    id: RecordingId,
    startMs: z.number().int().nonnegative(),
    endMs: z.number().int().positive()
  })
  .strict()
  .refine((t) => t.endMs > t.startMs, { message: '结束时间要晚于开始时间 / the end must come after the start' })

/** A finished recording as the library and the board show it. */
export const RecordingItem = z.object({
  id: RecordingId,
  resourceId: z.string(),
  title: z.string(),
  durationMs: z.number().nonnegative(),
  size: z.number().int().nonnegative(),
  width: z.number().int(),
  height: z.number().int(),
  videoCodec: RecordingVideoCodec,
  audioCodec: RecordingAudioCodec.nullable(),
  /** Served at `/media/<hash>.mp4` (with ranges) in both hosts. */
  video: z.object({ hash: Sha256, ext: z.literal('mp4') }),
  thumbnail: z.object({ hash: Sha256, ext: z.literal('jpg') }).nullable(),
  /** True when it was made playable from the fragments a crash left (its last seconds may be missing). */
  repaired: z.boolean(),
  finishedAt: z.string()
})
export type RecordingItem = z.infer<typeof RecordingItem>

/** A recording that was never finished (the app was closed or crashed while it ran). */
export const UnfinishedRecording = z.object({
  id: RecordingId,
  deckTitle: z.string(),
  startedAt: z.string(),
  /** Bytes on disk. */
  size: z.number().int().nonnegative(),
  /** How much of it whole fragments hold, in ms: what a repair keeps. */
  keptMs: z.number().nonnegative()
})
export type UnfinishedRecording = z.infer<typeof UnfinishedRecording>

export const recordingsCalls = {
  start: defineCall('recordings:start', RecordingStart, z.object({ id: RecordingId })),
  append: defineCall('recordings:append', RecordingAppend, z.object({ size: z.number().int().nonnegative() })),
  thumbnail: defineCall('recordings:thumbnail', RecordingThumbnail, z.object({ ok: z.literal(true) })),
  finish: defineCall('recordings:finish', RecordingFinish, RecordingItem),
  unfinished: defineCall('recordings:unfinished', z.object({}).strict(), z.array(UnfinishedRecording)),
  repair: defineCall('recordings:repair', RecordingRef, RecordingItem),
  discard: defineCall('recordings:discard', RecordingRef, z.object({ discarded: z.literal(true) })),
  list: defineCall('recordings:list', z.object({}).strict(), z.array(RecordingItem)),
  trim: defineCall('recordings:trim', RecordingTrim, RecordingItem)
}
export const recordingsEvents = {}
