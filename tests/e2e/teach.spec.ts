import { test, expect, type Page } from '@playwright/test'
import { join } from 'node:path'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { connectRpc, saveSampleDeck, type RpcClient } from './fixtures/rpc-client'

/**
 * 授课 end to end against the real browser host: choose a class and a deck, teach with keys,
 * swipes and ink (mouse, pen with pressure, two fingers at once), the name picker and the timer,
 * end the lesson and find the ink saved into the deck and the lesson in the records. The lesson
 * clock is moved by the host's test-only call, so a 16-minute lesson takes seconds.
 */

const ROSTER = ['张三', '李四', '王五', '赵六', '钱七']
const MINUTE = 60_000

let data: ReturnType<typeof tempDataDir>
let host: RunningHost
let rpc: RpcClient
let deckPath: string

test.use({ hasTouch: true })

test.beforeEach(async () => {
  data = tempDataDir()
  host = await startHost(data.dir)
  rpc = await connectRpc(host.url)
  deckPath = join(data.dir, 'decks', '勾股定理.edux')
  await saveSampleDeck(rpc, deckPath, '勾股定理', 5)
})
test.afterEach(async () => {
  rpc.close()
  await host.stop()
  data.cleanup()
})

async function createClass(page: Page, name: string, students: string[]): Promise<void> {
  await page.getByTestId('class-new').click()
  await page.getByTestId('class-name').fill(name)
  await page.getByTestId('class-names').fill(students.join('\n'))
  await page.getByTestId('class-save').click()
}

async function startDeck(page: Page): Promise<void> {
  await page.locator(`[data-path="${deckPath}"]`).click()
  await page.getByTestId('teach-start').click()
  await expect(page.getByTestId('presenter')).toBeVisible()
  await expect(page.getByTestId('lesson-timer')).toBeVisible()
}

const presenter = (page: Page) => page.getByTestId('presenter')

/** Pixels with any ink on the committed ink canvas of the page on screen. */
async function inkPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('.ink-committed')!
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
    let n = 0
    for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) n++
    return n
  })
}

async function inkBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('.ink-live').boundingBox()
  if (!box) throw new Error('no ink canvas')
  return box
}

/** The same data folder served again by a host whose clock this test moves (fixtures/clock-host.ts). */
async function restartWithMovableClock(): Promise<void> {
  rpc.close()
  await host.stop()
  host = await startHost(data.dir, [], {}, { movableClock: true })
  rpc = await connectRpc(host.url)
}

test('a lesson from class and deck to saved ink and an effective lesson record', async ({ page }) => {
  // This lesson must last 16 minutes to count: the services' clock is moved, not waited for.
  await restartWithMovableClock()
  await page.goto(`${host.url}#/teach`)
  await expect(page.getByTestId('teach-start')).toBeDisabled()
  await createClass(page, '七年级1班', ROSTER)
  await startDeck(page)
  await expect(presenter(page)).toHaveAttribute('data-index', '0')

  // --- keys and clicker keys
  await page.keyboard.press('ArrowRight')
  await expect(presenter(page)).toHaveAttribute('data-index', '1')
  await page.keyboard.press('PageDown')
  await expect(presenter(page)).toHaveAttribute('data-index', '2')
  await page.keyboard.press('ArrowLeft')
  await expect(presenter(page)).toHaveAttribute('data-index', '1')

  // --- swipes: left goes forward, right goes back
  const stage = await page.locator('.slide-box').boundingBox()
  const midY = stage!.y + stage!.height / 2
  const swipe = async (fromX: number, toX: number): Promise<void> => {
    await page.mouse.move(fromX, midY)
    await page.mouse.down()
    await page.mouse.move((fromX + toX) / 2, midY, { steps: 2 })
    await page.mouse.move(toX, midY, { steps: 2 })
    await page.mouse.up()
  }
  await swipe(stage!.x + stage!.width * 0.6, stage!.x + stage!.width * 0.3)
  await expect(presenter(page)).toHaveAttribute('data-index', '2')
  await swipe(stage!.x + stage!.width * 0.3, stage!.x + stage!.width * 0.6)
  await expect(presenter(page)).toHaveAttribute('data-index', '1')

  // --- ink: mouse, pen with pressure, two fingers at once
  await page.getByTestId('tool-pen').click()
  await expect(presenter(page)).toHaveAttribute('data-strokes', '0')
  const b = await inkBox(page)
  await page.mouse.move(b.x + 200, b.y + 200)
  await page.mouse.down()
  for (let i = 1; i <= 10; i++) await page.mouse.move(b.x + 200 + i * 20, b.y + 200 + i * 5)
  await page.mouse.up()
  await expect(presenter(page)).toHaveAttribute('data-strokes', '1')

  const cdp = await page.context().newCDPSession(page)
  const pen = (type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', x: number, y: number, force: number) =>
    cdp.send('Input.dispatchMouseEvent', {
      type,
      x,
      y,
      button: 'left',
      buttons: type === 'mouseReleased' ? 0 : 1,
      clickCount: 1,
      pointerType: 'pen',
      force
    })
  await pen('mousePressed', b.x + 200, b.y + 320, 0.9)
  for (let i = 1; i <= 10; i++) await pen('mouseMoved', b.x + 200 + i * 25, b.y + 320, 0.9)
  await pen('mouseReleased', b.x + 450, b.y + 320, 0.9)
  await expect(presenter(page)).toHaveAttribute('data-strokes', '2')

  const touches = (dx: number) => [
    { x: b.x + 300 + dx, y: b.y + 420, id: 1 },
    { x: b.x + 300 + dx, y: b.y + 520, id: 2 }
  ]
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touches(0) })
  for (let i = 1; i <= 8; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: touches(i * 25) })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  // Two fingers on a slide (not a whiteboard page) are two lines, not a pinch.
  await expect(presenter(page)).toHaveAttribute('data-strokes', '4')
  const drawn = await inkPixels(page)
  expect(drawn).toBeGreaterThan(500)

  // --- leave the slide and come back: the ink is still there
  await page.keyboard.press('ArrowRight')
  await expect(presenter(page)).toHaveAttribute('data-index', '2')
  await expect(presenter(page)).toHaveAttribute('data-strokes', '0')
  await expect.poll(() => inkPixels(page)).toBe(0)
  await page.keyboard.press('ArrowLeft')
  await expect(presenter(page)).toHaveAttribute('data-strokes', '4')
  await expect.poll(() => inkPixels(page)).toBe(drawn)

  // --- undo the two finger lines' second stroke, then replay stroke by stroke
  await page.getByTestId('tool-undo').click()
  await expect(presenter(page)).toHaveAttribute('data-strokes', '3')
  const afterUndo = await inkPixels(page)
  expect(afterUndo).toBeLessThan(drawn)
  await page.getByTestId('tool-replay').click()
  await expect(presenter(page)).toHaveAttribute('data-replaying', 'true')
  await expect(presenter(page)).toHaveAttribute('data-replaying', 'false', { timeout: 15_000 })
  await expect.poll(() => inkPixels(page)).toBe(afterUndo)
  await page.getByTestId('tool-pen').click() // pen off: taps and swipes navigate again

  // --- the name picker: everyone once before anyone twice
  await page.getByTestId('tool-more').click()
  await page.getByTestId('tool-picker').click()
  const picked: string[] = []
  for (let i = 0; i < ROSTER.length; i++) {
    await page.getByTestId('pick').click()
    await expect(page.getByTestId('pick')).toBeEnabled()
    picked.push((await page.getByTestId('picked-name').textContent())!.trim())
    await expect(page.getByTestId('picked-meta')).toContainText(`本轮还剩 ${ROSTER.length - 1 - i} 人`)
  }
  expect(new Set(picked).size).toBe(ROSTER.length)
  expect([...picked].sort()).toEqual([...ROSTER].sort())
  await page.getByTestId('pick').click()
  await expect(page.getByTestId('pick')).toBeEnabled()
  await expect(page.getByTestId('picked-meta')).toContainText('第 2 轮')
  await page.getByTestId('tool-more').click()
  await page.getByTestId('tool-picker').click()

  // --- the countdown runs and pauses
  await page.getByTestId('tool-more').click()
  await page.getByTestId('tool-timer').click()
  await page.getByTestId('timer-preset-1').click()
  await expect(page.getByTestId('timer-display')).toHaveText('1:00')
  await page.getByTestId('timer-start').click()
  await expect(page.getByTestId('timer-display')).toHaveText(/^0:5\d$/, { timeout: 5000 })
  await page.getByTestId('timer-start').click() // pause
  const paused = await page.getByTestId('timer-display').textContent()
  await page.waitForTimeout(1200)
  await expect(page.getByTestId('timer-display')).toHaveText(paused!)
  await page.getByTestId('tool-more').click()
  await page.getByTestId('tool-timer').click()

  // --- sixteen minutes of teaching (the clock moves in steps shorter than the idle limit)
  const { status } = await rpc.call('lessons:current', {})
  expect(status?.effective).toBe(false)
  for (let i = 0; i < 4; i++) {
    await host.advanceClock(4 * MINUTE)
    await rpc.call('lessons:activity', { sessionId: status!.sessionId })
  }

  // --- end the lesson (下课 asks, then the teacher ends it without waiting out the undo): the record counts, and the ink goes into the deck
  await page.getByTestId('lesson-end').click()
  await page.getByTestId('end-confirm').click()
  await page.getByTestId('end-now').click()
  await expect(page.getByTestId('lesson-summary')).toHaveAttribute('data-effective', 'true')
  await expect(page.getByTestId('teach-save-status')).toHaveAttribute('data-kind', 'saved')
  await page.getByTestId('teach-back').click()
  const row = page.getByTestId('lesson-row').first()
  await expect(row).toHaveAttribute('data-effective', 'true')
  await expect(row).toHaveAttribute('data-reason', 'teacher')
  expect(Number(await row.getAttribute('data-duration-ms'))).toBeGreaterThanOrEqual(16 * MINUTE)
  await expect(row.getByTestId('lesson-duration')).toHaveText('16 分钟')
  await expect(row.getByTestId('lesson-effective')).toContainText('有效')
  await expect(row).toContainText('七年级1班')
  await expect(row).toContainText('勾股定理')

  // The file on disk has the ink, pen pressure included: a fresh host reads it back.
  await host.stop()
  host = await startHost(data.dir)
  rpc.close()
  rpc = await connectRpc(host.url)
  const reopened = await rpc.call('courseware:open', { path: deckPath })
  const ink = reopened.deck.slides[1]!.ink
  expect(ink).toHaveLength(3)
  expect(ink.some((s) => s.points.every((p) => Math.abs(p[2] - 0.9) < 0.01))).toBe(true)
  expect(reopened.deck.slides.filter((s) => s.ink.length > 0)).toHaveLength(1)

  // Reopening the deck in class shows the saved ink on its slide.
  await page.goto(`${host.url}#/teach`)
  // Classes are kept in the data folder, not in this origin's storage: on the new port the class
  // is still there with its whole roster (only the last choice, a per-browser preference, is not).
  const kept = page.getByTestId('class-chooser').getByRole('button', { name: /七年级1班/ })
  await expect(kept).toHaveCount(1)
  await expect(kept).toContainText(`${ROSTER.length} 人`)
  expect((await rpc.call('rosters:list', {})).classes.map((c) => [c.name, c.students])).toEqual([['七年级1班', ROSTER]])
  await kept.click()
  await startDeck(page)
  await page.keyboard.press('ArrowRight')
  await expect(presenter(page)).toHaveAttribute('data-strokes', '3')
  await expect.poll(() => inkPixels(page)).toBeGreaterThan(300)
})

test('a whiteboard page written on in class is kept in the deck as a slide after the one it followed', async ({
  page
}) => {
  await page.goto(`${host.url}#/teach`)
  await createClass(page, '七年级2班', ROSTER)
  await startDeck(page)
  await page.getByTestId('tool-whiteboard').click()
  await page.getByTestId('whiteboard-tianzige').click()
  await expect(presenter(page)).toHaveAttribute('data-page-kind', 'board')
  await expect(page.getByTestId('page-background')).toHaveAttribute('data-kind', 'tianzige')
  await page.getByTestId('tool-pen').click()
  const b = await inkBox(page)
  await page.mouse.move(b.x + 300, b.y + 300)
  await page.mouse.down()
  for (let i = 1; i <= 6; i++) await page.mouse.move(b.x + 300 + i * 30, b.y + 300)
  await page.mouse.up()
  await expect(presenter(page)).toHaveAttribute('data-strokes', '1')
  await page.getByTestId('teach-back').click()
  await page.getByTestId('end-confirm').click()
  await page.getByTestId('end-now').click()
  await expect(page.getByTestId('lesson-row').first()).toHaveAttribute('data-reason', 'teacher')

  const deck = (await rpc.call('courseware:open', { path: deckPath })).deck
  expect(deck.slides).toHaveLength(6)
  const board = deck.slides[1]!
  expect(board.ink).toHaveLength(1)
  expect(board.background.image?.ext).toBe('png')
  const res = await page.request.get(new URL(`media/${board.background.image!.hash}.png`, host.url).href)
  expect(res.ok()).toBe(true)
})

test('a crash during a lesson: after a restart the lesson is closed at its last heartbeat', async ({ page }) => {
  await page.goto(`${host.url}#/teach`)
  await createClass(page, '八年级3班', ROSTER)
  await startDeck(page)
  await page.keyboard.press('ArrowRight')
  await expect(presenter(page)).toHaveAttribute('data-index', '1')

  // Wait for a heartbeat that nothing but the timer sent, then kill at once (the next is 5 s away).
  // The page turn above is a heartbeat too and may land after this first read, so wait for a beat
  // at least 4 s later than it, not just a different one.
  const beat = async (): Promise<number> => Date.parse((await presenter(page).getAttribute('data-last-beat'))!)
  const first = await beat()
  await expect.poll(async () => (await beat()) - first, { timeout: 12_000 }).toBeGreaterThanOrEqual(4000)
  const lastBeat = (await presenter(page).getAttribute('data-last-beat'))!
  await host.kill()
  const killedAt = Date.now()
  await page.waitForTimeout(2500)

  host = await startHost(data.dir)
  rpc.close()
  rpc = await connectRpc(host.url)
  await page.goto(`${host.url}#/teach`)
  const row = page.getByTestId('lesson-row').first()
  await expect(row).toHaveAttribute('data-reason', 'recovered')
  await expect(row).toHaveAttribute('data-ended-at', lastBeat)
  expect(Date.parse(lastBeat)).toBeLessThan(killedAt + 1000)
  await expect(row).toHaveAttribute('data-effective', 'false')
  await expect(row.getByTestId('lesson-recovered')).toBeVisible()
  const { items } = await rpc.call('lessons:list', {})
  expect(items[0]).toMatchObject({ endReason: 'recovered', endedAt: lastBeat, className: '八年级3班' })
  expect(Date.parse(items[0]!.endedAt!) - Date.parse(items[0]!.startedAt)).toBeGreaterThanOrEqual(5000)
  expect((await rpc.call('lessons:current', {})).status).toBeNull()
})

test('on the classroom display: the board window plays the lesson and the laptop shows the presenter console', async ({
  page
}) => {
  await page.goto(`${host.url}#/teach`)
  await createClass(page, '九年级1班', ROSTER)
  await page.locator(`[data-path="${deckPath}"]`).click()
  const [board] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('teach-start-board').click()])
  const console_ = page.getByTestId('presenter-console')
  await expect(presenter(board)).toHaveAttribute('data-index', '0')
  await expect(console_).toHaveAttribute('data-index', '0')
  await expect(page.getByTestId('console-page')).toHaveText('第 1 / 5 页')
  await expect(console_).toContainText('九年级1班')

  // The console turns the board's pages; the board's own keys show on the console.
  await page.getByTestId('console-next').click()
  await expect(presenter(board)).toHaveAttribute('data-index', '1')
  await expect(page.getByTestId('console-page')).toHaveText('第 2 / 5 页')
  await board.keyboard.press('ArrowRight')
  await expect(console_).toHaveAttribute('data-index', '2')
  await page.getByTestId('console-prev').click()
  await expect(presenter(board)).toHaveAttribute('data-index', '1')

  // Ending from the console ends the lesson on the board, which records it.
  await page.getByTestId('console-end').click()
  await page.getByTestId('end-confirm').click()
  await page.getByTestId('end-now').click()
  await expect(board.getByTestId('lesson-summary')).toBeVisible()
  await expect(console_).toHaveAttribute('data-ended', 'true')
  const closed = board.waitForEvent('close')
  // The button closes its own window; click it from a timer so the click call returns before the
  // page goes away (a direct click can race the close and fail with "Target page has been closed").
  await expect(board.getByTestId('teach-back')).toBeVisible()
  await board.evaluate(() =>
    setTimeout(() => (document.querySelector('[data-testid="teach-back"]') as HTMLElement).click(), 0)
  )
  await closed
  await page.getByTestId('console-back').click()
  const row = page.getByTestId('lesson-row').first()
  await expect(row).toHaveAttribute('data-reason', 'teacher')
  await expect(row).toContainText('九年级1班')
  await expect(page.getByTestId('lesson-row')).toHaveCount(1)
})

test('the overlay page draws on a see-through window and closes with one tap', async ({ page }) => {
  await page.goto(`${host.url}#/teach`)
  const [overlay] = await Promise.all([
    page.waitForEvent('popup'),
    page.evaluate(() => void window.open('#/teach?view=overlay', 'classdeck-overlay'))
  ])
  await expect(overlay.getByTestId('overlay-ink')).toBeVisible()
  expect(await overlay.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgba(0, 0, 0, 0)')
  await expect(overlay.locator('#app')).toBeHidden()
  await overlay.mouse.move(200, 200)
  await overlay.mouse.down()
  for (let i = 1; i <= 6; i++) await overlay.mouse.move(200 + i * 30, 220)
  await overlay.mouse.up()
  await expect(overlay.getByTestId('overlay-ink')).toHaveAttribute('data-strokes', '1')
  const closed = overlay.waitForEvent('close')
  await overlay.getByTestId('overlay-close').click()
  await closed
})

test('a snapshot of the slide becomes a page to write over, the compass draws an arc as ink, and both are saved', async ({
  page
}) => {
  await page.goto(`${host.url}#/teach`)
  await createClass(page, '八年级1班', ROSTER)
  await startDeck(page)
  await page.getByTestId('tool-pen').click()
  const b = await inkBox(page)
  await page.mouse.move(b.x + 200, b.y + 500)
  await page.mouse.down()
  for (let i = 1; i <= 6; i++) await page.mouse.move(b.x + 200 + i * 30, b.y + 500)
  await page.mouse.up()
  await expect(presenter(page)).toHaveAttribute('data-strokes', '1')

  await page.getByTestId('tool-whiteboard').click()
  await page.getByTestId('whiteboard-screenshot').click()
  await expect(presenter(page)).toHaveAttribute('data-index', '1')
  await expect(presenter(page)).toHaveAttribute('data-page-kind', 'board')
  await expect(presenter(page)).toHaveAttribute('data-strokes', '1')
  await expect(page.locator('.slide-box')).toContainText('勾股定理 第 1 页')

  await page.getByTestId('tool-more').click()
  await page.getByTestId('tool-compass').click()
  await expect(page.getByTestId('compass-radius')).toHaveText('半径 5.0 厘米')
  await page.getByTestId('compass-draw').click()
  const pivot = await page.getByTestId('compass-pivot').boundingBox()
  const pen = await page.getByTestId('compass-pencil').boundingBox()
  const c = { x: pivot!.x + pivot!.width / 2, y: pivot!.y + pivot!.height / 2 }
  const r = Math.hypot(pen!.x + pen!.width / 2 - c.x, pen!.y + pen!.height / 2 - c.y)
  await page.mouse.move(c.x + r, c.y)
  await page.mouse.down()
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(c.x + r * Math.cos((i * Math.PI) / 12), c.y + r * Math.sin((i * Math.PI) / 12))
  await page.mouse.up()
  await expect(presenter(page)).toHaveAttribute('data-strokes', '2')
  await page.getByTestId('compass-close').click()

  await page.getByTestId('teach-back').click()
  await page.getByTestId('end-confirm').click()
  await page.getByTestId('end-now').click()
  await expect(page.getByTestId('lesson-row').first()).toHaveAttribute('data-reason', 'teacher')
  const deck = (await rpc.call('courseware:open', { path: deckPath })).deck
  expect(deck.slides.map((s) => s.ink.length)).toEqual([1, 2, 0, 0, 0, 0])
  const snap = deck.slides[1]!
  expect(snap.elements).toEqual(deck.slides[0]!.elements)
  // The arc is a half circle of the compass's radius, in slide units.
  const arc = snap.ink[1]!.points
  const scale = 1280 / b.width // 16:9 slides are 1280 units wide
  const mid = arc[Math.floor(arc.length / 2)]!
  const first = arc[0]!
  const last = arc[arc.length - 1]!
  expect(Math.hypot(first[0] - last[0], first[1] - last[1])).toBeCloseTo(2 * r * scale, -1)
  expect(mid[1]).toBeGreaterThan(first[1])
})
