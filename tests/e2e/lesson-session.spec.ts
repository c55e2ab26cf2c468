/**
 * One lesson, one class session, on the real host in Chromium: lesson A (八年级3班) opens 课堂互动,
 * asks a question, the phone remote's 随机点名 shows the name the board picked, and 下课 closes the
 * class and its question; lesson B (八年级4班) then opens a class of its own: a new PIN, its own
 * roster, no question of lesson A. The countdown started in lesson A keeps running with its
 * panel closed and does not follow into lesson B.
 */
import { test, expect, type Browser, type Page } from '@playwright/test'
import { join } from 'node:path'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { connectRpc, type RpcClient } from './fixtures/rpc-client'

let data: ReturnType<typeof tempDataDir>
let host: RunningHost
let rpc: RpcClient
let deckPath: string

test.use({ hasTouch: true })

test.beforeEach(async () => {
  data = tempDataDir()
  host = await startHost(data.dir)
  rpc = await connectRpc(host.url)
  const doc = await rpc.call('courseware:create', { title: '勾股定理' })
  const slides = [doc.deck.slides[0]!, { ...doc.deck.slides[0]!, id: 's2' }, { ...doc.deck.slides[0]!, id: 's3' }]
  await rpc.call('courseware:update', { docId: doc.docId, deck: { ...doc.deck, slides } })
  deckPath = (await rpc.call('courseware:save', { docId: doc.docId })).path
  expect(deckPath).toBe(join(data.dir, 'decks', '勾股定理.edux'))
})
test.afterEach(async () => {
  rpc.close()
  await host.stop()
  data.cleanup()
})

const board = (page: Page) => page.getByTestId('presenter')

async function addClass(page: Page, name: string, students: string[]): Promise<void> {
  await page.getByTestId('class-new').click()
  await page.getByTestId('class-name').fill(name)
  await page.getByTestId('class-names').fill(students.join('\n'))
  await page.getByTestId('class-save').click()
  await expect(page.getByTestId('class-chooser')).toContainText(name)
}

async function startLesson(page: Page, className: string): Promise<void> {
  await page
    .getByTestId('class-chooser')
    .getByRole('button', { name: new RegExp(className) })
    .click()
  await page.locator(`[data-path="${deckPath}"]`).click()
  await page.getByTestId('teach-start').click()
  await expect(board(page)).toHaveAttribute('data-index', '0')
}

async function openLive(page: Page): Promise<{ pin: string; url: string }> {
  await page.getByTestId('tool-live').click()
  await page.getByTestId('live-host').selectOption('127.0.0.1')
  await page.getByTestId('live-open').click()
  await expect(page.getByTestId('live-pin')).toHaveText(/^\d{6}$/)
  return {
    pin: (await page.getByTestId('live-pin').textContent())!.trim(),
    url: (await page.getByTestId('live-url').textContent())!.trim()
  }
}

/** The names a tablet is offered after typing the PIN. */
async function rosterOnTablet(browser: Browser, url: string, pin: string): Promise<string[]> {
  const ctx = await browser.newContext({ viewport: { width: 800, height: 1200 }, hasTouch: true })
  const tablet = await ctx.newPage()
  await tablet.goto(url)
  await tablet.getByTestId('pin').fill(pin)
  await tablet.getByTestId('pin-go').click()
  const names = tablet.locator('[data-testid^="roster-"]')
  await expect(names.first()).toBeVisible()
  const list = (await names.allTextContents()).map((s) => s.trim())
  await ctx.close()
  return list
}

async function endLesson(page: Page): Promise<void> {
  await page.getByTestId('lesson-end').click()
  await page.getByTestId('end-confirm').click()
  await page.getByTestId('end-now').click()
  await expect(page.getByTestId('lesson-summary')).toBeVisible()
}

test('下课 closes the class; the next lesson of another class opens its own: new PIN, its roster, no old question', async ({
  page,
  browser
}) => {
  await page.goto(`${host.url}#/teach`)
  await addClass(page, '八年级3班', ['赵六', '孙八'])
  await addClass(page, '八年级4班', ['周九', '吴十'])

  // --- lesson A
  await startLesson(page, '八年级3班')
  const a = await openLive(page)
  expect(await rosterOnTablet(browser, a.url, a.pin)).toEqual(['赵六', '孙八'])
  await page.getByTestId('tool-live-abcd').click()
  await expect(page.getByTestId('board-tally')).toBeVisible()
  await page.getByTestId('board-q-back').click()
  const runA = (await rpc.call('classroom:status', {})).currentRunId!

  // The phone remote's 随机点名: the phone names the student the board's picker shows.
  await page.getByTestId('tool-live-remote').click()
  await page.getByTestId('live-remote-show').click()
  const remoteUrl = await page.getByTestId('live-remote').getAttribute('data-url')
  const phoneCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true })
  const phone = await phoneCtx.newPage()
  await phone.goto(remoteUrl!)
  await expect(page.getByTestId('live-remote-on')).toBeVisible()
  await page.getByTestId('live-hide').click()
  for (let i = 0; i < 2; i++) {
    await expect(phone.getByTestId('remote-random-pick')).toBeEnabled()
    await phone.getByTestId('remote-random-pick').click()
    await expect(page.getByTestId('picked-meta')).toContainText(`第 1 轮 · 本轮还剩 ${1 - i} 人`)
    const picked = (await page.getByTestId('picked-name').textContent())!.trim()
    expect(['赵六', '孙八']).toContain(picked)
    await expect(phone.locator('.message')).toHaveText(`点到：${picked}`)
  }
  await phoneCtx.close()

  // A countdown started in lesson A runs on with its panel closed, shown in a corner.
  await page.getByTestId('tool-more').click()
  await page.getByTestId('tool-timer').click()
  const timer = page.getByTestId('timer-display').locator('xpath=ancestor::*[.//*[@data-testid="panel-close"]][1]')
  await page.getByTestId('timer-preset-1').click()
  await page.getByTestId('timer-start').click()
  await timer.getByTestId('panel-close').click()
  await expect(page.getByTestId('timer-display')).toHaveCount(0)
  await expect(page.getByTestId('countdown-badge')).toContainText(/0:5\d/)

  await endLesson(page)
  const afterA = await rpc.call('classroom:status', {})
  expect(afterA.open).toBe(false)
  expect((await rpc.call('classroom:results', { runId: runA })).state).toBe('closed')
  await expect(page.getByTestId('countdown-badge')).toHaveCount(0)
  await page.getByTestId('teach-back').click()

  // --- lesson B, another class
  await startLesson(page, '八年级4班')
  await expect(page.getByTestId('countdown-badge')).toHaveCount(0)
  await page.getByTestId('tool-live').click()
  await expect(page.getByTestId('live-open')).toBeVisible()
  await expect(page.getByTestId('live-pin')).toHaveCount(0) // nothing of lesson A's class
  await page.getByTestId('tool-live').click()
  const b = await openLive(page)
  expect(b.pin).not.toBe(a.pin)
  await expect(page.getByTestId('live-joined')).toContainText('0')
  expect(await rosterOnTablet(browser, b.url, b.pin)).toEqual(['周九', '吴十'])
  await expect(page.getByTestId('tool-live-tally')).toHaveCount(0)
  const st = await rpc.call('classroom:status', {})
  expect(st).toMatchObject({ open: true, title: '八年级4班', currentRunId: null })
  expect(st.classSessionId).not.toBe(afterA.classSessionId)
})

test('leaving the board mid-lesson leaves a bar back to it on every page; starting another lesson asks first', async ({
  page,
  context
}) => {
  await page.goto(`${host.url}#/teach`)
  await addClass(page, '八年级3班', ['赵六', '孙八'])
  await startLesson(page, '八年级3班')
  await page.getByTestId('nav-next').click()
  await expect(board(page)).toHaveAttribute('data-index', '1')
  const index = '1'

  // To 题库 (an in-app link) and back: the bar names the class, and the board is where the teacher left it.
  await page.evaluate(() => (location.hash = '#/library'))
  await expect(page.getByTestId('lesson-bar')).toContainText('正在上课：八年级3班')
  await page.keyboard.press('ArrowRight') // 题库's key, not the board's
  await page.getByTestId('lesson-bar-back').click()
  await expect(board(page)).toHaveAttribute('data-index', index)
  await expect(page.getByTestId('lesson-bar')).toHaveCount(0)
  const open = (await rpc.call('lessons:current', {})).status!
  expect(open.open).toBe(true)

  // Another window starts a lesson while this one is open: it asks on the page, and 先不开始 keeps it.
  const other = await context.newPage()
  await other.goto(`${host.url}#/teach`)
  await startLessonAsked(other, '八年级3班')
  await expect(other.getByTestId('open-lesson')).toContainText('八年级3班')
  await other.getByTestId('open-lesson-cancel').click()
  await expect(other.getByTestId('open-lesson')).toHaveCount(0)
  await expect(other.getByTestId('presenter')).toHaveCount(0)
  expect((await rpc.call('lessons:current', {})).status!.sessionId).toBe(open.sessionId)

  await other.getByTestId('teach-start').click()
  await other.getByTestId('open-lesson-proceed').click()
  await expect(board(other)).toHaveAttribute('data-index', '0')
  const { items } = await rpc.call('lessons:list', { limit: 5 })
  expect(items.find((i) => i.id === open.sessionId)?.endReason).toBe('replaced')
})

async function startLessonAsked(page: Page, className: string): Promise<void> {
  await page
    .getByTestId('class-chooser')
    .getByRole('button', { name: new RegExp(className) })
    .click()
  await page.locator(`[data-path="${deckPath}"]`).click()
  await page.getByTestId('teach-start').click()
}
