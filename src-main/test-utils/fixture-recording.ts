/**
 * A fragmented MP4 as the board's recorder writes it (mediabunny's muxer, 2 s fragments), made in
 * Node without a video encoder: the packets are stand-in bytes with real timing, key frames every
 * 2 s, VP9 video and Opus audio, which is all a service that never decodes can look at. Each write
 * the muxer makes is kept with its offset, so a test sends the same chunks the renderer would.
 */
import {
  EncodedAudioPacketSource,
  EncodedPacket,
  EncodedVideoPacketSource,
  Mp4OutputFormat,
  Output,
  StreamTarget,
  type StreamTargetChunk
} from 'mediabunny'

export interface RecordedChunk {
  readonly offset: number
  readonly data: Uint8Array
  /** A new fragment (moof) starts with this chunk. */
  readonly startsFragment: boolean
}

export async function recordingChunks(seconds: number, fps = 10): Promise<RecordedChunk[]> {
  const chunks: RecordedChunk[] = []
  const writable = new WritableStream<StreamTargetChunk>({
    write(c) {
      const d = c.data
      const type = d.length >= 8 ? String.fromCharCode(d[4]!, d[5]!, d[6]!, d[7]!) : ''
      chunks.push({ offset: c.position, data: d.slice(), startsFragment: type === 'moof' })
    }
  })
  const output = new Output({
    format: new Mp4OutputFormat({ fastStart: 'fragmented', minimumFragmentDuration: 2 }),
    target: new StreamTarget(writable)
  })
  const video = new EncodedVideoPacketSource('vp9')
  const audio = new EncodedAudioPacketSource('opus')
  output.addVideoTrack(video, { frameRate: fps })
  output.addAudioTrack(audio)
  await output.start()
  const frames = Math.round(seconds * fps)
  const audioStep = 0.02
  let audioT = 0
  for (let i = 0; i < frames; i++) {
    const t = i / fps
    const key = i % (2 * fps) === 0
    const bytes = new Uint8Array(key ? 3000 : 400).fill(i % 251)
    await video.add(
      new EncodedPacket(bytes, key ? 'key' : 'delta', t, 1 / fps),
      i === 0 ? { decoderConfig: { codec: 'vp09.00.10.08', codedWidth: 1280, codedHeight: 720 } } : undefined
    )
    while (audioT < t + 1 / fps - 1e-9) {
      await audio.add(
        new EncodedPacket(new Uint8Array(120).fill(7), 'key', audioT, audioStep),
        audioT === 0 ? { decoderConfig: { codec: 'opus', numberOfChannels: 1, sampleRate: 48000 } } : undefined
      )
      audioT += audioStep
    }
  }
  await output.finalize()
  return chunks
}

/** The same recording as one finished file. */
export async function recordingFile(seconds: number): Promise<Uint8Array> {
  const chunks = await recordingChunks(seconds)
  const size = Math.max(...chunks.map((c) => c.offset + c.data.length))
  const out = new Uint8Array(size)
  for (const c of chunks) out.set(c.data, c.offset)
  return out
}
