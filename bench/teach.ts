/**
 * Teach: ink latency with 5,000 existing strokes and slide changes on a 300-slide deck with
 * images, in headless Chromium. A small page (bench/.work/teach, built here with Vite, never
 * committed) uses the real InkSurface and the real SlideView.
 *
 *  - ink script time: pointer event handler start → end of its draw calls, p50/p99 (trusted
 *    mouse input from CDP, and synthetic pen events carrying 4 coalesced samples each)
 *  - ink event→drawn: the event's timeStamp → end of its draw calls (includes queueing)
 *  - frame time p95 while drawing (requestAnimationFrame intervals)
 *  - dropped samples: samples sent − points stored (must be 0)
 *  - slide change p95: page index set → DOM updated and laid out; and → the next frame
 * Run: npm run bench -- teach
 */
import { createServer } from 'node:http'
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join, extname } from 'node:path'
import type { AddressInfo } from 'node:net'
import { build } from 'vite'
import vue from '@vitejs/plugin-vue'
import { chromium } from 'playwright-core'
import { percentile, round, writeResults, type Figure } from './bench-kit'

const root = join(import.meta.dirname, '..')
const work = join(root, 'bench/.work/teach')
const src = join(work, 'src')
const out = join(work, 'dist')
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

const pageMain = `
import { createApp, h, nextTick, ref, shallowRef } from 'vue'
import { InkSurface, InkBook } from '${root}/src-renderer/features/ink/index.ts'
import SlideView from '${root}/src-renderer/slide-render/SlideView.vue'
import { MEDIA_RESOLVER } from '${root}/src-renderer/slide-render/media-url.ts'
import { Deck } from '${root}/src-shared/courseware/deck.ts'

const w = window as any
function rnd(seed: number) { return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296) }

// ---- ink ----
w.setupInk = (existing: number) => {
  const host = document.getElementById('ink')!
  const handled: { script: number; sinceEvent: number; samples: number }[] = []
  const surface = new InkSurface({
    host, page: { width: 1280, height: 720 },
    onHandled: (e, start, samples) => {
      const end = performance.now()
      if (e.type === 'pointermove') handled.push({ script: end - start, sinceEvent: end - e.timeStamp, samples })
    }
  })
  const r = rnd(42)
  const strokes = []
  for (let i = 0; i < existing; i++) {
    const x = r() * 1200, y = r() * 680, pts = []
    for (let k = 0; k < 20; k++) pts.push([x + k * 3, y + Math.sin(k / 3) * 10, 0.5, k * 8])
    strokes.push({ id: 'e' + i, tool: i % 10 === 0 ? 'highlighter' : 'pen', color: '#1E88E5', width: 3, points: pts })
  }
  const book = new InkBook()
  const t0 = performance.now()
  surface.setSlide(book.load('s1', strokes))
  const firstDraw = performance.now() - t0
  surface.mode = 'pen'
  w.surface = surface
  w.handled = handled
  return { firstDraw }
}
w.frames = [] as number[]
w.recordFrames = (on: boolean) => {
  w.framesOn = on
  if (!on) return
  let last = performance.now()
  const loop = (t: number) => { w.frames.push(t - last); last = t; if (w.framesOn) requestAnimationFrame(loop) }
  requestAnimationFrame(loop)
}
w.storedPoints = (skip: number) => w.surface.strokes().slice(skip).reduce((n: number, s: any) => n + s.points.length, 0)
w.strokeCount = () => w.surface.strokes().length
// Synthetic pen strokes: each pointermove carries 4 coalesced samples with pressure.
w.penStrokes = (count: number, moves: number) => {
  const c = w.surface.live as HTMLCanvasElement
  const rect = c.getBoundingClientRect()
  let sent = 0, t = performance.now()
  for (let s = 0; s < count; s++) {
    const y = 100 + s * 40, id = 100 + s
    const ev = (type: string, x: number, p: number, extra: any = {}) => new PointerEvent(type, { pointerId: id, pointerType: 'pen', clientX: rect.left + x, clientY: rect.top + y, pressure: p, buttons: 1, bubbles: true, ...extra })
    c.dispatchEvent(ev('pointerdown', 50, 0.3)); sent++
    for (let m = 0; m < moves; m++) {
      const co = []
      for (let k = 1; k <= 4; k++) co.push(ev('pointermove', 50 + (m * 4 + k) * 2, 0.3 + 0.5 * Math.sin((m * 4 + k) / 20) ** 2))
      c.dispatchEvent(ev('pointermove', 50 + (m * 4 + 4) * 2, 0.5, { coalescedEvents: co }))
      sent += 4
    }
    c.dispatchEvent(ev('pointerup', 50 + moves * 8, 0))
  }
  return { sent, ms: performance.now() - t }
}

// ---- slides ----
w.setupSlides = async (count: number) => {
  const urls: string[] = []
  for (let i = 0; i < 8; i++) {
    const cv = document.createElement('canvas'); cv.width = 640; cv.height = 360
    const g = cv.getContext('2d')!
    const grad = g.createLinearGradient(0, 0, 640, 360); grad.addColorStop(0, 'hsl(' + i * 45 + ',70%,60%)'); grad.addColorStop(1, '#fff')
    g.fillStyle = grad; g.fillRect(0, 0, 640, 360); g.fillStyle = '#333'; g.font = '48px sans-serif'; g.fillText('图 ' + (i + 1), 40, 100)
    urls.push(await new Promise<string>((res) => cv.toBlob((b) => res(URL.createObjectURL(b!)), 'image/png')))
  }
  const hash = (i: number) => (i % 8).toString(16).padStart(64, '0')
  const slides = Array.from({ length: count }, (_, i) => ({
    id: 'slide-' + i,
    elements: [
      { type: 'text', id: 't' + i, x: 60, y: 40, w: 1160, h: 100, paragraphs: [{ runs: [{ text: '第 ' + (i + 1) + ' 页 勾股定理', fontSize: 40, bold: true }] }] },
      { type: 'image', id: 'i' + i, x: 60, y: 160, w: 640, h: 360, media: { hash: hash(i), ext: 'png' } },
      { type: 'text', id: 'b' + i, x: 740, y: 160, w: 480, h: 400, paragraphs: [1, 2, 3, 4].map((k) => ({ list: 'bullet', runs: [{ text: '要点 ' + k + '：直角三角形两直角边的平方和等于斜边的平方', fontSize: 24 }] })) }
    ]
  }))
  const deck = Deck.parse({ id: 'bench', title: 'bench', aspect: '16:9', slides })
  // Preload every image once, as a presenter does when a deck opens.
  await Promise.all(urls.map((u) => new Promise((res) => { const im = new Image(); im.onload = res; im.onerror = res; im.src = u })))
  const index = ref(0)
  const app = createApp({ setup: () => () => h(SlideView, { slide: deck.slides[index.value], aspect: '16:9', width: 1280 }) })
  app.provide(MEDIA_RESOLVER, (m: any) => urls[parseInt(m.hash, 16) % 8])
  app.mount('#slides')
  await nextTick()
  const el = document.getElementById('slides')!
  w.changeSlide = async (i: number) => {
    const t0 = performance.now()
    index.value = i
    await nextTick()
    void el.getBoundingClientRect().height
    const imgs = el.querySelectorAll('img')
    await Promise.all([...imgs].map((im) => (im.complete ? null : im.decode().catch(() => null))))
    const dom = performance.now() - t0
    const frame = await new Promise<number>((res) => requestAnimationFrame(() => { const mc = new MessageChannel(); mc.port1.onmessage = () => res(performance.now() - t0); mc.port2.postMessage(0) }))
    return { dom, frame }
  }
}
w.ready = true
`

const html = `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0} #ink{position:relative;width:1280px;height:720px;background:#fff} #slides{position:relative;width:1280px;height:720px}
</style></head><body><div id="ink"></div><div id="slides"></div><script type="module" src="./main.ts"></script></body></html>`

async function buildPage(): Promise<void> {
  mkdirSync(src, { recursive: true })
  writeFileSync(join(src, 'main.ts'), pageMain)
  writeFileSync(join(src, 'index.html'), html)
  await build({
    configFile: false,
    root: src,
    base: './',
    logLevel: 'warn',
    plugins: [vue()],
    build: { outDir: out, emptyOutDir: true, minify: true, target: 'es2022' },
    server: { fs: { allow: [root] } }
  })
}

function serve(dir: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.woff2': 'font/woff2',
    '.ttf': 'font/ttf'
  }
  const server = createServer((req, res) => {
    const p = join(dir, decodeURIComponent((req.url ?? '/').split('?')[0]!).replace(/^\/$/, '/index.html'))
    if (!p.startsWith(dir) || !existsSync(p)) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': types[extname(p)] ?? 'application/octet-stream' }).end(readFileSync(p))
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() })
    )
  )
}

async function main(): Promise<void> {
  await buildPage()
  const site = await serve(out)
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1300, height: 1500 }, deviceScaleFactor: 1 })
    page.on('pageerror', (e) => console.error('page error:', e.message))
    await page.goto(site.url)
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true)

    // ---- ink: trusted mouse strokes over 5,000 existing strokes ----
    const EXISTING = 5000
    const { firstDraw } = await page.evaluate(
      (n) => (window as never as { setupInk: (n: number) => { firstDraw: number } }).setupInk(n),
      EXISTING
    )
    const box = (await page.locator('#ink').boundingBox())!
    await page.evaluate(() => (window as never as { recordFrames: (on: boolean) => void }).recordFrames(true))
    const STROKES = 12
    const MOVES = 150
    let sentMouse = 0
    for (let s = 0; s < STROKES; s++) {
      const y = box.y + 80 + s * 45
      await page.mouse.move(box.x + 40, y)
      await page.mouse.down()
      sentMouse++
      for (let m = 1; m <= MOVES; m++) {
        await page.mouse.move(box.x + 40 + m * 7, y + Math.sin(m / 9) * 15)
        sentMouse++
      }
      await page.mouse.up()
    }
    await page.evaluate(() => (window as never as { recordFrames: (on: boolean) => void }).recordFrames(false))
    const mouse = await page.evaluate(
      ({ skip }) => {
        const w = window as never as {
          handled: { script: number; sinceEvent: number; samples: number }[]
          frames: number[]
          storedPoints: (s: number) => number
          strokeCount: () => number
        }
        return {
          handled: w.handled.splice(0),
          frames: w.frames.splice(0),
          stored: w.storedPoints(skip),
          strokes: w.strokeCount() - skip
        }
      },
      { skip: EXISTING }
    )
    // ---- ink: synthetic pen strokes, 4 coalesced samples per event ----
    const pen = await page.evaluate(() =>
      (window as never as { penStrokes: (c: number, m: number) => { sent: number; ms: number } }).penStrokes(10, 100)
    )
    const penResult = await page.evaluate(
      ({ skip }) => {
        const w = window as never as {
          handled: { script: number; sinceEvent: number; samples: number }[]
          storedPoints: (s: number) => number
        }
        return { handled: w.handled.splice(0), stored: w.storedPoints(skip) }
      },
      { skip: EXISTING + STROKES }
    )

    // ---- slides: 300 slides with images ----
    const SLIDES = 300
    await page.evaluate(
      (n) => (window as never as { setupSlides: (n: number) => Promise<void> }).setupSlides(n),
      SLIDES
    )
    const changes: { dom: number; frame: number }[] = []
    for (let i = 1; i < SLIDES; i++) {
      changes.push(
        await page.evaluate(
          (k) =>
            (window as never as { changeSlide: (k: number) => Promise<{ dom: number; frame: number }> }).changeSlide(k),
          i
        )
      )
    }
    for (let i = SLIDES - 2; i >= SLIDES - 60; i--) {
      changes.push(
        await page.evaluate(
          (k) =>
            (window as never as { changeSlide: (k: number) => Promise<{ dom: number; frame: number }> }).changeSlide(k),
          i
        )
      )
    }

    const allHandled = [...mouse.handled, ...penResult.handled]
    const script = allHandled.map((h) => h.script)
    const since = mouse.handled.map((h) => h.sinceEvent)
    const droppedMouse = sentMouse - mouse.stored
    const droppedPen = pen.sent - penResult.stored
    const figures: Figure[] = [
      { id: 'ink.script.p50', value: round(percentile(script, 50), 3), unit: 'ms', goal: '(p99 < 4)' },
      { id: 'ink.script.p99', value: round(percentile(script, 99), 3), unit: 'ms', goal: '< 4' },
      { id: 'ink.eventToDrawn.p50', value: round(percentile(since, 50), 3), unit: 'ms', goal: '(info)' },
      { id: 'ink.eventToDrawn.p99', value: round(percentile(since, 99), 3), unit: 'ms', goal: '(info)' },
      { id: 'ink.frame.p95', value: round(percentile(mouse.frames.slice(2), 95), 2), unit: 'ms', goal: '< 16.7' },
      // rAF intervals cannot be shorter than the 60 Hz refresh (16.67 ms); what matters is that none is a dropped frame.
      {
        id: 'ink.frame.dropped_frames',
        value: mouse.frames.slice(2).filter((f) => f > 25).length,
        unit: 'count',
        goal: '= 0'
      },
      { id: 'ink.droppedSamples', value: droppedMouse + droppedPen, unit: 'count', goal: '= 0' },
      {
        id: 'slide.change.laidOut.p95',
        value: round(
          percentile(
            changes.map((c) => c.dom),
            95
          ),
          2
        ),
        unit: 'ms',
        goal: '< 16.7'
      },
      {
        id: 'slide.change.nextFrame.p95',
        value: round(
          percentile(
            changes.map((c) => c.frame),
            95
          ),
          2
        ),
        unit: 'ms',
        goal: '< 16.7'
      }
    ]
    writeResults('teach', figures, {
      context: {
        existingStrokes: EXISTING,
        firstFullRedrawMs: round(firstDraw, 1),
        mouse: {
          strokes: mouse.strokes,
          samplesSent: sentMouse,
          pointsStored: mouse.stored,
          events: mouse.handled.length
        },
        pen: { samplesSent: pen.sent, pointsStored: penResult.stored, events: penResult.handled.length },
        slides: SLIDES,
        slideChanges: changes.length,
        notes: [
          'headless Chromium with --disable-gpu: canvas is rasterised in software',
          'ink.script = pointer handler start → end of its canvas draw calls (all coalesced samples handled)',
          'ink.eventToDrawn = PointerEvent.timeStamp → end of draw calls, for trusted CDP mouse input',
          'slide.change.nextFrame includes waiting for the next animation frame (vsync), so up to one frame interval is not rendering work'
        ]
      }
    })
  } finally {
    await browser.close()
    site.close()
  }
}

await main()
