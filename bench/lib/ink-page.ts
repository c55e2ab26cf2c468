/**
 * The ink part of the teach benchmark, shared with the board's (bench/lib/board-ink.ts): a page
 * (built here with Vite into bench/.work, never committed) that runs the real InkSurface over
 * thousands of existing strokes, and the measuring of pointer handling on it: script time per
 * event, frames while drawing, and samples sent against points stored.
 */
import { createServer, type IncomingMessage } from 'node:http'
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join, extname } from 'node:path'
import type { AddressInfo } from 'node:net'
import { build } from 'vite'
import vue from '@vitejs/plugin-vue'
import type { Page } from 'playwright-core'

export const root = join(import.meta.dirname, '../..')
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

/** Page code that sets up the ink surface (window.setupInk) and the helpers the measuring calls. */
export const inkPageCode = `
import { InkSurface, InkBook, InkAutosave } from '${root}/src-renderer/features/ink/index.ts'
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
  w.book = book
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

`

/** Builds a page of `main` (TypeScript, may import from the repo) into `work`/dist. */
export async function buildPage(work: string, main: string, html: string): Promise<string> {
  const src = join(work, 'src')
  const out = join(work, 'dist')
  mkdirSync(src, { recursive: true })
  writeFileSync(join(src, 'main.ts'), main)
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
  return out
}

/** Serves `dir`; a POST is read whole and handed to `onPost` before it is answered. */
export function serve(
  dir: string,
  onPost?: (body: string, req: IncomingMessage) => void
): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.woff2': 'font/woff2',
    '.ttf': 'font/ttf'
  }
  const server = createServer((req, res) => {
    if (req.method === 'POST') {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        onPost?.(Buffer.concat(chunks).toString(), req)
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
      })
      return
    }
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

export interface InkRun {
  firstDraw: number
  /** Script time of every pointermove handled (mouse and pen), ms. */
  script: number[]
  /** Event timeStamp → drawn, trusted mouse input only, ms. */
  sinceEvent: number[]
  /** requestAnimationFrame intervals while the mouse drew, ms (the first two dropped). */
  frames: number[]
  samplesSent: { mouse: number; pen: number }
  pointsStored: { mouse: number; pen: number }
  mouseStrokes: number
  events: { mouse: number; pen: number }
}

/** Sets up `existing` strokes in the page's ink element (#ink), draws with mouse and pen, and returns what it measured. */
export async function measureInk(page: Page, existing: number): Promise<InkRun> {
  const { firstDraw } = await page.evaluate(
    (n) => (window as never as { setupInk: (n: number) => { firstDraw: number } }).setupInk(n),
    existing
  )
  await afterSetup(page)
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
    { skip: existing }
  )
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
    { skip: existing + STROKES }
  )
  return {
    firstDraw,
    script: [...mouse.handled, ...penResult.handled].map((h) => h.script),
    sinceEvent: mouse.handled.map((h) => h.sinceEvent),
    frames: mouse.frames.slice(2),
    samplesSent: { mouse: sentMouse, pen: pen.sent },
    pointsStored: { mouse: mouse.stored, pen: penResult.stored },
    mouseStrokes: mouse.strokes,
    events: { mouse: mouse.handled.length, pen: penResult.handled.length }
  }
}

/** A hook the board's run uses to start the autosave once the strokes are in place (window.afterSetup). */
async function afterSetup(page: Page): Promise<void> {
  await page.evaluate(() => (window as never as { afterSetup?: () => void }).afterSetup?.())
}

/** A rAF interval this long is a frame the screen did not get (60 Hz: 16.7 ms a frame). */
export const DROPPED_FRAME_MS = 25
