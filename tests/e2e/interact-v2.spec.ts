/**
 * 课堂互动 v2 end to end: a class opened on the board with 积分排行榜 and 小组PK, two tablets
 * answering the slide's question, and the board's 排行榜 after the question closes (the ranking
 * by student and by team, from the answers the server stored).
 */
import { test, expect, type Browser, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { connectRpc, type RpcClient } from './fixtures/rpc-client'
import { SLIDE_SIZE } from '../../src-shared/courseware/primitives'

const ROSTER = ['张三', '李四', '王五', '赵六']
// Outside test-results, which the next Playwright run on this machine empties.
const SHOTS = process.env.CLASSDECK_SHOTS ?? join(tmpdir(), 'classdeck-shots', 'interact-v2')

let data: ReturnType<typeof tempDataDir>
let host: RunningHost
let rpc: RpcClient
let deckPath: string

test.use({ hasTouch: true, viewport: { width: 1920, height: 1080 } })

async function saveQuestionDeck(): Promise<void> {
  const doc = await rpc.call('courseware:create', { title: '勾股定理' })
  const { width } = SLIDE_SIZE[doc.deck.aspect]
  const question = {
    type: 'question' as const,
    id: 'q1',
    x: 80,
    y: 160,
    w: width - 160,
    h: 360,
    question: {
      kind: 'single' as const,
      prompt: '3² + 4² 等于多少？',
      options: [
        { id: 'a', text: '7' },
        { id: 'b', text: '25' }
      ],
      answer: 'b'
    }
  }
  await rpc.call('courseware:update', {
    docId: doc.docId,
    deck: { ...doc.deck, slides: [{ id: 's1', elements: [question] }] }
  })
  deckPath = (await rpc.call('courseware:save', { docId: doc.docId })).path
}

test.beforeEach(async () => {
  data = tempDataDir()
  host = await startHost(data.dir)
  rpc = await connectRpc(host.url)
  await saveQuestionDeck()
  mkdirSync(SHOTS, { recursive: true })
})
test.afterEach(async () => {
  rpc.close()
  await host.stop()
  data.cleanup()
})

async function joinByRoster(browser: Browser, url: string, pin: string, rosterId: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, hasTouch: true })
  const tablet = await ctx.newPage()
  await tablet.goto(url)
  await tablet.getByTestId('pin').fill(pin)
  await tablet.getByTestId('pin-go').click()
  await tablet.getByTestId(`roster-${rosterId}`).click()
  await expect(tablet.getByTestId('waiting')).toBeVisible()
  return tablet
}

test('a class opened with points and teams ranks its students and teams on the board once the question closes', async ({
  page,
  browser
}) => {
  await page.goto(`${host.url}#/teach`)
  await page.getByTestId('class-new').click()
  await page.getByTestId('class-name').fill('八年级2班')
  await page.getByTestId('class-names').fill(ROSTER.join('\n'))
  await page.getByTestId('class-save').click()
  await page.locator(`[data-path="${deckPath}"]`).click()
  await page.getByTestId('teach-start').click()

  await page.getByTestId('tool-live').click()
  await page.getByTestId('live-host').selectOption('127.0.0.1')
  // Points are off until the teacher turns them on.
  await expect(page.getByTestId('points-per-right')).toHaveCount(0)
  await page.getByTestId('points-toggle').click()
  await page.getByTestId('points-per-right').selectOption('20')
  await page.getByTestId('points-groups').selectOption('2')
  await page.screenshot({ path: join(SHOTS, 'board-open-with-points-1920.png') })
  await page.getByTestId('live-open').click()
  const pin = (await page.getByTestId('live-pin').textContent())!.trim()
  const url = (await page.getByTestId('live-url').textContent())!.trim()

  // Teams are dealt from the roster in turn: 张三 and 王五 are 第1组, 李四 and 赵六 第2组.
  const zhang = await joinByRoster(browser, url, pin, 'n1')
  const li = await joinByRoster(browser, url, pin, 'n2')
  const wang = await joinByRoster(browser, url, pin, 'n3')
  await page.getByTestId('live-hide').click()

  await page.getByTestId('live-launch').click()
  await zhang.getByTestId('option-B').click()
  await li.getByTestId('option-B').click()
  await wang.getByTestId('option-A').click()
  await expect(page.getByTestId('board-tally-count')).toHaveText(/3\s*\/\s*4/)

  await page.getByTestId('board-q-close').click()
  await expect(page.getByTestId('board-tally')).toHaveAttribute('data-state', 'closed')
  await page.getByTestId('board-q-leaderboard').click()
  const board = page.getByTestId('board-leaderboard')
  await expect(board).toBeVisible()
  await expect(page.getByTestId('leaderboard-rules')).toContainText('已计 1 道题')
  const students = page.getByTestId('leaderboard-students').locator('li')
  await expect(students).toHaveCount(4)
  await expect(students.nth(0)).toContainText('20 分')
  await expect(students.nth(1)).toContainText('20 分')
  await expect(page.getByTestId('leaderboard-students')).toContainText('张三')
  const teams = page.getByTestId('leaderboard-teams').locator('li')
  await expect(teams).toHaveCount(2)
  // Each team has one right answer: level, sharing first place.
  await expect(teams.nth(0)).toHaveAttribute('data-rank', '1')
  await expect(teams.nth(1)).toHaveAttribute('data-rank', '1')
  // Readable from the back row: names at least 28 px high.
  const nameSize = await students
    .nth(0)
    .locator('.name')
    .evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
  expect(nameSize).toBeGreaterThanOrEqual(28)
  await page.screenshot({ path: join(SHOTS, 'board-leaderboard-1920.png') })

  await page.getByTestId('leaderboard-back').click()
  await expect(board).toHaveCount(0)
  await expect(page.getByTestId('board-tally')).toBeVisible()
})

// A 1×1 PNG, a real image the server checks by its bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64'
)

const tabletShot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, name), fullPage: true })

test('a class list with 分组 gives 小组PK its groups and the leaderboard its teams', async ({ page, browser }) => {
  await page.goto(`${host.url}#/teach`)
  await page.getByTestId('class-new').click()
  await page.getByTestId('class-name').fill('八年级3班')
  await page.getByTestId('class-names').fill('红队：张三、李四\n蓝队：\n王五\n赵六')
  await page.getByTestId('class-save').click()
  // Edited again, the list reads back with its group lines.
  await page.getByTestId('class-edit').click()
  await expect(page.getByTestId('class-names')).toHaveValue('红队：\n张三\n李四\n蓝队：\n王五\n赵六')
  await page.getByTestId('class-save').click()
  await page.locator(`[data-path="${deckPath}"]`).click()
  await page.getByTestId('teach-start').click()

  await page.getByTestId('tool-more').click()
  await page.getByTestId('tool-scoreboard').click()
  await expect(page.getByTestId('group-g1-name')).toContainText('红队')
  await expect(page.getByTestId('group-g2-name')).toContainText('蓝队')
  await expect(page.getByTestId('group-g3-name')).toHaveCount(0)

  await page.getByTestId('tool-live').click()
  await page.getByTestId('live-host').selectOption('127.0.0.1')
  await page.getByTestId('points-toggle').click()
  await expect(page.getByTestId('points-groups-own')).toHaveText('按名单分组：红队、蓝队')
  await page.getByTestId('points-groups').selectOption({ label: '按名单分组：红队、蓝队' })
  await page.getByTestId('live-open').click()
  const pin = (await page.getByTestId('live-pin').textContent())!.trim()
  const url = (await page.getByTestId('live-url').textContent())!.trim()
  const wang = await joinByRoster(browser, url, pin, 'n3')
  await page.getByTestId('live-hide').click()
  await page.getByTestId('live-launch').click()
  await wang.getByTestId('option-B').click()
  await page.getByTestId('board-q-close').click()
  await page.getByTestId('board-q-leaderboard').click()
  const teams = page.getByTestId('leaderboard-teams').locator('li')
  await expect(teams).toHaveCount(2)
  // 王五 is in 蓝队 and answered right: 蓝队 leads.
  await expect(teams.nth(0)).toContainText('蓝队')
  await expect(teams.nth(0)).toHaveAttribute('data-rank', '1')
  await expect(teams.nth(1)).toContainText('红队')
})

/** A lesson on the board with its class open and two tablets joined from the roster. */
async function boardWithTablets(page: Page, browser: Browser): Promise<[Page, Page]> {
  await page.goto(`${host.url}#/teach`)
  await page.getByTestId('class-new').click()
  await page.getByTestId('class-name').fill('八年级2班')
  await page.getByTestId('class-names').fill(ROSTER.join('\n'))
  await page.getByTestId('class-save').click()
  await page.locator(`[data-path="${deckPath}"]`).click()
  await page.getByTestId('teach-start').click()
  await page.getByTestId('tool-live').click()
  await page.getByTestId('live-host').selectOption('127.0.0.1')
  await page.getByTestId('live-open').click()
  const pin = (await page.getByTestId('live-pin').textContent())!.trim()
  const url = (await page.getByTestId('live-url').textContent())!.trim()
  const zhang = await joinByRoster(browser, url, pin, 'n1')
  const li = await joinByRoster(browser, url, pin, 'n2')
  await page.getByTestId('live-hide').click()
  return [zhang, li]
}

test('photo answers reach the board as a gallery, and a tap opens one as a page to write over', async ({
  page,
  browser
}) => {
  const [zhang, li] = await boardWithTablets(page, browser)

  // The 课堂互动 page (another window of the same app) asks for a photo; the board follows.
  await rpc.call('classroom:launch', { spec: { kind: 'photo', prompt: '拍下你的作图' } })
  await expect(page.getByTestId('board-tally')).toBeVisible()
  for (const tablet of [zhang, li]) {
    await tablet.getByTestId('photo').setInputFiles({ name: 'work.png', mimeType: 'image/png', buffer: PNG })
  }
  const items = page.getByTestId('answer-gallery-item')
  await expect(items).toHaveCount(2)
  await expect(page.getByTestId('answer-gallery')).toContainText('张三')
  await expect(items.nth(0).locator('img')).toHaveAttribute('src', /^data:image\//)
  const box = await items.nth(0).boundingBox()
  expect(box!.height).toBeGreaterThanOrEqual(48)
  await page.screenshot({ path: join(SHOTS, 'board-gallery-1920.png') })

  await items.nth(0).click()
  await expect(page.getByTestId('board-tally')).toHaveCount(0)
  await expect(page.getByTestId('board-photo')).toBeVisible()
  await expect(page.getByTestId('board-photo')).toHaveAttribute('src', /^data:image\//)
})

test('小黑板: each student draws the answer with the board’s ink, and the drawings reach the board’s gallery', async ({
  page,
  browser
}) => {
  const [zhang, li] = await boardWithTablets(page, browser)
  await rpc.call('classroom:launch', { spec: { kind: 'drawing', prompt: '画出三角形 ABC 的高' } })
  await expect(page.getByTestId('board-tally')).toBeVisible()

  for (const [i, tablet] of [zhang, li].entries()) {
    const pad = tablet.getByTestId('drawing-page')
    await expect(pad).toBeVisible()
    // Nothing drawn yet: nothing to send.
    await expect(tablet.getByTestId('drawing-submit')).toBeDisabled()
    const b = (await pad.boundingBox())!
    await tablet.mouse.move(b.x + b.width * 0.2, b.y + b.height * (0.3 + i * 0.2))
    await tablet.mouse.down()
    for (let k = 1; k <= 12; k++)
      await tablet.mouse.move(b.x + b.width * (0.2 + k * 0.05), b.y + b.height * (0.3 + i * 0.2 + k * 0.02))
    await tablet.mouse.up()
    await tablet.getByTestId('drawing-submit').click()
    await expect(tablet.getByRole('status')).toContainText('已提交')
  }
  await tabletShot(zhang, 'tablet-drawing.png')

  const items = page.getByTestId('answer-gallery-item')
  await expect(items).toHaveCount(2)
  await expect(page.getByTestId('answer-gallery')).toContainText('李四')
  await items.nth(1).click()
  await expect(page.getByTestId('board-photo')).toBeVisible()
  // The drawing arrives as the PNG the tablet drew, with ink on it (not a blank page).
  await expect(page.getByTestId('board-photo')).toHaveAttribute('src', /^data:image\/png;base64,/)
  const inked = await page.getByTestId('board-photo').evaluate(async (img: HTMLImageElement) => {
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.naturalWidth
    c.height = img.naturalHeight
    const ctx = c.getContext('2d')!
    ctx.drawImage(img, 0, 0)
    const px = ctx.getImageData(0, 0, c.width, c.height).data
    let dark = 0
    for (let i = 0; i < px.length; i += 4) if (px[i]! < 128) dark++
    return { w: c.width, h: c.height, dark }
  })
  expect(inked).toMatchObject({ w: 960, h: 720 })
  expect(inked.dark).toBeGreaterThan(200)
  await page.screenshot({ path: join(SHOTS, 'board-drawing-1920.png') })
})

test('a number question on the tablet: an answer outside the range is refused with the range, one inside is taken', async ({
  browser
}) => {
  const opened = await rpc.call('classroom:open', { title: '物理', host: '127.0.0.1', port: 0 })
  const q = await rpc.call('classroom:launch', {
    spec: {
      kind: 'number',
      prompt: '重力加速度 g 约为多少？',
      correct: 9.8,
      tolerance: 0.1,
      unit: 'm/s²',
      min: 0,
      max: 20
    }
  })
  for (const [w, h] of [
    [1366, 768],
    [390, 844]
  ] as const) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, hasTouch: true })
    const tablet = await ctx.newPage()
    await tablet.goto(opened.url!)
    await tablet.getByTestId('pin').fill(opened.pin!)
    await tablet.getByTestId('pin-go').click()
    await tablet.getByTestId('name').fill(`学生${w}`)
    await tablet.getByTestId('name-go').click()
    await expect(tablet.getByTestId('number-unit')).toHaveText('m/s²')
    await tablet.getByTestId('number-input').fill('98')
    await tablet.getByTestId('submit').click()
    await expect(tablet.getByRole('alert')).toContainText('答案应在 0m/s² 到 20m/s² 之间')
    await tablet.getByTestId('number-input').fill('十')
    await tablet.getByTestId('submit').click()
    await expect(tablet.getByTestId('number-problem')).toContainText('请填写一个数')
    await tablet.getByTestId('number-input').fill('９．７５')
    await tablet.getByTestId('submit').click()
    await expect(tablet.getByTestId('number-problem')).toHaveCount(0)
    await expect
      .poll(async () => (await rpc.call('classroom:results', { runId: q.runId })).rows.map((r) => r.text))
      .toContain('9.75')
    await tablet.screenshot({ path: join(SHOTS, `tablet-number-${w}x${h}.png`) })
    await ctx.close()
  }
})
