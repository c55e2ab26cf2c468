/**
 * 微课 recording (issue 18): what recording the board costs, on this machine.
 *
 *  - ink script time p99 and dropped video frames while recording: bench/lib/ink-page.ts's page (the
 *    real InkSurface over 2,000 strokes, mouse and pen drawing) recorded at 1080p by the real
 *    BoardRecorder (DOM picture + live ink canvases, WebCodecs H.264, mediabunny fragmented MP4, the
 *    fake microphone) whose chunks go to a real RecordingsService (createAppCore on a temp folder)
 *  - encoding speed as a multiple of real time, and MB per minute, at 720p and 1080p: a board-like
 *    scene (a slide picture, ink growing every frame, a page turn every 5 s) encoded as fast as the
 *    encoder takes it, through the same muxer settings
 *  - 下课 to a playable file: the board's stop (last fragment, finalize, upload) measured on the
 *    real-time run, plus recordings:finish (fragment scan, mediabunny parse, filing in the library)
 *    measured on fragmented MP4s of 1, 10 and 40 minutes made in Node (2 s fragments, 30 fps; the
 *    finish never reads the media data, so stand-in packets cost it what real ones would)
 * Run: npm run bench -- recording
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { existsSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, percentile, round, writeResults, type Figure } from './bench-kit'
import { buildPage, inkPageCode, measureInk, root } from './lib/ink-page'
import { createAppCore, type AppCore } from '../src-main/app-core'
import { dispatch } from '../src-main/rpc/handler-table'
import { tempDataDir } from '../tests/e2e/fixtures/browser-host'
import { recordingChunks } from '../src-main/test-utils/fixture-recording'
import type { CallChannel, CallInput } from '../src-shared/contract'

const EXISTING = 2000
const ctx = { host: 'browser', senderId: 'bench' } as const

const pageCode = `
import { BoardRecorder } from '${root}/src-renderer/features/recording/board-recorder.ts'
import { chooseCodecs } from '${root}/src-renderer/features/recording/codec-choice.ts'
import { MicInput } from '${root}/src-renderer/features/recording/mic-input.ts'
import { CanvasSource, Mp4OutputFormat, Output, StreamTarget } from 'mediabunny'
${inkPageCode}
const transport = {
  invoke: async (channel: string, input: unknown) => {
    const r = await fetch('/rpc/' + channel, { method: 'POST', body: JSON.stringify(input) })
    const j = await r.json()
    if (!j.ok) throw Object.assign(new Error(j.error.message), j.error)
    return j.result
  },
  on: () => () => undefined,
  onConnectionChange: () => () => undefined,
  state: 'open'
} as any
w.afterSetup = async () => {
  const codecs = await chooseCodecs('1080p', true)
  const mic = await MicInput.open(null)
  const rec = new BoardRecorder({
    transport, root: document.getElementById('board')!, codecs, mic,
    deck: { id: 'bench', title: '录制基准', path: null }, lessonSessionId: null,
    onFailure: (e: unknown) => (w.failure = String((e as Error)?.message ?? e))
  })
  w.codecs = codecs
  await rec.start()
  w.rec = rec
}
w.stopRecording = async () => {
  const rec = w.rec
  const recordedMs = rec.elapsedMs
  const t0 = performance.now()
  const item = await rec.stop()
  return { stopMs: performance.now() - t0, recordedMs, item, frames: rec.stats.frames, dropped: rec.stats.dropped,
    frameCosts: rec.stats.frameCosts, rasterCosts: [...rec.rasterCosts], failure: w.failure ?? null, codecs: w.codecs }
}
// As fast as the encoder takes it: a slide, ink that grows each frame, a page turn every 5 s.
w.encodeOffline = async (quality: '720p' | '1080p', seconds: number) => {
  const codecs = await chooseCodecs(quality, false)
  const c = document.createElement('canvas')
  c.width = codecs.width; c.height = codecs.height
  const g = c.getContext('2d')!
  let bytes = 0
  const output = new Output({
    format: new Mp4OutputFormat({ fastStart: 'fragmented', minimumFragmentDuration: 2 }),
    target: new StreamTarget(new WritableStream({ write(ch: any) { bytes += ch.data.byteLength } }))
  })
  const src = new CanvasSource(c, { codec: codecs.video, fullCodecString: codecs.videoCodecString, bitrate: codecs.bitrate, keyFrameInterval: 2, latencyMode: 'realtime' })
  output.addVideoTrack(src, { frameRate: 30 })
  await output.start()
  const k = c.width / 1280
  const t0 = performance.now()
  const frames = seconds * 30
  for (let i = 0; i < frames; i++) {
    const page = Math.floor(i / 150)
    g.fillStyle = '#fff'; g.fillRect(0, 0, c.width, c.height)
    g.fillStyle = '#1b1f24'; g.font = 'bold ' + 40 * k + 'px sans-serif'
    g.fillText('勾股定理 第 ' + (page + 1) + ' 页', 80 * k, 120 * k)
    g.font = 24 * k + 'px sans-serif'
    for (let l = 0; l < 8; l++) g.fillText('直角三角形两条直角边的平方和等于斜边的平方 a² + b² = c²（第 ' + (l + 1) + ' 行）', 80 * k, (200 + l * 48) * k)
    g.strokeStyle = '#E53935'; g.lineWidth = 4 * k; g.beginPath()
    const from = page * 150
    for (let j = from; j <= i; j++) { const x = (100 + ((j - from) * 7) % 1080) * k, y = (560 + Math.sin(j / 6) * 30 + Math.floor(((j - from) * 7) / 1080) * 40) * k; j === from ? g.moveTo(x, y) : g.lineTo(x, y) }
    g.stroke()
    await src.add(i / 30, 1 / 30)
  }
  await output.finalize()
  const wall = (performance.now() - t0) / 1000
  return { seconds, wall, bytes, codec: codecs.videoCodecString }
}
w.ready = true
`
const html = `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;font-family:sans-serif} #board{position:relative;width:1280px;height:720px;background:#fff}
#board h1{position:absolute;left:80px;top:40px;margin:0;font-size:40px;color:#1b1f24}
#ink{position:absolute;inset:0}
</style></head><body><div id="board"><h1>勾股定理 第 1 页</h1><div id="ink"></div></div>
<script type="module" src="./main.ts"></script></body></html>`

/** Serves the built page and answers POST /rpc/<channel> from a real app core, as the hosts do. */
function serve(dir: string, core: AppCore): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!
    if (req.method === 'POST' && path.startsWith('/rpc/')) {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const channel = path.slice(5) as CallChannel
        const input = JSON.parse(Buffer.concat(chunks).toString()) as CallInput<CallChannel>
        void dispatch(core.table, channel, input, ctx).then((r) =>
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(r))
        )
      })
      return
    }
    const p = join(dir, decodeURIComponent(path).replace(/^\/$/, '/index.html'))
    if (!p.startsWith(dir) || !existsSync(p)) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': types[extname(p)] ?? 'application/octet-stream' }).end(readFileSync(p))
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() })
    )
  )
}

/** recordings:finish on a fragmented MP4 of `minutes`, streamed in as the board would. */
async function finishCost(
  minutes: number
): Promise<{ minutes: number; finishMs: number; fragments: number; mb: number }> {
  const data = tempDataDir()
  const core = createAppCore({ dataDir: data.dir, host: 'browser', version: 'bench' })
  try {
    const chunks = await recordingChunks(minutes * 60, 30)
    const call = async <C extends CallChannel>(channel: C, input: CallInput<C>) => {
      const r = await dispatch(core.table, channel, input, ctx)
      if (!r.ok) throw new Error(r.error.message)
      return r.result
    }
    const { id } = (await call('recordings:start', {
      deckId: 'bench',
      deckTitle: '四十分钟的课',
      deckPath: null,
      lessonSessionId: null,
      width: 1920,
      height: 1080,
      videoCodec: 'vp9',
      audioCodec: 'opus'
    })) as { id: string }
    // One call per fragment, as the board's uploader sends them.
    let buf: Uint8Array[] = []
    let at = 0
    let bytes = 0
    const flush = async () => {
      if (!buf.length) return
      const data = Buffer.concat(buf)
      await call('recordings:append', { id, offset: at, data: data.toString('base64'), fragmentEnd: true })
      at += data.length
      bytes += data.length
      buf = []
    }
    for (const c of chunks) {
      if (c.startsFragment) await flush()
      buf.push(c.data)
    }
    await flush()
    const t0 = performance.now()
    await call('recordings:finish', { id })
    const finishMs = performance.now() - t0
    return { minutes, finishMs, fragments: chunks.filter((c) => c.startsFragment).length, mb: bytes / 1e6 }
  } finally {
    await core.dispose()
    data.cleanup()
  }
}

async function main(): Promise<void> {
  const data = tempDataDir()
  const core = createAppCore({ dataDir: data.dir, host: 'browser', version: 'bench' })
  const out = await buildPage(join(root, 'bench/.work/recording'), pageCode, html)
  const site = await serve(out, core)
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
  })
  const figures: Figure[] = []
  const extra: Record<string, unknown> = {}
  try {
    const page = await browser.newPage({ viewport: { width: 1300, height: 800 }, deviceScaleFactor: 1 })
    page.on('pageerror', (e) => console.error('page error:', e.message))
    await page.goto(site.url)
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true)
    const run = await measureInk(page, EXISTING)
    // A few seconds more with the board still, as between strokes in a lesson.
    await page.waitForTimeout(4000)
    const rec = await page.evaluate(() =>
      (
        window as unknown as {
          stopRecording: () => Promise<{
            stopMs: number
            recordedMs: number
            item: { durationMs: number; size: number }
            frames: number
            dropped: number
            frameCosts: number[]
            rasterCosts: number[]
            failure: string | null
            codecs: unknown
          }>
        }
      ).stopRecording()
    )
    if (rec.failure) throw new Error(`recording failed: ${rec.failure}`)
    figures.push(
      { id: 'ink.script.p99.whileRecording', value: round(percentile(run.script, 99), 3), unit: 'ms', goal: '< 4' },
      { id: 'video.droppedFrames', value: rec.dropped, unit: 'count', goal: '= 0' },
      { id: 'video.frameScript.p99', value: round(percentile(rec.frameCosts, 99), 3), unit: 'ms', goal: 'report' },
      { id: 'video.snapshotScript.p99', value: round(percentile(rec.rasterCosts, 99), 2), unit: 'ms', goal: 'report' }
    )
    extra.realtime = {
      recordedMs: round(rec.recordedMs),
      fileDurationMs: rec.item.durationMs,
      frames: rec.frames,
      snapshots: rec.rasterCosts.length,
      bytes: rec.item.size,
      codecs: rec.codecs,
      inkEvents: run.events
    }

    for (const q of ['720p', '1080p'] as const) {
      const r = await page.evaluate(
        ({ q }) =>
          (
            window as unknown as {
              encodeOffline: (q: string, s: number) => Promise<{ seconds: number; wall: number; bytes: number }>
            }
          ).encodeOffline(q, 30),
        { q }
      )
      figures.push(
        { id: `encode.${q}.speed`, value: round(r.seconds / r.wall, 2), unit: '× real time', goal: '≥ 1.5' },
        { id: `size.${q}.perMinute`, value: round(r.bytes / 1e6 / (r.seconds / 60), 2), unit: 'MB/min', goal: 'report' }
      )
    }
    await page.close()

    const costs = []
    for (const minutes of [1, 10, 40]) costs.push(await finishCost(minutes))
    extra.finishByLength = costs.map((c) => ({ ...c, finishMs: round(c.finishMs) }))
    const forty = costs.find((c) => c.minutes === 40)!
    figures.push(
      { id: 'stop.board.ms', value: round(rec.stopMs), unit: 'ms', goal: 'report' },
      { id: 'stop.finish40min.ms', value: round(forty.finishMs), unit: 'ms', goal: 'report' },
      // The board's part (last fragment, finalize, upload) does not grow with length: fragments before it are already on disk.
      { id: 'stop.toPlayable40min.ms', value: round(rec.stopMs + forty.finishMs), unit: 'ms', goal: '< 5000' }
    )
  } finally {
    await browser.close()
    site.close()
    await core.dispose()
    data.cleanup()
  }
  writeResults('recording', figures, extra)
}

await main()
