/**
 * What this computer's browser can encode. H.264 + AAC in MP4 is what platforms and phones take;
 * Debian's Chromium (and Electron on Linux) has an H.264 encoder but no AAC one, so there the sound
 * is Opus in the same MP4 — computers, Android phones and current iPhones play it — and the teacher
 * is told so. Without H.264 at all the picture is VP9 in MP4, also said plainly.
 */
export type RecordingQuality = '720p' | '1080p'

export interface CodecChoice {
  readonly width: number
  readonly height: number
  readonly video: 'avc' | 'vp9'
  readonly videoCodecString: string
  readonly bitrate: number
  /** null: no encoder for either, or recorded without a microphone. */
  readonly audio: 'aac' | 'opus' | null
  readonly notes: readonly ('no-aac' | 'no-h264' | 'no-audio-encoder')[]
}

const SIZES = {
  // Main profile level 3.1 holds 1280×720 at 30 fps; High level 4.0 holds 1920×1080.
  '720p': { width: 1280, height: 720, avc: 'avc1.4d401f', vp9: 'vp09.00.31.08', bitrate: 2_000_000 },
  '1080p': { width: 1920, height: 1080, avc: 'avc1.640028', vp9: 'vp09.00.40.08', bitrate: 3_500_000 }
} as const

export const AUDIO_BITRATE = 96_000

export async function chooseCodecs(
  quality: RecordingQuality,
  withAudio: boolean,
  sampleRate = 48000
): Promise<CodecChoice> {
  if (typeof VideoEncoder === 'undefined') {
    throw new Error('这个浏览器不支持视频编码（WebCodecs），无法录制。请使用 ClassDeck 桌面版或新版 Chrome / Edge。')
  }
  const s = SIZES[quality]
  const notes: CodecChoice['notes'][number][] = []
  const videoOk = async (codec: string) =>
    (
      await VideoEncoder.isConfigSupported({
        codec,
        width: s.width,
        height: s.height,
        bitrate: s.bitrate,
        framerate: 30,
        ...(codec.startsWith('avc') ? { avc: { format: 'avc' as const } } : {})
      }).catch(() => ({ supported: false }))
    ).supported === true
  let video: CodecChoice['video'] = 'avc'
  let videoCodecString: string = s.avc
  if (!(await videoOk(s.avc))) {
    if (!(await videoOk(s.vp9))) throw new Error(`这台电脑不能编码 ${quality} 视频（H.264 和 VP9 都不可用）。`)
    video = 'vp9'
    videoCodecString = s.vp9
    notes.push('no-h264')
  }
  let audio: CodecChoice['audio'] = null
  if (withAudio) {
    const audioOk = async (codec: string) =>
      (
        await AudioEncoder.isConfigSupported({ codec, sampleRate, numberOfChannels: 1, bitrate: AUDIO_BITRATE }).catch(
          () => ({ supported: false })
        )
      ).supported === true
    if (await audioOk('mp4a.40.2')) audio = 'aac'
    else if (await audioOk('opus')) {
      audio = 'opus'
      notes.push('no-aac')
    } else notes.push('no-audio-encoder')
  }
  return { width: s.width, height: s.height, video, videoCodecString, bitrate: s.bitrate, audio, notes }
}
