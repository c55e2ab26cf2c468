/**
 * Board: is it safe to touch? The real browser host (dist/node/cli.mjs serve, built if stale as
 * bench/startup.ts does) with a class and a deck, driven in Chromium with Playwright:
 *
 *  - toolbar overflow in px at 1366×768, 1920×1080 and 3840×2160, docked right, bottom and left
 *    (pixels the bar would need to scroll plus pixels of any tool outside the screen; goal 0)
 *  - overlapping hit boxes of buttons, [role=button]s and inputs on the board, counted over every
 *    size and dock with each choice and each floating tool open in turn (goal 0)
 *  - axe-core serious + critical violations on each page: the teacher's pages, the board, the
 *    presenter console, the student tablet and the phone remote (goal 0)
 *  - ink figures from bench/lib/board-ink.ts when it is there (another part of issue 15)
 * Run: npm run bench -- board
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, writeResults, type Figure } from './bench-kit'
import { startHost, tempDataDir, type RunningHost } from '../tests/e2e/fixtures/browser-host'
import { connectRpc, saveSampleDeck, type RpcClient } from '../tests/e2e/fixtures/rpc-client'
import {
  DOCKS,
  FLOATING_TOOLS,
  RESOLUTIONS,
  dockAt,
  hitBoxOverlaps,
  toggleTool,
  toolbarFit,
  type Overlap
} from '../tests/e2e/fixtures/board-audit'
import { seriousViolations } from '../tests/e2e/fixtures/axe'

const root = join(import.meta.dirname, '..')
/**
 * tsx (esbuild, keepNames) wraps the named helpers inside the page.evaluate callbacks of
 * board-audit.ts in __name(); Playwright's test runner does not. Define it in every page.
 */
const KEEP_NAMES = 'window.__name = (f) => f'

async function newContext(browser: Browser, options: Parameters<Browser['newContext']>[0]) {
  const ctx = await browser.newContext(options)
  await ctx.addInitScript(KEEP_NAMES)
  return ctx
}

async function openBoard(page: Page, host: RunningHost, deckPath: string): Promise<void> {
  await page.goto(`${host.url}#/teach`)
  await page.locator('[data-testid=class-new]').click()
  await page.locator('[data-testid=class-name]').fill('七年级1班')
  await page.locator('[data-testid=class-names]').fill('张三\n李四\n王五')
  await page.locator('[data-testid=class-save]').click()
  await page.locator(`[data-path="${deckPath}"]`).click()
  await page.locator('[data-testid=teach-start]').click()
  // The layout pass leaves its lesson open (its page closes mid-lesson): starting the next asks first.
  const timer = page.locator('[data-testid=lesson-timer]')
  const ask = page.locator('[data-testid=open-lesson-proceed]')
  await timer.or(ask).first().waitFor()
  if (await ask.isVisible()) {
    await ask.click()
    await timer.waitFor()
  }
}

/** Toolbar overflow per size and dock, and every overlap seen with each choice and tool open. */
async function layoutFigures(page: Page): Promise<{ figures: Figure[]; overlaps: (Overlap & { where: string })[] }> {
  const figures: Figure[] = []
  const overlaps: (Overlap & { where: string })[] = []
  const note = async (where: string): Promise<void> => {
    for (const o of await hitBoxOverlaps(page)) overlaps.push({ ...o, where })
  }
  for (const size of RESOLUTIONS) {
    await page.setViewportSize(size)
    for (const dock of DOCKS) {
      await dockAt(page, dock)
      const where = `${size.width}x${size.height} ${dock}`
      const fit = await toolbarFit(page)
      figures.push({ id: `toolbar overflow ${where}`, value: fit.overflow, unit: 'px', goal: '0' })
      await note(where)
      for (const pop of ['tool-ink-style', 'tool-whiteboard', 'tool-more']) {
        await page.locator(`[data-testid=${pop}]`).click()
        await note(`${where} + ${pop}`)
        await page.locator(`[data-testid=${pop}]`).click()
      }
      for (const tool of FLOATING_TOOLS) {
        await toggleTool(page, tool)
        await note(`${where} + ${tool}`)
        await toggleTool(page, tool)
      }
      await page.locator('[data-testid=lesson-end]').click()
      await note(`${where} + 下课 question`)
      await page.locator('[data-testid=end-cancel]').click()
    }
  }
  figures.push({
    id: 'overlapping hit boxes (all sizes, docks, tools)',
    value: overlaps.length,
    unit: 'pairs',
    goal: '0'
  })
  return { figures, overlaps }
}

async function axeFigure(page: Page, id: string): Promise<{ figure: Figure; ids: string[] }> {
  const found = await seriousViolations(page)
  const nodes = found.reduce((n, v) => n + v.nodes.length, 0)
  return {
    figure: { id: `axe serious+critical ${id}`, value: found.length, unit: 'rules', goal: '0' },
    ids: found.map((v) => `${v.id} (${v.impact}, ${nodes} nodes)`)
  }
}

async function axeFigures(browser: Browser, host: RunningHost, rpc: RpcClient, deckPath: string) {
  const figures: Figure[] = []
  const detail: Record<string, string[]> = {}
  const record = async (page: Page, id: string): Promise<void> => {
    const r = await axeFigure(page, id)
    figures.push(r.figure)
    if (r.ids.length) detail[id] = r.ids
  }
  const ctx = await newContext(browser, { viewport: { width: 1920, height: 1080 }, hasTouch: true })
  const page = await ctx.newPage()
  for (const [name, route] of [
    ['home', '#/'],
    ['备课', '#/prepare'],
    ['授课', '#/teach'],
    ['课堂互动', '#/interact'],
    ['资源库', '#/library'],
    ['统计', '#/stats'],
    ['同步', '#/sync'],
    ['设置', '#/settings']
  ] as const) {
    await page.goto(`${host.url}${route}`)
    await page.locator('[data-testid=app-title]').waitFor()
    await page.waitForLoadState('networkidle')
    await record(page, name)
  }
  await openBoard(page, host, deckPath)
  await record(page, 'board')
  await page.locator('[data-testid=tool-more]').click()
  await record(page, 'board + 更多')
  await page.locator('[data-testid=tool-more]').click()
  await page.locator('[data-testid=lesson-end]').click()
  await page.locator('[data-testid=end-confirm]').click()
  await page.locator('[data-testid=end-now]').click()
  await page.locator('[data-testid=lesson-summary]').waitFor()

  // The console on the laptop with the board in its own window.
  await page.locator('[data-testid=teach-back]').click()
  await page.locator(`[data-path="${deckPath}"]`).click()
  const [board] = await Promise.all([
    page.waitForEvent('popup'),
    page.locator('[data-testid=teach-start-board]').click()
  ])
  await board.locator('[data-testid=presenter]').waitFor()
  await page.locator('[data-testid=presenter-console][data-index="0"]').waitFor()
  await record(page, 'presenter console')
  await ctx.close()

  const status = await rpc.call('classroom:open', { title: '七年级1班', host: '127.0.0.1' })
  const tablet = await newContext(browser, { viewport: { width: 800, height: 1200 }, hasTouch: true })
  const student = await tablet.newPage()
  await student.goto(status.url!)
  await student.locator('[data-testid=pin]').fill(status.pin!)
  await student.locator('[data-testid=pin-go]').click()
  await student.locator('[data-testid=name]').fill('张三')
  await student.locator('[data-testid=name-go]').click()
  await student.locator('[data-testid=waiting]').waitFor()
  await rpc.call('classroom:launch', {
    spec: { kind: 'single', prompt: '勾股定理中斜边是哪条？', options: ['a', 'b', 'c', 'd'], correct: 2 }
  })
  await student.locator('[data-testid=option-C]').waitFor()
  await record(student, 'student page')
  const { url } = await rpc.call('classroom:remote-token', {})
  const phoneCtx = await newContext(browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
  const phone = await phoneCtx.newPage()
  await phone.goto(url)
  await phone.waitForLoadState('networkidle')
  await record(phone, 'phone remote')
  await tablet.close()
  await phoneCtx.close()
  await rpc.call('classroom:close', {})
  return { figures, detail }
}

/** The ink figures (strokes lost to kill -9, latency with autosave, dropped frames) when their module exists. */
async function inkFigures(): Promise<Figure[]> {
  const file = join(import.meta.dirname, 'lib/board-ink.ts')
  if (!existsSync(file)) {
    console.log('  (bench/lib/board-ink.ts is not there yet: no ink figures)')
    return []
  }
  const mod = (await import(pathToFileURL(file).href)) as { inkFigures: () => Promise<Figure[]> }
  return mod.inkFigures()
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [join(root, 'scripts/build-if-stale-cli.mjs')], { stdio: 'inherit' })
  const data = tempDataDir()
  const host = await startHost(data.dir)
  const rpc = await connectRpc(host.url)
  const deckPath = join(data.dir, 'decks', '勾股定理.edux')
  await saveSampleDeck(rpc, deckPath, '勾股定理', 3)
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const ctx = await newContext(browser, { hasTouch: true })
    const page = await ctx.newPage()
    await openBoard(page, host, deckPath)
    const layout = await layoutFigures(page)
    await ctx.close()
    const axe = await axeFigures(browser, host, rpc, deckPath)
    const ink = await inkFigures()
    writeResults('board', [...layout.figures, ...axe.figures, ...ink], {
      overlaps: layout.overlaps.slice(0, 50),
      axe: axe.detail
    })
  } finally {
    await browser.close()
    rpc.close()
    await host.stop()
    data.cleanup()
  }
}

await main()
