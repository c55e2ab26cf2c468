/**
 * Editor (issue 17, "Measured"), in headless Chromium against the real browser host and app:
 *  - key-to-paint while typing in a text box on a 300-slide deck: keydown (capture, performance.now())
 *    → the editor's DOM changed (MutationObserver) → the next animation frame; p95 over 120 keys
 *  - undo of a 50-element paste: Ctrl+Z keydown → the 50 pasted elements gone from the canvas → next frame
 *  - opening the animation pane on a slide with 30 steps: not measured, the pane is not built yet
 * Needs a build (npm run build). Run: npm run bench -- editor
 */
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, percentile, round, writeResults, type Figure } from './bench-kit'
import { startHost, tempDataDir } from '../tests/e2e/fixtures/browser-host'
import { connectRpc } from '../tests/e2e/fixtures/rpc-client'
import { createDeck, createId, type Deck } from '../src-shared/courseware'

const frame = (x: number, y: number, w: number, h: number) => ({
  id: createId(),
  x,
  y,
  w,
  h,
  rotation: 0,
  opacity: 1,
  locked: false
})
const text = (x: number, y: number, w: number, h: number, t: string, size = 28) => ({
  type: 'text' as const,
  ...frame(x, y, w, h),
  paragraphs: [{ level: 0, runs: [{ text: t, fontSize: size }] }],
  verticalAlign: 'top' as const,
  autoFit: false
})

function bigDeck(): Omit<Deck, 'slides'> & { slides: unknown[] } {
  const deck = createDeck('三百页')
  // The deck as sent over the contract: the services fill in what the schema defaults.
  const slides: { id: string; elements: unknown[] }[] = Array.from({ length: 300 }, (_, i) => ({
    ...deck.slides[0]!,
    id: createId(),
    elements: [
      text(60, 40, 1160, 100, `第 ${i + 1} 页 勾股定理`, 40),
      text(60, 180, 1160, 400, '直角三角形两直角边的平方和等于斜边的平方。'.repeat(3))
    ]
  }))
  // Slide 2: fifty small shapes to copy and paste.
  slides[1]!.elements = Array.from({ length: 50 }, (_, k) => ({
    type: 'shape' as const,
    ...frame(40 + (k % 10) * 120, 60 + Math.floor(k / 10) * 120, 80, 80),
    kind: 'rectangle' as const,
    fill: '#1F4E79',
    paragraphs: [],
    verticalAlign: 'middle' as const
  }))
  return { ...deck, slides }
}

const data = tempDataDir()
const host = await startHost(data.dir)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
const figures: Figure[] = []
const samples: Record<string, number> = {}
try {
  const rpc = await connectRpc(host.url)
  const doc = await rpc.call('courseware:create', { title: '三百页' })
  const deck = { ...bigDeck(), id: doc.docId }
  await rpc.call('courseware:update', { docId: doc.docId, deck: deck as never })
  await rpc.call('courseware:save', { docId: doc.docId })
  await rpc.call('courseware:close', { docId: doc.docId })
  rpc.close()

  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
  await page.goto(`${host.url}#/prepare`)
  await page.getByTestId('recent-三百页').click()
  await page.getByTestId('thumb-299').waitFor({ state: 'attached' })

  // ---- typing ----
  await page.getByTestId('editor-canvas').getByTestId('element-text').last().dblclick()
  const box = page.getByTestId('slide-text-editor')
  await box.waitFor()
  await page.keyboard.press('End')
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="slide-text-editor"]')!
    const w = window as unknown as { lat: number[] }
    w.lat = []
    let t0 = 0
    el.addEventListener('keydown', () => (t0 = performance.now()), { capture: true })
    new MutationObserver(() => {
      if (!t0) return
      const start = t0
      t0 = 0
      requestAnimationFrame(() => w.lat.push(performance.now() - start))
    }).observe(el, { subtree: true, childList: true, characterData: true })
  })
  for (let round = 0; round < 8; round++) {
    await page.keyboard.type('abcdefghijklmno', { delay: 30 })
  }
  await page.waitForTimeout(600) // the edit reaches the deck (400 ms after the last key) before we leave
  const lat = await page.evaluate(() => (window as unknown as { lat: number[] }).lat)
  samples['typing keys'] = lat.length
  figures.push({
    id: 'typing key-to-paint p95 (300-slide deck)',
    value: round(percentile(lat, 95)),
    unit: 'ms',
    goal: '< 16'
  })
  figures.push({ id: 'typing key-to-paint p50', value: round(percentile(lat, 50)), unit: 'ms', goal: '-' })
  await page.getByTestId('rich-done').click()

  // ---- undo of a 50-element paste ----
  await page.getByTestId('thumb-1').click()
  const hits = page.getByTestId('editor-canvas').getByTestId('element-shape')
  await hits.first().waitFor()
  for (let k = 0; k < 50; k++) await hits.nth(k).click({ modifiers: k ? ['Shift'] : [] })
  await page.keyboard.press('ControlOrMeta+c')
  const undo: number[] = []
  for (let r = 0; r < 10; r++) {
    await page.keyboard.press('ControlOrMeta+v')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="element-shape"]').length === 100)
    await page.evaluate(() => {
      const w = window as unknown as { undoMs: Promise<number> }
      w.undoMs = new Promise<number>((res) => {
        let t0 = 0
        window.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true })
        const mo = new MutationObserver(() => {
          if (!t0 || document.querySelectorAll('[data-testid="element-shape"]').length !== 50) return
          mo.disconnect()
          requestAnimationFrame(() => res(performance.now() - t0))
        })
        mo.observe(document.querySelector('[data-testid="editor-canvas"]')!, { subtree: true, childList: true })
      })
    })
    await page.locator('body').press('ControlOrMeta+z')
    undo.push(await page.evaluate(() => (window as unknown as { undoMs: Promise<number> }).undoMs))
  }
  samples['undos'] = undo.length
  figures.push({ id: 'undo of a 50-element paste p95', value: round(percentile(undo, 95)), unit: 'ms', goal: '< 50' })
} finally {
  await browser.close()
  await host.stop()
  data.cleanup()
}
writeResults('editor', figures, {
  samples,
  notMeasured: ['animation pane open on a 30-step slide (< 100 ms): the animation pane is not built yet'],
  machine: 'shared 2-core build machine, headless Chromium, software rendering'
})
