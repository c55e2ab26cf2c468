/**
 * Records the board as a 微课: frames from our own rendering (BoardRaster + FrameCompositor) at
 * 30 fps and the microphone, encoded with WebCodecs through mediabunny into a fragmented MP4
 * (a fragment every 2 s, one key frame each) that streams to the main process as it is made.
 * Paused time is left out of the file: both clocks (frames and samples) stop while paused.
 */
import { AudioSample, AudioSampleSource, CanvasSource, Mp4OutputFormat, Output, StreamTarget } from 'mediabunny'
import type { RecordingItem } from '../../../src-shared/contract/recordings'
import type { Transport } from '../../transport'
import { BoardRaster } from './board-raster'
import { FrameCompositor } from './frame-compositor'
import { ChunkUploader, toBase64 } from './chunk-uploader'
import { AUDIO_BITRATE, type CodecChoice } from './codec-choice'
import type { MicInput } from './mic-input'

export const FPS = 30
const FRAGMENT_S = 2
/** The thumbnail is the board one second in (a first frame is often still settling). */
const THUMB_AT_MS = 1000
/** A few frames may wait for the encoder (a snapshot or a GC pause) before one is dropped. */
const MAX_IN_FLIGHT = 4

export interface BoardRecorderOptions {
  readonly transport: Transport
  readonly root: HTMLElement
  readonly codecs: CodecChoice
  readonly mic: MicInput | null
  readonly deck: { id: string; title: string; path: string | null }
  readonly lessonSessionId: string | null
  /** The recording had to stop (encoder error, the service refused a chunk): why, for the teacher. */
  readonly onFailure: (e: unknown) => void
}

export interface RecorderStats {
  /** Frames encoded. */
  frames: number
  /** Frames due by the clock that were not produced (a late timer, or the encoder still busy). */
  dropped: number
  /** Script time of each frame (compositing + handing it to the encoder), ms. */
  readonly frameCosts: number[]
  audioBlocks: number
}

export class BoardRecorder {
  readonly stats: RecorderStats = { frames: 0, dropped: 0, frameCosts: [], audioBlocks: 0 }
  id: string | null = null
  readonly #o: BoardRecorderOptions
  readonly #raster: BoardRaster
  readonly #compositor: FrameCompositor
  readonly #uploader: ChunkUploader
  #output: Output | null = null
  #video: CanvasSource | null = null
  #audio: AudioSampleSource | null = null
  #timer: ReturnType<typeof setTimeout> | null = null
  /** Recorded time before the current run (sum of the stretches between pauses), ms. */
  #bankedMs = 0
  #runStartedAt = 0
  #paused = false
  #muted = false
  #frameIndex = 0
  /** Frames handed to the encoder whose add() has not resolved yet (the encoder's backpressure). */
  #inFlight = 0
  #lastAdd: Promise<void> = Promise.resolve()
  #audioFrames = 0
  #audioRate = 0
  #thumbSent = false
  #stopping = false
  #failed = false

  constructor(o: BoardRecorderOptions) {
    this.#o = o
    this.#raster = new BoardRaster(o.root, (w, h) => Math.min(o.codecs.width / w, o.codecs.height / h))
    this.#compositor = new FrameCompositor(o.root, this.#raster, { width: o.codecs.width, height: o.codecs.height })
    this.#uploader = new ChunkUploader((input) => o.transport.invoke('recordings:append', { id: this.id!, ...input }))
    this.#uploader.onError = (e) => this.#fail(e)
  }

  /** Recorded time so far, ms (paused time not counted). */
  get elapsedMs(): number {
    return this.#bankedMs + (this.#paused || this.#runStartedAt === 0 ? 0 : performance.now() - this.#runStartedAt)
  }

  get paused(): boolean {
    return this.#paused
  }

  get bytesWritten(): number {
    return this.#uploader.written
  }

  get rasterCosts(): readonly number[] {
    return this.#raster.stats.costs
  }

  async start(): Promise<void> {
    const c = this.#o.codecs
    const { id } = await this.#o.transport.invoke('recordings:start', {
      deckId: this.#o.deck.id,
      deckTitle: this.#o.deck.title,
      deckPath: this.#o.deck.path,
      lessonSessionId: this.#o.lessonSessionId,
      width: c.width,
      height: c.height,
      videoCodec: c.video,
      audioCodec: this.#o.mic ? c.audio : null
    })
    this.id = id
    const output = new Output({
      format: new Mp4OutputFormat({ fastStart: 'fragmented', minimumFragmentDuration: FRAGMENT_S }),
      target: new StreamTarget(this.#uploader.writable())
    })
    this.#video = new CanvasSource(this.#compositor.canvas, {
      codec: c.video,
      fullCodecString: c.videoCodecString,
      bitrate: c.bitrate,
      keyFrameInterval: FRAGMENT_S,
      latencyMode: 'realtime'
    })
    output.addVideoTrack(this.#video, { frameRate: FPS })
    if (this.#o.mic && c.audio) {
      this.#audio = new AudioSampleSource({ codec: c.audio, bitrate: AUDIO_BITRATE })
      output.addAudioTrack(this.#audio)
    }
    this.#output = output
    this.#raster.start()
    await this.#raster.current()
    await output.start()
    this.#runStartedAt = performance.now()
    if (this.#audio) this.#o.mic!.pipe((d) => this.#onAudio(d))
    this.#tick()
  }

  pause(): void {
    if (this.#paused || this.#stopping) return
    this.#bankedMs = this.elapsedMs
    this.#paused = true
  }

  resume(): void {
    if (!this.#paused || this.#stopping) return
    this.#paused = false
    this.#runStartedAt = performance.now()
    // The clock moved on while paused; frames resume from the recorded time, none counted dropped.
    this.#frameIndex = Math.floor((this.#bankedMs * FPS) / 1000)
  }

  setMuted(muted: boolean): void {
    this.#muted = muted
  }

  /** Finishes the file and files it in the library. */
  async stop(): Promise<RecordingItem> {
    this.#stopping = true
    if (this.#timer) clearTimeout(this.#timer)
    this.#bankedMs = this.elapsedMs
    this.#paused = true
    this.#o.mic?.close()
    this.#compositor.dispose()
    try {
      await this.#lastAdd
      if (!this.#failed) await this.#output?.finalize()
    } catch (e) {
      // The encoder failed at the end: what reached the service is kept, cut to whole fragments.
      this.#failed = true
      console.warn('recording: finalize failed', e)
    }
    await this.#uploader.close().catch(() => undefined)
    this.#raster.dispose()
    return this.#o.transport.invoke('recordings:finish', { id: this.id! })
  }

  /** Ends without filing anything usable here (the page is going away); the service keeps it for repair. */
  abandon(): void {
    this.#stopping = true
    this.#compositor.dispose()
    if (this.#timer) clearTimeout(this.#timer)
    this.#o.mic?.close()
    this.#raster.dispose()
    void this.#output?.cancel().catch(() => undefined)
  }

  #tick(): void {
    if (this.#stopping) return
    const delay = this.#frame()
    this.#timer = setTimeout(() => this.#tick(), delay)
  }

  /** Produces the frame that is due, if any; returns ms until the next one is. */
  #frame(): number {
    if (this.#paused) return 1000 / FPS
    const t = this.elapsedMs
    const due = Math.floor((t * FPS) / 1000)
    if (due < this.#frameIndex) return ((this.#frameIndex * 1000) / FPS - t) | 0
    const missed = due - this.#frameIndex
    if (this.#inFlight >= MAX_IN_FLIGHT) {
      // The encoder is still busy with earlier frames: this one is dropped rather than queued.
      this.stats.dropped += missed + 1
      this.#frameIndex = due + 1
      return 1000 / FPS
    }
    this.stats.dropped += missed
    const t0 = performance.now()
    if (this.#compositor.changed()) this.#compositor.draw()
    const ts = due / FPS
    const add = this.#video!.add(ts, 1 / FPS)
    this.stats.frameCosts.push(performance.now() - t0)
    if (this.stats.frameCosts.length > 20000) this.stats.frameCosts.splice(0, 10000)
    this.stats.frames++
    this.#frameIndex = due + 1
    this.#inFlight++
    this.#lastAdd = add.then(
      () => {
        this.#inFlight--
      },
      (e: unknown) => {
        this.#inFlight--
        this.#fail(e)
      }
    )
    if (!this.#thumbSent && t >= THUMB_AT_MS) {
      this.#thumbSent = true
      void this.#sendThumbnail()
    }
    return Math.max(1, (this.#frameIndex * 1000) / FPS - this.elapsedMs)
  }

  #onAudio(data: AudioData): void {
    if (this.#paused || this.#stopping || !this.#audio) {
      data.close()
      return
    }
    this.#audioRate ||= data.sampleRate
    const frames = data.numberOfFrames
    const ts = this.#audioFrames / this.#audioRate
    let sample: AudioSample
    if (this.#muted) {
      sample = new AudioSample({
        data: new Float32Array(frames * data.numberOfChannels),
        format: 'f32-planar',
        numberOfChannels: data.numberOfChannels,
        sampleRate: data.sampleRate,
        timestamp: ts
      })
      data.close()
    } else {
      sample = new AudioSample(data)
      sample.setTimestamp(ts)
    }
    this.#audioFrames += frames
    this.stats.audioBlocks++
    void this.#audio.add(sample).then(
      () => sample.close(),
      (e: unknown) => {
        sample.close()
        this.#fail(e)
      }
    )
  }

  async #sendThumbnail(): Promise<void> {
    const src = this.#compositor.canvas
    const small = document.createElement('canvas')
    small.width = 480
    small.height = Math.round((480 * src.height) / src.width)
    small.getContext('2d')!.drawImage(src, 0, 0, small.width, small.height)
    const blob = await new Promise<Blob | null>((r) => small.toBlob(r, 'image/jpeg', 0.82))
    if (!blob || !this.id) return
    const jpeg = toBase64(new Uint8Array(await blob.arrayBuffer()))
    await this.#o.transport.invoke('recordings:thumbnail', { id: this.id, jpeg }).catch(() => undefined)
  }

  #fail(e: unknown): void {
    if (this.#failed) return
    this.#failed = true
    this.#o.onFailure(e)
  }
}
