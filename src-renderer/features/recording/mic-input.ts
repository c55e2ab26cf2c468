/**
 * The microphone: its choice, a level for the meter, and its samples as WebCodecs AudioData.
 * What went wrong is said in the teacher's words: no microphone, permission refused, or another failure.
 */
export type MicProblem = 'denied' | 'none' | 'failed'

export class MicError extends Error {
  constructor(
    readonly problem: MicProblem,
    detail: string
  ) {
    super(detail)
  }
}

export interface MicDevice {
  readonly id: string
  readonly label: string
}

export async function listMicrophones(): Promise<MicDevice[]> {
  const all = await navigator.mediaDevices?.enumerateDevices().catch(() => [] as MediaDeviceInfo[])
  return (all ?? [])
    .filter((d) => d.kind === 'audioinput')
    .map((d, i) => ({ id: d.deviceId, label: d.label || `麦克风 ${i + 1}` }))
}

export class MicInput {
  readonly track: MediaStreamTrack
  readonly #stream: MediaStream
  readonly #ctx: AudioContext
  readonly #analyser: AnalyserNode
  readonly #buf: Float32Array<ArrayBuffer>
  #reader: ReadableStreamDefaultReader<AudioData> | null = null

  private constructor(stream: MediaStream) {
    this.#stream = stream
    this.track = stream.getAudioTracks()[0]!
    this.#ctx = new AudioContext()
    this.#analyser = this.#ctx.createAnalyser()
    this.#analyser.fftSize = 1024
    this.#buf = new Float32Array(this.#analyser.fftSize)
    this.#ctx.createMediaStreamSource(stream).connect(this.#analyser)
  }

  static async open(deviceId: string | null): Promise<MicInput> {
    if (!navigator.mediaDevices?.getUserMedia) throw new MicError('none', 'no mediaDevices')
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: {
          ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
          echoCancellation: true,
          noiseSuppression: true,
          channelCount: 1
        }
      })
      if (stream.getAudioTracks().length === 0) throw new MicError('none', 'no audio track')
      return new MicInput(stream)
    } catch (e) {
      if (e instanceof MicError) throw e
      const name = e instanceof DOMException ? e.name : ''
      if (name === 'NotAllowedError' || name === 'SecurityError') throw new MicError('denied', name)
      if (name === 'NotFoundError' || name === 'OverconstrainedError') throw new MicError('none', name)
      throw new MicError('failed', e instanceof Error ? e.message : String(e))
    }
  }

  get label(): string {
    return this.track.label
  }

  /** Loudness now, 0–1 (RMS, scaled so speech fills most of the meter). */
  level(): number {
    this.#analyser.getFloatTimeDomainData(this.#buf)
    let sum = 0
    for (const v of this.#buf) sum += v * v
    return Math.min(1, Math.sqrt(sum / this.#buf.length) * 4)
  }

  /** Feeds each block of samples to `sink` (which owns and closes it) until closed. */
  pipe(sink: (data: AudioData) => void): void {
    const Processor = (
      globalThis as {
        MediaStreamTrackProcessor?: new (o: { track: MediaStreamTrack }) => { readable: ReadableStream<AudioData> }
      }
    ).MediaStreamTrackProcessor
    if (!Processor) throw new MicError('failed', 'MediaStreamTrackProcessor is missing')
    const reader = new Processor({ track: this.track }).readable.getReader()
    this.#reader = reader
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }))
        if (done || !value) return
        sink(value)
      }
    })()
  }

  close(): void {
    void this.#reader?.cancel().catch(() => undefined)
    for (const t of this.#stream.getTracks()) t.stop()
    void this.#ctx.close().catch(() => undefined)
  }
}
