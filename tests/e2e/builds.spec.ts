import { test, expect, type Page } from '@playwright/test'
import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import { animationDeck } from '../../src-main/test-utils/fixture-animations'
import type { DeckInput } from '../../src-shared/courseware/deck'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { connectRpc, type RpcClient } from './fixtures/rpc-client'
import { hitBoxOverlaps } from './fixtures/board-audit'

/**
 * Build steps (动画) played on the board against the real browser host: the answer stays hidden
 * until 下一步, 上一步 hides it again, a second 下一步 mid-animation finishes it, a hidden slide is
 * skipped and going back shows a slide built in full, a tap on a trigger plays its sequence; the
 * presenter console shows the step, what comes next and the board's ink; a kill -9 of the host
 * mid-lesson reopens at the slide and step where it stopped. The deck is made through the app's
 * own courseware calls with `animations` set.
 */

let data: ReturnType<typeof tempDataDir>
let host: RunningHost
let rpc: RpcClient
let deckPath: string

test.use({ hasTouch: true })

const text = (id: string, y: number, words: string) => ({
  type: 'text' as const,
  id,
  x: 80,
  y,
  w: 1120,
  h: 100,
  paragraphs: [{ runs: [{ text: words, fontSize: 36 }] }]
})

async function saveAnimatedDeck(flyMs = 400): Promise<void> {
  const doc = await rpc.call('courseware:create', { title: '勾股定理' })
  const slides: DeckInput['slides'] = [
    {
      id: 's1',
      elements: [
        text('title', 40, '勾股定理'),
        text('q', 180, '直角边 3 和 4，斜边是多少？'),
        text('answer', 320, '答案：5'),
        text('hint', 460, '提示：a² + b² = c²')
      ],
      animations: [
        { id: 'a0', elementId: 'title', class: 'entrance', effect: 'fade', start: 'after', duration: 300 },
        {
          id: 'a1',
          elementId: 'answer',
          class: 'entrance',
          effect: 'fly',
          direction: 'bottom',
          duration: flyMs
        },
        { id: 'a2', elementId: 'hint', class: 'exit', effect: 'fade', duration: 300 }
      ]
    },
    { id: 's2', hidden: true, elements: [text('x', 60, '隐藏的一页')], animations: [] },
    {
      id: 's3',
      elements: [
        { type: 'shape' as const, id: 'btn', kind: 'rounded', x: 80, y: 400, w: 300, h: 120, fill: '#1565C0' },
        text('reveal', 80, '点按钮看答案')
      ],
      animations: [{ id: 't1', elementId: 'reveal', class: 'entrance', effect: 'zoom', trigger: 'btn', duration: 300 }]
    }
  ]
  await rpc.call('courseware:update', { docId: doc.docId, deck: { ...doc.deck, slides } })
  const saved = await rpc.call('courseware:save', { docId: doc.docId })
  if (saved.path !== deckPath) throw new Error(`deck saved at ${saved.path}`)
}

test.beforeEach(async () => {
  data = tempDataDir()
  host = await startHost(data.dir)
  rpc = await connectRpc(host.url)
  deckPath = join(data.dir, 'decks', '勾股定理.edux')
})
test.afterEach(async () => {
  rpc.close()
  await host.stop()
  data.cleanup()
})

const presenter = (page: Page) => page.getByTestId('presenter')
const onBoard = (page: Page, id: string) => presenter(page).locator(`.slide-box [data-element-id="${id}"]`)

async function chooseClassAndDeck(page: Page): Promise<void> {
  await page.goto(`${host.url}#/teach`)
  await page.getByTestId('class-new').click()
  await page.getByTestId('class-name').fill('八年级2班')
  await page.getByTestId('class-names').fill(['张三', '李四', '王五'].join('\n'))
  await page.getByTestId('class-save').click()
  await page.locator(`[data-path="${deckPath}"]`).click()
}

/** The board done playing (no group running). */
async function settled(page: Page): Promise<void> {
  await expect(presenter(page)).toHaveAttribute('data-build-playing', 'false')
}

test('the answer waits for 下一步, 上一步 hides it again, and the page counter shows the step', async ({ page }) => {
  await saveAnimatedDeck(2500)
  await chooseClassAndDeck(page)
  await page.getByTestId('teach-start').click()
  await expect(page.getByTestId('lesson-timer')).toBeVisible()

  // The title comes in on its own; the answer waits, the hint is there until its click.
  await settled(page)
  await expect(onBoard(page, 'title')).toBeVisible()
  await expect(onBoard(page, 'answer')).toBeHidden()
  await expect(onBoard(page, 'hint')).toBeVisible()
  await expect(page.getByTestId('page-number')).toHaveText('第 1 / 3 页第 0/2 步')

  // 下一步 flies the answer in (2.5 s); a second 下一步 mid-flight lands it at once, on the same step.
  await page.keyboard.press('ArrowRight')
  await expect(presenter(page)).toHaveAttribute('data-build-playing', 'true')
  await expect(page.getByTestId('step-number')).toHaveText('第 1/2 步')
  const flying = await onBoard(page, 'answer').boundingBox()
  await page.keyboard.press('ArrowRight')
  await settled(page)
  await expect(presenter(page)).toHaveAttribute('data-step', '1')
  await expect(presenter(page)).toHaveAttribute('data-index', '0')
  await expect(onBoard(page, 'answer')).toBeVisible()
  const landed = (await onBoard(page, 'answer').boundingBox())!
  // It was still below its place when the second press came.
  expect(flying!.y).toBeGreaterThan(landed.y + 20)
  await expect(page.getByTestId('page-number')).toHaveText('第 1 / 3 页第 1/2 步')

  // 上一步 shows the slide before that click again, at once.
  await page.keyboard.press('ArrowLeft')
  await expect(onBoard(page, 'answer')).toBeHidden()
  await expect(page.getByTestId('page-number')).toHaveText('第 1 / 3 页第 0/2 步')

  // Through both steps, then past the hidden slide to the third.
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight') // finishes the fly
  await settled(page)
  await page.keyboard.press('ArrowRight')
  await settled(page)
  await expect(onBoard(page, 'hint')).toBeHidden()
  await expect(page.getByTestId('page-number')).toHaveText('第 1 / 3 页第 2/2 步')
  await page.keyboard.press('ArrowRight')
  await expect(presenter(page)).toHaveAttribute('data-index', '2')
  await expect(page.getByTestId('step-number')).toHaveCount(0) // no click steps here

  // A tap on the button (no pen picked) plays its trigger; the tap is not a page turn.
  await expect(onBoard(page, 'reveal')).toBeHidden()
  await onBoard(page, 'btn').tap()
  await settled(page)
  await expect(onBoard(page, 'reveal')).toBeVisible()
  await expect(presenter(page)).toHaveAttribute('data-index', '2')

  // Back past the hidden slide: the first slide as it was left, every step shown.
  await page.keyboard.press('ArrowLeft')
  await expect(presenter(page)).toHaveAttribute('data-index', '0')
  await expect(presenter(page)).toHaveAttribute('data-step', '2')
  await expect(onBoard(page, 'answer')).toBeVisible()
  await expect(onBoard(page, 'hint')).toBeHidden()

  // Ink keeps working over a build: pick the pen and write while the slide is being built.
  await page.keyboard.press('ArrowLeft')
  await page.getByTestId('tool-pen').click()
  await page.getByTestId('nav-next').click()
  const box = (await page.locator('.ink-live').boundingBox())!
  await page.mouse.move(box.x + 100, box.y + 100)
  await page.mouse.down()
  for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + 100 + i * 20, box.y + 110)
  await page.mouse.up()
  await expect(presenter(page)).toHaveAttribute('data-strokes', '1')
  await settled(page)
  await expect(onBoard(page, 'answer')).toBeVisible()
})

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 }
]) {
  test(`the presenter console shows the step, what comes next and the board's ink, at ${size.width}x${size.height}`, async ({
    page
  }, info) => {
    await page.setViewportSize(size)
    await saveAnimatedDeck()
    await chooseClassAndDeck(page)
    const [board] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('teach-start-board').click()])
    await board.setViewportSize(size)
    await expect(presenter(board)).toHaveAttribute('data-index', '0')
    await expect(page.getByTestId('console-page')).toHaveText('第 1 / 3 页 · 第 0/2 步')
    await expect(page.getByTestId('console-next-step')).toHaveText('下一步：飞入 答案：5')
    // The console's own view of the slide is built as the board is: the answer not there yet.
    await expect(page.locator('.now [data-element-id="answer"]')).toBeHidden()

    // (A 下一步 while the title's own fade plays would only finish it.)
    await settled(board)
    await page.getByTestId('console-next').click()
    await expect(presenter(board)).toHaveAttribute('data-step', '1')
    await expect(page.getByTestId('console-page')).toHaveText('第 1 / 3 页 · 第 1/2 步')
    await expect(page.getByTestId('console-next-step')).toHaveText('下一步：淡出 提示：a² + b² = c…') // long text is cut at 14 characters
    await expect(page.locator('.now [data-element-id="answer"]')).toBeVisible()

    // Ink drawn on the board appears over the console's slide.
    await board.getByTestId('tool-pen').click()
    const box = (await board.locator('.ink-live').boundingBox())!
    await board.mouse.move(box.x + 200, box.y + 200)
    await board.mouse.down()
    for (let i = 1; i <= 10; i++) await board.mouse.move(box.x + 200 + i * 30, box.y + 220 + (i % 2) * 10)
    await board.mouse.up()
    await expect(presenter(board)).toHaveAttribute('data-strokes', '1')
    await expect(page.getByTestId('console-ink')).toHaveAttribute('data-strokes', '1')
    const inked = await page.getByTestId('console-ink').evaluate((c: HTMLCanvasElement) => {
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
      let n = 0
      for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) n++
      return n
    })
    expect(inked).toBeGreaterThan(50)

    // The board's counter and the console, as a person sees them.
    await board.screenshot({ path: info.outputPath(`board-${size.width}.png`) })
    await page.screenshot({ path: info.outputPath(`console-${size.width}.png`) })
    // The counter with its step line overlaps no control and not the lesson timer beside it.
    expect(await hitBoxOverlaps(board)).toEqual([])
    const clashes = await board.evaluate(() => {
      const counter = document.querySelector('[data-testid="page-number"]')!.getBoundingClientRect()
      const others = [...document.querySelectorAll('[data-testid="presenter"] button, [data-testid="lesson-timer"]')]
      return others
        .map((e) => ({ e, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.height > 0)
        .filter(
          ({ r }) =>
            r.left < counter.right && counter.left < r.right && r.top < counter.bottom && counter.top < r.bottom
        )
        .map(({ e }) => e.getAttribute('data-testid') ?? e.textContent)
    })
    expect(clashes).toEqual([])
    const px = await board.getByTestId('page-number').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
    expect(px).toBeGreaterThanOrEqual(16)

    // The console's 下一步 goes on to the next step, then the page (the hidden slide skipped).
    await page.getByTestId('console-next').click()
    await expect(presenter(board)).toHaveAttribute('data-step', '2')
    await expect(page.getByTestId('console-next-step')).toHaveText('下一步：翻到下一页')
    await settled(board)
    await page.getByTestId('console-next').click()
    await expect(presenter(board)).toHaveAttribute('data-index', '2')
    await expect(page.getByTestId('console-ink')).toHaveAttribute('data-strokes', '0')
    await page.getByTestId('console-prev').click()
    await expect(presenter(board)).toHaveAttribute('data-index', '0')
    await expect(presenter(board)).toHaveAttribute('data-step', '2')
    await expect(page.getByTestId('console-ink')).toHaveAttribute('data-strokes', '1')
  })
}

test('a kill -9 of the host reopens the lesson at the slide and step where it stopped, with its ink', async ({
  page
}) => {
  await saveAnimatedDeck()
  await chooseClassAndDeck(page)
  await page.getByTestId('teach-start').click()
  await expect(page.getByTestId('lesson-timer')).toBeVisible()
  await settled(page)
  await page.keyboard.press('ArrowRight')
  await settled(page)
  await expect(presenter(page)).toHaveAttribute('data-step', '1')
  await page.getByTestId('tool-pen').click()
  const box = (await page.locator('.ink-live').boundingBox())!
  await page.mouse.move(box.x + 100, box.y + 100)
  await page.mouse.down()
  for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + 100 + i * 20, box.y + 110)
  await page.mouse.up()
  await expect(presenter(page)).toHaveAttribute('data-strokes', '1')
  // The autosave sends within a second of a change; 2.5 s covers the stroke and the step.
  await page.waitForTimeout(2500)
  await host.kill()

  host = await startHost(data.dir)
  rpc.close()
  rpc = await connectRpc(host.url)
  await page.goto(`${host.url}#/teach`)
  await expect(page.getByTestId('resume-title')).toHaveText('上次的课意外中断 · 从第 1 页第 1 步继续')
  await page.getByTestId('resume-lesson').click()
  await expect(presenter(page)).toHaveAttribute('data-index', '0')
  await expect(presenter(page)).toHaveAttribute('data-step', '1')
  await expect(presenter(page)).toHaveAttribute('data-strokes', '1')
  await expect(onBoard(page, 'answer')).toBeVisible()
  await expect(onBoard(page, 'hint')).toBeVisible()
  await expect(page.getByTestId('page-number')).toHaveText('第 1 / 3 页第 1/2 步')
})

test('a PowerPoint deck with animations plays on the board click by click, as the file counts them', async ({
  page
}) => {
  // Generated here (src-main/test-utils), so a clone without the shared corpus tests it too.
  const { bytes, clicks } = animationDeck()
  const source = join(data.dir, '光合作用.pptx')
  writeFileSync(source, bytes)
  const { document } = await rpc.call('courseware:import', { path: source })
  deckPath = (await rpc.call('courseware:save', { docId: document.docId })).path
  await chooseClassAndDeck(page)
  await page.getByTestId('teach-start').click()
  await expect(page.getByTestId('lesson-timer')).toBeVisible()

  await expect(presenter(page)).toHaveAttribute('data-steps', String(clicks[0]))
  for (let i = 1; i <= clicks[0]!; i++) {
    await settled(page)
    await page.keyboard.press('ArrowRight')
    await expect(presenter(page)).toHaveAttribute('data-step', String(i))
    await expect(presenter(page)).toHaveAttribute('data-index', '0')
  }
  await settled(page)
  // Slide 2 opens with its own steps playing, then takes its one click before the page turns.
  await page.keyboard.press('ArrowRight')
  await expect(presenter(page)).toHaveAttribute('data-index', '1')
  await expect(presenter(page)).toHaveAttribute('data-steps', String(clicks[1]))
  await settled(page)
  await page.keyboard.press('ArrowRight')
  await expect(presenter(page)).toHaveAttribute('data-step', '1')
  await settled(page)
  await page.keyboard.press('ArrowRight')
  await expect(presenter(page)).toHaveAttribute('data-index', '2')
  await expect(page.getByTestId('step-number')).toHaveCount(0)
  // Back on slide 1, every one of its clicks is shown.
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect(presenter(page)).toHaveAttribute('data-index', '0')
  await expect(presenter(page)).toHaveAttribute('data-step', String(clicks[0]))
})
