import { test, expect, type Page } from '@playwright/test'
import { join } from 'node:path'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { connectRpc, saveSampleDeck, type RpcClient } from './fixtures/rpc-client'

/**
 * Ink survives a crash of the host: strokes drawn on the board are saved while the lesson plays
 * (lessons:save-ink), the browser-host process is killed with SIGKILL mid-lesson, and after a
 * restart on the same data folder the teach page offers to carry on at the page where it stopped,
 * with every stroke drawn more than 2 s before the kill. Also the ink tools on the board: the ruler
 * guides the pen, the magnifier shows the ink, whiteboard pages are numbered and can be unzoomed.
 */

let data: ReturnType<typeof tempDataDir>
let host: RunningHost
let rpc: RpcClient
let deckPath: string

test.use({ hasTouch: true })

test.beforeEach(async () => {
  data = tempDataDir()
  host = await startHost(data.dir)
  rpc = await connectRpc(host.url)
  deckPath = join(data.dir, 'decks', '一次函数.edux')
  await saveSampleDeck(rpc, deckPath, '一次函数', 5)
})
test.afterEach(async () => {
  rpc.close()
  await host.stop()
  data.cleanup()
})

const presenter = (page: Page) => page.getByTestId('presenter')

async function startLesson(page: Page): Promise<void> {
  await page.goto(`${host.url}#/teach`)
  await page.getByTestId('class-new').click()
  await page.getByTestId('class-name').fill('八年级2班')
  await page.getByTestId('class-names').fill(['张三', '李四', '王五'].join('\n'))
  await page.getByTestId('class-save').click()
  await page.locator(`[data-path="${deckPath}"]`).click()
  await page.getByTestId('teach-start').click()
  await expect(page.getByTestId('lesson-timer')).toBeVisible()
  await page.getByTestId('tool-pen').click()
}

async function inkBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('.ink-live').boundingBox()
  if (!box) throw new Error('no ink canvas')
  return box
}

/** One mouse stroke, 10 moves; resolves when the board has committed it. */
async function stroke(page: Page, x: number, y: number): Promise<void> {
  const before = Number(await presenter(page).getAttribute('data-strokes'))
  await page.mouse.move(x, y)
  await page.mouse.down()
  for (let i = 1; i <= 10; i++) await page.mouse.move(x + i * 15, y + (i % 3) * 6)
  await page.mouse.up()
  await expect(presenter(page)).toHaveAttribute('data-strokes', String(before + 1))
}

/** Rows of the committed ink canvas that carry ink, in CSS px from the canvas's top. */
async function inkRows(page: Page, selector = '.ink-committed'): Promise<number[]> {
  return page.evaluate((sel) => {
    const c = document.querySelector<HTMLCanvasElement>(sel)!
    const dpr = c.width / c.getBoundingClientRect().width
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
    const rows = new Set<number>()
    for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) rows.add(Math.floor(Math.floor(i / 4 / c.width) / dpr))
    return [...rows].sort((a, b) => a - b)
  }, selector)
}

test('a kill -9 of the host mid-lesson loses no stroke drawn 2 s before it, and the lesson carries on where it stopped', async ({
  page
}) => {
  await startLesson(page)
  const b = await inkBox(page)

  // Page 2: three strokes. Page 3: strokes until the kill, each finish time noted.
  await page.keyboard.press('ArrowRight')
  await expect(presenter(page)).toHaveAttribute('data-index', '1')
  for (let i = 0; i < 3; i++) await stroke(page, b.x + 100, b.y + 120 + i * 60)
  await page.keyboard.press('ArrowRight')
  await expect(presenter(page)).toHaveAttribute('data-index', '2')
  const finished: number[] = []
  for (let i = 0; i < 6; i++) {
    await stroke(page, b.x + 100, b.y + 100 + i * 50)
    finished.push(Date.now())
    await page.waitForTimeout(400)
  }
  await host.kill()
  const killedAt = Date.now()
  const mustKeep = finished.filter((t) => t <= killedAt - 2000).length
  expect(mustKeep).toBeGreaterThanOrEqual(3)

  host = await startHost(data.dir)
  rpc.close()
  rpc = await connectRpc(host.url)
  await page.goto(`${host.url}#/teach`)
  await expect(page.getByTestId('resume-title')).toHaveText('上次的课意外中断 · 从第 3 页继续')
  await expect(page.getByTestId('resume-card')).toContainText('八年级2班')
  await expect(page.getByTestId('lesson-row').first()).toHaveAttribute('data-reason', 'recovered')

  await page.getByTestId('resume-lesson').click()
  await expect(presenter(page)).toHaveAttribute('data-index', '2')
  const kept = Number(await presenter(page).getAttribute('data-strokes'))
  expect(kept).toBeGreaterThanOrEqual(mustKeep)
  expect(kept).toBeLessThanOrEqual(6)
  await page.keyboard.press('ArrowLeft')
  await expect(presenter(page)).toHaveAttribute('data-index', '1')
  await expect(presenter(page)).toHaveAttribute('data-strokes', '3')

  // Carried on, the lesson is offered no more; its ink is saved again under the new lesson.
  await expect(presenter(page)).not.toHaveAttribute('data-ink-saves', '0')
  expect((await rpc.call('lessons:interrupted', {})).lesson).toBeNull()
  // Ending it writes the carried-on ink into the deck, as for any lesson.
  await page.getByTestId('teach-back').click()
  // Where 下课 asks first and offers an undo, answer yes and end now.
  for (const id of ['end-confirm', 'end-now']) {
    const button = page.getByTestId(id)
    await button.waitFor({ state: 'visible', timeout: 2000 }).then(
      () => button.click(),
      () => undefined
    )
  }
  await expect(page.getByTestId('lesson-row').first()).toHaveAttribute('data-reason', 'teacher')
  const deck = (await rpc.call('courseware:open', { path: deckPath })).deck
  expect(deck.slides[1]!.ink).toHaveLength(3)
  expect(deck.slides[2]!.ink).toHaveLength(kept)
})

test('the ruler guides the pen, the magnifier shows the ink, and whiteboard pages are numbered and unzoom', async ({
  page
}) => {
  await startLesson(page)
  await page.getByTestId('tool-more').click()
  await page.getByTestId('tool-ruler').click()
  const ruler = (await page.getByTestId('ruler').boundingBox())!
  const b = await inkBox(page)

  // A wobbly stroke begun 15 px above the ruler's top edge is drawn along that edge.
  const edgeY = ruler.y
  await page.mouse.move(ruler.x + 60, edgeY - 15)
  await page.mouse.down()
  for (let i = 1; i <= 12; i++) await page.mouse.move(ruler.x + 60 + i * 25, edgeY - 15 + (i % 2 ? -12 : 8))
  await page.mouse.up()
  await expect(presenter(page)).toHaveAttribute('data-strokes', '1')
  const rows = await inkRows(page)
  const edgeOnCanvas = edgeY - b.y
  expect(Math.min(...rows)).toBeGreaterThanOrEqual(edgeOnCanvas - 8)
  expect(Math.max(...rows)).toBeLessThanOrEqual(edgeOnCanvas + 8)

  // The magnifier enlarges the ink with the slide.
  await page.getByTestId('tool-more').click()
  await page.getByTestId('tool-magnifier').click()
  await expect.poll(async () => (await inkRows(page, '[data-testid="magnifier-ink"]')).length).toBeGreaterThan(0)
  await page.getByTestId('magnifier-close').click()

  // Whiteboard pages: 白板 1/1, then 白板 2/2; a pinch zoom offers 恢复原大小.
  await page.getByTestId('tool-whiteboard').click()
  await page.getByTestId('whiteboard-plain').click()
  await expect(page.getByTestId('page-number')).toHaveText('白板 1/1')
  await page.getByTestId('tool-whiteboard').click()
  await page.getByTestId('whiteboard-grid').click()
  await expect(page.getByTestId('page-number')).toHaveText('白板 2/2')
  await expect(page.getByTestId('reset-zoom')).toHaveCount(0)
  const cdp = await page.context().newCDPSession(page)
  const cx = b.x + b.width / 2
  const cy = b.y + b.height / 2
  const fingers = (d: number) => [
    { x: cx - d, y: cy, id: 1 },
    { x: cx + d, y: cy, id: 2 }
  ]
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(40) })
  for (const d of [60, 90, 120, 150])
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(d) })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await expect(page.getByTestId('reset-zoom')).toBeVisible()
  await page.getByTestId('reset-zoom').click()
  await expect(page.getByTestId('reset-zoom')).toHaveCount(0)
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByTestId('page-number')).toHaveText('白板 1/2')
})
