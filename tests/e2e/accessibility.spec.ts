import { test, expect, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { connectRpc, saveSampleDeck, type RpcClient } from './fixtures/rpc-client'
import { seriousViolations } from './fixtures/axe'
import { toggleTool } from './fixtures/board-audit'

/**
 * Every control can be seen and named: axe-core finds no serious or critical violation (contrast,
 * names, target size …) on the teacher's pages, the board with its tools, the presenter console,
 * the student tablet and the phone remote. And no emoji is left to show as an empty box.
 */

let data: ReturnType<typeof tempDataDir>
let host: RunningHost
let rpc: RpcClient
let deckPath: string

test.use({ hasTouch: true, viewport: { width: 1920, height: 1080 } })

test.beforeEach(async () => {
  data = tempDataDir()
  host = await startHost(data.dir)
  rpc = await connectRpc(host.url)
  deckPath = join(data.dir, 'decks', '勾股定理.edux')
  await saveSampleDeck(rpc, deckPath, '勾股定理', 3)
})
test.afterEach(async () => {
  rpc.close()
  await host.stop()
  data.cleanup()
})

/** BOARD_SHOTS_DIR keeps a screenshot of the console, the tablet and the remote, to look at. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.BOARD_SHOTS_DIR
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`) })
}

async function expectClean(page: Page, where: string): Promise<void> {
  const found = await seriousViolations(page)
  expect(found, `serious or critical accessibility violations on ${where}`).toEqual([])
}

/** Characters outside the BMP (emoji) and the symbols once used as icons, in the page's text. */
function emojiIn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const re = /[\u{1F000}-\u{1FFFF}\u2600-\u27BF\u2B00-\u2BFF\u23E9-\u23FA\u25A0-\u25FF\u21B6\u21B7\u21C6\u27F3]/u
    const hits: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? ''
      if (re.test(text)) hits.push(text.trim().slice(0, 40))
    }
    return hits
  })
}

async function createClass(page: Page): Promise<void> {
  await page.goto(`${host.url}#/teach`)
  await page.getByTestId('class-new').click()
  await page.getByTestId('class-name').fill('七年级1班')
  await page.getByTestId('class-names').fill('张三\n李四\n王五')
  await page.getByTestId('class-save').click()
  await page.locator(`[data-path="${deckPath}"]`).click()
}

const PAGES = [
  ['home', '#/'],
  ['备课', '#/prepare'],
  ['授课', '#/teach'],
  ['课堂互动', '#/interact'],
  ['资源库', '#/library'],
  ['统计', '#/stats'],
  ['同步', '#/sync'],
  ['设置', '#/settings']
] as const

for (const [name, route] of PAGES) {
  test(`the ${name} page has no serious accessibility violation and no emoji`, async ({ page }) => {
    await page.goto(`${host.url}${route}`)
    await expect(page.getByTestId('app-title')).toBeVisible()
    await page.waitForLoadState('networkidle')
    await expectClean(page, name)
    expect(await emojiIn(page)).toEqual([])
  })
}

test('the board, with each of its tools and 下课 asking, has no serious accessibility violation and no emoji', async ({
  page
}) => {
  test.setTimeout(180_000)
  await createClass(page)
  await page.getByTestId('teach-start').click()
  await expect(page.getByTestId('presenter')).toBeVisible()
  await expectClean(page, 'the board')
  expect(await emojiIn(page)).toEqual([])
  for (const pop of ['tool-ink-style', 'tool-whiteboard', 'tool-more']) {
    await page.getByTestId(pop).click()
    await expectClean(page, `the board with ${pop} open`)
    expect(await emojiIn(page)).toEqual([])
    await page.getByTestId(pop).click()
  }
  for (const tool of [
    'picker',
    'timer',
    'scoreboard',
    'spotlight',
    'magnifier',
    'curtain',
    'ruler',
    'protractor',
    'compass'
  ]) {
    await toggleTool(page, tool)
    await expectClean(page, `the board with ${tool} open`)
    expect(await emojiIn(page)).toEqual([])
    await toggleTool(page, tool)
  }
  await page.getByTestId('tool-live').click()
  await expectClean(page, 'the board with 课堂互动 open')
  await page.getByTestId('tool-live').click()
  await page.getByTestId('lesson-end').click()
  await expectClean(page, 'the board asking 下课')
  await page.getByTestId('end-confirm').click()
  await expectClean(page, 'the board with the undo toast')
  await page.getByTestId('end-undo').click()
})

test('the presenter console has no serious accessibility violation and no emoji', async ({ page }) => {
  await createClass(page)
  const [board] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('teach-start-board').click()])
  await expect(board.getByTestId('presenter')).toBeVisible()
  await expect(page.getByTestId('presenter-console')).toHaveAttribute('data-index', '0')
  await expectClean(page, 'the presenter console')
  await shot(page, 'console-1920x1080')
  expect(await emojiIn(page)).toEqual([])
  await page.getByTestId('console-end').click()
  await expectClean(page, 'the console asking 下课')
  await page.getByTestId('end-cancel').click()
})

test('the student tablet and the phone remote have no serious accessibility violation and no emoji', async ({
  browser
}) => {
  const status = await rpc.call('classroom:open', { title: '七年级1班', host: '127.0.0.1' })
  const ctx = await browser.newContext({ viewport: { width: 800, height: 1200 }, hasTouch: true })
  const student = await ctx.newPage()
  await student.goto(status.url!)
  await expect(student.getByTestId('pin')).toBeVisible()
  await expectClean(student, 'the student page (PIN)')
  expect(await emojiIn(student)).toEqual([])
  await student.getByTestId('pin').fill(status.pin!)
  await student.getByTestId('pin-go').click()
  await student.getByTestId('name').fill('张三')
  await student.getByTestId('name-go').click()
  await expect(student.getByTestId('waiting')).toBeVisible()
  await expectClean(student, 'the student page (waiting)')
  await rpc.call('classroom:launch', {
    spec: { kind: 'single', prompt: '勾股定理中斜边是哪条？', options: ['a', 'b', 'c', 'd'], correct: 2 }
  })
  await expect(student.getByTestId('option-C')).toBeVisible()
  await expectClean(student, 'the student page (a question)')
  await shot(student, 'student-question')
  expect(await emojiIn(student)).toEqual([])

  const { url } = await rpc.call('classroom:remote-token', {})
  const phoneCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
  const phone = await phoneCtx.newPage()
  await phone.goto(url)
  await expect(phone.locator('button').first()).toBeVisible()
  await phone.waitForLoadState('networkidle')
  await expectClean(phone, 'the phone remote')
  await shot(phone, 'remote')
  expect(await emojiIn(phone)).toEqual([])
  await ctx.close()
  await phoneCtx.close()
})
