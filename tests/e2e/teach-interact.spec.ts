/**
 * 授课 + 课堂互动 end to end: while a deck plays on the board, the teacher opens class from the
 * toolbar (on loopback only), students join from their tablets by tapping their names from the
 * lesson's roster, the slide's own question is launched from the board, the tally on the board
 * follows their answers, the answer is revealed; then the phone remote turns the board's page,
 * picks a name with the board's picker, and puts a photo on a new page to write over.
 */
import { test, expect, type Browser, type Page } from '@playwright/test'
import { join } from 'node:path'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { connectRpc, type RpcClient } from './fixtures/rpc-client'
import { joinStudent, openClass } from './fixtures/classroom'
import { SLIDE_SIZE } from '../../src-shared/courseware/primitives'
import { makeDocx } from '../../src-main/services/library/docx-fixture'

const ROSTER = ['张三', '李四', '王五']

// A tiny JPEG (1×1), so the photo really uploads an image the server checks by its bytes.
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64'
)

let data: ReturnType<typeof tempDataDir>
let host: RunningHost
let rpc: RpcClient
let deckPath: string

test.use({ hasTouch: true })

/** Three slides; the second carries a single-choice question whose key is B (25). */
async function saveQuestionDeck(path: string): Promise<void> {
  const doc = await rpc.call('courseware:create', { title: '勾股定理' })
  const { width } = SLIDE_SIZE[doc.deck.aspect]
  const title = (i: number) => ({
    type: 'text' as const,
    id: `t${i}`,
    x: 80,
    y: 40,
    w: width - 160,
    h: 100,
    paragraphs: [{ runs: [{ text: `勾股定理 第 ${i} 页`, fontSize: 40 }] }]
  })
  const slides = [
    { id: 's1', elements: [title(1)] },
    {
      id: 's2',
      elements: [
        title(2),
        {
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
              { id: 'b', text: '25' },
              { id: 'c', text: '49' }
            ],
            answer: 'b'
          }
        }
      ]
    },
    { id: 's3', elements: [title(3)] }
  ]
  await rpc.call('courseware:update', { docId: doc.docId, deck: { ...doc.deck, slides } })
  // The service chooses the file (<data>/decks/<title>.edux); the scene's path must be where it went.
  const saved = await rpc.call('courseware:save', { docId: doc.docId })
  if (saved.path !== path) throw new Error(`deck saved at ${saved.path}, expected ${path}`)
}

test.beforeEach(async () => {
  data = tempDataDir()
  host = await startHost(data.dir)
  rpc = await connectRpc(host.url)
  deckPath = join(data.dir, 'decks', '勾股定理.edux')
  await saveQuestionDeck(deckPath)
})
test.afterEach(async () => {
  rpc.close()
  await host.stop()
  data.cleanup()
})

const board = (page: Page) => page.getByTestId('presenter')

/** A tablet joins with the PIN and taps its own name on the lesson's roster. */
async function joinByRoster(browser: Browser, url: string, pin: string, rosterId: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 800, height: 1200 }, hasTouch: true })
  const tablet = await ctx.newPage()
  await tablet.goto(url)
  await tablet.getByTestId('pin').fill(pin)
  await tablet.getByTestId('pin-go').click()
  await tablet.getByTestId(`roster-${rosterId}`).click()
  await expect(tablet.getByTestId('waiting')).toBeVisible()
  return tablet
}

test('a slide question asked from the board, answered on tablets, tallied and revealed on the board; the phone remote drives the board', async ({
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
  await expect(board(page)).toHaveAttribute('data-index', '0')

  // A slide without a question offers no 发起答题; the question slide does.
  await expect(page.getByTestId('live-launch')).toHaveCount(0)
  await page.keyboard.press('ArrowRight')
  await expect(board(page)).toHaveAttribute('data-index', '1')
  await expect(page.getByTestId('live-launch')).toBeVisible()

  // --- open class from the toolbar, on loopback; the join code is on the board, large
  await page.getByTestId('tool-live').click()
  await page.getByTestId('live-host').selectOption('127.0.0.1')
  await page.getByTestId('live-open').click()
  await expect(page.getByTestId('live-pin')).toHaveText(/^\d{6}$/)
  await expect(page.getByTestId('live-qr')).toBeVisible()
  const pin = (await page.getByTestId('live-pin').textContent())!.trim()
  const url = (await page.getByTestId('live-url').textContent())!.trim()
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
  const pinBox = await page.getByTestId('live-pin').boundingBox()
  expect(pinBox!.height).toBeGreaterThanOrEqual(48) // readable from the back row

  // The class opened with this lesson's roster: tablets tap names, the class name is the title.
  const zhang = await joinByRoster(browser, url, pin, 'n1')
  const li = await joinByRoster(browser, url, pin, 'n2')
  await expect(page.getByTestId('live-joined')).toContainText('2')
  await page.getByTestId('live-hide').click()
  await expect(page.getByTestId('live-join')).toHaveCount(0)

  // --- ask the slide's question: tablets get it without its key, the board shows the tally
  await page.getByTestId('live-launch').click()
  for (const s of [zhang, li]) await expect(s.getByTestId('question')).toContainText('3² + 4² 等于多少？')
  // The options' texts, not only their letters.
  await expect(zhang.getByTestId('option-B')).toHaveText(/B\s*25/)
  const tally = page.getByTestId('board-tally')
  await expect(tally).toBeVisible()
  await expect(page.getByTestId('board-tally-count')).toHaveText(/0\s*\/\s*3/)
  await expect(page.getByTestId('board-tally-waiting')).toContainText('王五')

  await zhang.getByTestId('option-B').click()
  await expect(page.getByTestId('board-tally-count')).toHaveText(/1\s*\/\s*3/)
  await expect(page.getByTestId('board-tally-waiting')).not.toContainText('张三')
  await li.getByTestId('option-A').click()
  await expect(page.getByTestId('board-tally-count')).toHaveText(/2\s*\/\s*3/)
  await expect(page.getByTestId('board-tally-waiting')).toContainText('王五')

  // --- close and reveal: the right bar (B) is marked, tablets learn whether they were right
  await page.getByTestId('board-q-close').click()
  await expect(tally).toHaveAttribute('data-state', 'closed')
  await page.getByTestId('board-q-reveal').click()
  await expect(tally).toHaveAttribute('data-revealed', 'true')
  await expect(tally).toHaveAttribute('data-correct-bars', '1')
  await expect(page.getByTestId('board-tally-rate')).toContainText('50')
  await expect(zhang.getByTestId('question')).toContainText('回答正确')
  await expect(li.getByTestId('question')).toContainText('回答错误')
  // The key as the class reads it, on the board and on every tablet.
  await expect(page.getByTestId('board-tally-key')).toHaveText('正确答案：B')
  for (const s of [zhang, li]) await expect(s.getByTestId('revealed-key')).toHaveText('正确答案：B')
  await page.getByTestId('board-q-back').click()
  await expect(tally).toHaveCount(0)
  await expect(board(page)).toHaveAttribute('data-index', '1')

  // --- 快速提问 ABCD from the board: no key at launch, the teacher taps C while answers come in
  await page.getByTestId('tool-live-abcd').click()
  await expect(tally).toHaveAttribute('data-state', 'open')
  await li.getByTestId('option-A').click()
  await expect(page.getByTestId('board-tally-count')).toHaveText(/1\s*\/\s*3/)
  await page.getByTestId('board-key-2').click()
  await expect(page.getByTestId('board-key-2')).toHaveAttribute('aria-pressed', 'true')
  await zhang.getByTestId('option-C').click()
  await expect(page.getByTestId('board-tally-count')).toHaveText(/2\s*\/\s*3/)
  await page.getByTestId('board-q-reveal').click()
  await expect(tally).toHaveAttribute('data-correct-bars', '2')
  await expect(page.getByTestId('board-tally-key')).toHaveText('正确答案：C')
  await expect(zhang.getByTestId('revealed-key')).toHaveText('正确答案：C')
  await expect(zhang.getByTestId('question')).toContainText('回答正确')
  await expect(li.getByTestId('question')).toContainText('回答错误')
  await page.getByTestId('board-q-back').click()

  // --- the phone remote: pair with the code the toolbar shows, then drive the board
  await page.getByTestId('tool-live-remote').click()
  // On the board the code appears only once the teacher confirms the class will see it.
  await expect(page.getByTestId('live-remote')).toHaveCount(0)
  await page.getByTestId('live-remote-show').click()
  const remoteUrl = await page.getByTestId('live-remote').getAttribute('data-url')
  expect(remoteUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/remote\.html#t=/)
  const phoneCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true })
  const phone = await phoneCtx.newPage()
  await phone.goto(remoteUrl!)
  await expect(page.getByTestId('live-remote-on')).toBeVisible()
  await expect(page.getByTestId('live-remote')).toHaveCount(0) // the used code leaves the board
  await page.getByTestId('live-hide').click()

  await expect(phone.getByTestId('remote-next-slide')).toBeEnabled()
  await phone.getByTestId('remote-next-slide').click()
  await expect(board(page)).toHaveAttribute('data-index', '2')
  await phone.getByTestId('remote-prev-slide').click()
  await expect(board(page)).toHaveAttribute('data-index', '1')

  // Random pick goes through the board's own name picker (the lesson's roster, no repeats).
  await phone.getByTestId('remote-random-pick').click()
  await expect(page.getByTestId('picked-meta')).toBeVisible()
  await expect(page.getByTestId('picked-name')).toHaveText(new RegExp(`^(${ROSTER.join('|')})$`))

  // ABCD from the phone: the server launches it and the board shows its tally.
  await phone.getByTestId('remote-launch-abcd').click()
  await expect(page.getByTestId('board-tally')).toBeVisible()
  await expect(page.getByTestId('board-tally-count')).toHaveText(/0\s*\/\s*3/)
  await zhang.getByTestId('option-C').click()
  await expect(page.getByTestId('board-tally-count')).toHaveText(/1\s*\/\s*3/)
  await page.getByTestId('board-q-back').click()

  // 实物展台: the phone's photo becomes a new page after this one, with the pen ready.
  await phone.locator('input[type="file"]').setInputFiles({ name: 'desk.jpg', mimeType: 'image/jpeg', buffer: JPEG })
  await expect(board(page)).toHaveAttribute('data-index', '2')
  await expect(board(page)).toHaveAttribute('data-page-kind', 'board')
  await expect(page.getByTestId('board-photo')).toBeVisible()
  await expect(page.getByTestId('tool-pen')).toHaveAttribute('aria-pressed', 'true')
  const ink = await page.locator('.ink-live').boundingBox()
  await page.mouse.move(ink!.x + 100, ink!.y + 100)
  await page.mouse.down()
  for (let i = 1; i <= 8; i++) await page.mouse.move(ink!.x + 100 + i * 20, ink!.y + 100 + i * 10)
  await page.mouse.up()
  await expect(board(page)).toHaveAttribute('data-strokes', '1')

  // The lesson record counts the three questions run in it (the slide's, 快速提问, the phone's ABCD).
  await page.getByTestId('lesson-end').click()
  await page.getByTestId('end-confirm').click()
  await page.getByTestId('end-now').click()
  await expect(page.getByTestId('lesson-summary')).toBeVisible()
  const { items } = await rpc.call('lessons:list', { limit: 5 })
  expect(items[0]!.questionsRun).toBe(3)
  await phoneCtx.close()
})

test('题库: a Word test paper imported into the bank, filtered by kind, and a question asked in the open class from the bank', async ({
  page,
  browser
}) => {
  const { url, pin } = await openClass(page, host.url, '八年级2班')
  const student = await joinStudent(browser, url, pin, '赵六')

  await page.goto(`${host.url}#/library`)
  await page.getByTestId('library-question-bank').click()
  await expect(page.getByTestId('bank-count')).toContainText('0')
  const paper = makeDocx([
    '第十七章 勾股定理 课堂练习',
    '1. 直角三角形两直角边为 3 和 4，斜边为（  ）',
    'A. 5   B. 6   C. 7   D. 25',
    '答案：A',
    '难度：容易',
    '2. 勾股定理又叫毕达哥拉斯定理。',
    '答案：对',
    '3. 直角三角形两直角边分别为 6 和 8，斜边长为____。',
    '答案：10｜十',
    '4. 下列哪个是勾股数（  ）',
    'A. 1,2,3   B. 3,4,5'
  ])
  await page.getByTestId('bank-file').setInputFiles({
    name: '勾股定理练习.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from(paper)
  })
  await expect(page.getByTestId('bank-import-result')).toContainText('已导入 3 道题')
  await expect(page.getByTestId('bank-import-problem')).toContainText('第 4 题')
  await expect(page.getByTestId('bank-count')).toContainText('3')
  await expect(page.getByTestId('bank-item')).toHaveCount(3)

  // Filter by kind and by difficulty.
  await page.getByTestId('bank-kind-truefalse').click()
  await expect(page.getByTestId('bank-item')).toHaveCount(1)
  await expect(page.getByTestId('bank-item')).toContainText('毕达哥拉斯')
  await page.getByTestId('bank-kind-truefalse').click()
  await page.getByTestId('bank-difficulty-1').click()
  await expect(page.getByTestId('bank-item')).toHaveCount(1)
  await expect(page.getByTestId('bank-item')).toContainText('答案：A')
  await page.getByTestId('bank-difficulty-1').click()
  await expect(page.getByTestId('bank-item')).toHaveCount(3)

  // Removing asks on the page first.
  const fill = page.locator('[data-testid="bank-item"][data-kind="fillin"]')
  await fill.locator('[data-testid^="bank-remove-"]').click()
  await expect(page.getByTestId('confirm-panel')).toContainText('斜边长为')
  await page.getByTestId('confirm-yes').click()
  await expect(page.getByTestId('bank-item')).toHaveCount(2)
  await expect(page.getByTestId('bank-count')).toContainText('2')

  // Class is open: the single-choice question goes to the tablet, without its key, and is marked.
  await expect(page.getByTestId('bank-class-open')).toContainText('八年级2班')
  const single = page.locator('[data-testid="bank-item"][data-kind="single"]')
  await single.locator('[data-testid^="bank-launch-"]').click()
  await expect(single.getByTestId('bank-launched')).toBeVisible()
  await expect(student.getByTestId('question')).toContainText('斜边为')
  await student.getByTestId('option-A').click()
  await expect(student.getByTestId('question')).toContainText('已提交')
  const { currentRunId } = await rpc.call('classroom:status', {})
  const results = await rpc.call('classroom:results', { runId: currentRunId! })
  expect(results.rows.find((r) => r.name === '赵六')).toMatchObject({ correct: true })
})

test('a class closed from the board shows as closed on the 课堂互动 console, counting the board’s questions, with no stale tally', async ({
  page: console_,
  browser
}) => {
  // The console opens class and asks one question; a tablet answers it.
  const { url, pin } = await openClass(console_, host.url, '八年级2班')
  const student = await joinStudent(browser, url, pin, '赵六')
  await console_.getByTestId('q-key').fill('B')
  await console_.getByTestId('launch-single').click()
  await student.getByTestId('option-B').click()
  await expect(console_.getByTestId('tally-count')).toHaveText(/1\s*\/\s*1/)

  // The same teacher plays the deck on the board in another tab: the board sees the open class.
  const boardPage = await console_.context().newPage()
  await boardPage.goto(`${host.url}#/teach`)
  await expect(boardPage.getByTestId('teach-class-open')).toContainText('课堂互动进行中：八年级2班，已加入 1 人')
  await boardPage.getByTestId('class-new').click()
  await boardPage.getByTestId('class-name').fill('八年级2班')
  await boardPage.getByTestId('class-names').fill(ROSTER.join('\n'))
  await boardPage.getByTestId('class-save').click()
  await boardPage.locator(`[data-path="${deckPath}"]`).click()
  await boardPage.getByTestId('teach-start').click()
  await expect(board(boardPage)).toHaveAttribute('data-index', '0')
  await boardPage.getByTestId('tool-live').click()
  await expect(boardPage.getByTestId('live-pin')).toHaveText(pin)

  // A quick true/false from the board, then class ends from the board.
  await boardPage.getByTestId('live-hide').click()
  await boardPage.getByTestId('tool-live-tf').click()
  await expect(boardPage.getByTestId('board-tally-count')).toHaveText(/0\s*\/\s*1/)
  await expect(console_.getByTestId('tally')).toContainText('判断题')
  // Reloaded during the board's question, the console shows its tally at once, not at the next answer.
  await console_.reload()
  await expect(console_.getByTestId('tally')).toContainText('判断题')
  await expect(console_.getByTestId('tally-count')).toHaveText(/0\s*\/\s*1/)
  await boardPage.getByTestId('board-q-back').click()
  await boardPage.getByTestId('tool-live').click()
  await boardPage.getByTestId('live-close').click()
  await expect(boardPage.getByTestId('live-join')).toHaveCount(0)
  await expect(boardPage.getByTestId('tool-live-abcd')).toHaveCount(0) // the board's quick questions need a class

  // The console, untouched all along, shows the class closed and both questions — not the old tally.
  await expect(console_.getByTestId('class-open')).toBeVisible()
  await expect(console_.getByTestId('tally')).toHaveCount(0)
  await expect(console_.getByTestId('last-class')).toContainText('上一节课共 2 道题')

  // A class opened again starts with no tally of the one before.
  await console_.getByTestId('class-host').selectOption('127.0.0.1')
  await console_.getByTestId('class-open').click()
  await expect(console_.getByTestId('class-pin')).toHaveText(/\d{6}/)
  await expect(console_.getByTestId('tally')).toHaveCount(0)
  await boardPage.close()
})

test('在大屏上课: the board window opens class with the lesson’s roster, so tablets tap their names there too', async ({
  page,
  browser
}) => {
  await page.goto(`${host.url}#/teach`)
  await page.getByTestId('class-new').click()
  await page.getByTestId('class-name').fill('八年级2班')
  await page.getByTestId('class-names').fill(ROSTER.join('\n'))
  await page.getByTestId('class-save').click()
  await page.locator(`[data-path="${deckPath}"]`).click()
  const [boardWindow] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('teach-start-board').click()])
  await expect(board(boardWindow)).toHaveAttribute('data-index', '0')

  await boardWindow.getByTestId('tool-live').click()
  await boardWindow.getByTestId('live-host').selectOption('127.0.0.1')
  await boardWindow.getByTestId('live-open').click()
  await expect(boardWindow.getByTestId('live-pin')).toHaveText(/^\d{6}$/)
  const pin = (await boardWindow.getByTestId('live-pin').textContent())!.trim()
  const url = (await boardWindow.getByTestId('live-url').textContent())!.trim()
  await joinByRoster(browser, url, pin, 'n3')
  await expect(boardWindow.getByTestId('live-joined')).toContainText('1')
  const { students } = await rpc.call('classroom:status', {})
  expect(students.map((s) => s.name)).toEqual(['王五'])
})
