import { test, expect, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { unzipSync, strFromU8 } from 'fflate'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { LESSON, pptxgenLesson } from '../../src-main/test-utils/fixture-decks'

let data: ReturnType<typeof tempDataDir>
let host: RunningHost

test.beforeEach(async () => {
  data = tempDataDir()
  host = await startHost(data.dir)
})
test.afterEach(async () => {
  await host.stop()
  data.cleanup()
})

// A 2×2 PNG, so the image path (upload by hash, render from the media route) is real.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64'
)

async function elementCount(page: Page, type: string): Promise<number> {
  return page.getByTestId('editor-canvas').locator(`[data-element-type="${type}"]`).count()
}

test('create a deck; add text, image, formula and a question; undo/redo; save; reload; export PPTX', async ({
  page
}) => {
  await page.goto(`${host.url}#/prepare`)
  await expect(page.getByTestId('no-recent')).toBeVisible()
  await page.getByTestId('new-title').fill('分数的初步认识')
  await page.getByTestId('create-deck').click()
  await expect(page.getByTestId('editor')).toBeVisible()

  // Text
  await page.getByTestId('add-text').click()
  // Typed on the slide itself: double-click the box, replace its text, Enter for the second line.
  await page.getByTestId('editor-canvas').getByTestId('element-text').dblclick()
  await page.getByTestId('slide-text-editor').press('ControlOrMeta+a')
  await page.keyboard.type('几分之一')
  await page.keyboard.press('Enter')
  await page.keyboard.type('把一个月饼平均分成两份')
  await page.getByTestId('rich-done').click()
  await expect(page.getByTestId('slide-text-editor')).toHaveCount(0)
  await page.getByTestId('bold').click()
  await page.getByTestId('font-family').selectOption('楷体')
  const run = page.getByTestId('editor-canvas').locator('[data-element-type="text"] .run').first()
  await expect(run).toHaveCSS('font-weight', '700')
  expect(await run.evaluate((el) => (el as HTMLElement).style.fontFamily)).toContain('楷体')
  await page.getByTestId('editor-canvas').click({ position: { x: 5, y: 5 } })
  await expect(page.getByTestId('editor-canvas')).toContainText('把一个月饼平均分成两份')

  // Image (uploaded over HTTP, stored by hash, drawn from /media)
  await page.getByTestId('media-input').setInputFiles({ name: 'moon.png', mimeType: 'image/png', buffer: PNG })
  await expect.poll(() => elementCount(page, 'image')).toBe(1)
  const src = await page.getByTestId('editor-canvas').locator('[data-element-type="image"] img').getAttribute('src')
  expect(src).toMatch(/media\/[0-9a-f]{64}\.png$/)
  expect(await page.evaluate(async (u) => (await fetch(u)).status, src!)).toBe(200)

  // Formula (KaTeX) and a question
  await page.getByTestId('add-formula').click()
  await page.getByTestId('formula-input').fill('\\frac{1}{2}')
  await expect(page.getByTestId('editor-canvas').locator('.katex')).toBeVisible()
  await page.getByTestId('add-question').click()
  await page.getByTestId('question-prompt').fill('把一个月饼平均分成 2 份，每份是它的几分之一？')
  await page.getByTestId('option-text-1').fill('二分之一')
  await page.getByTestId('option-correct-1').click()
  await expect.poll(() => elementCount(page, 'question')).toBe(1)

  // Undo removes the question's edits step by step; redo brings them back.
  const before = await elementCount(page, 'question')
  for (let i = 0; i < 10 && (await elementCount(page, 'question')) > 0; i++) await page.getByTestId('undo').click()
  expect(await elementCount(page, 'question')).toBe(before - 1)
  for (let i = 0; i < 10 && (await page.getByTestId('redo').isEnabled()); i++) await page.getByTestId('redo').click()
  expect(await elementCount(page, 'question')).toBe(1)
  await expect(page.getByTestId('editor-canvas')).toContainText('二分之一')

  // A second slide, then save.
  await page.getByTestId('add-slide').click()
  await expect(page.getByTestId('thumb-1')).toBeVisible()
  await page.getByTestId('save').click()
  await expect(page.getByTestId('save')).not.toContainText('•')

  // Reload: the deck is in the recent list, and opens as saved.
  await page.reload()
  await page.goto(`${host.url}#/prepare`)
  await page.getByTestId('recent-分数的初步认识').click()
  await expect(page.getByTestId('editor')).toBeVisible()
  await expect(page.getByTestId('thumb-1')).toBeVisible()
  await page.getByTestId('thumb-0').click()
  await expect(page.getByTestId('editor-canvas')).toContainText('把一个月饼平均分成两份')
  expect(await elementCount(page, 'image')).toBe(1)
  expect(await elementCount(page, 'formula')).toBe(1)
  expect(await elementCount(page, 'question')).toBe(1)

  // Export PPTX and read it back: two slides, our text inside.
  await page.getByTestId('export-pptx').click()
  const download = page.waitForEvent('download')
  await page.getByTestId('export-download').click()
  const file = await (await download).path()
  const zip = unzipSync(new Uint8Array(readFileSync(file!)))
  const slides = Object.keys(zip).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
  expect(slides).toHaveLength(2)
  expect(strFromU8(zip['ppt/slides/slide1.xml'])).toContain('把一个月饼平均分成两份')

  // Deck details live in the manifest: a new title and author are saved and shown in the list.
  await page.getByTestId('deck-info-open').click()
  await expect(page.getByTestId('catalogue-picker')).toBeVisible() // no platform here: it says so, the rest still works
  await page.getByTestId('deck-title').fill('分数的初步认识（第一课时）')
  await page.getByTestId('deck-author').fill('王老师')
  await page.getByTestId('deck-info-save').click()
  await expect(page.getByTestId('deck-info')).toHaveCount(0)
  await page.getByTestId('editor').getByTitle('关闭').click()
  await expect(page.getByTestId('recent-分数的初步认识（第一课时）')).toBeVisible()
})

test('importing a PowerPoint shows its slides and the import report', async ({ page }) => {
  // Written by pptxgenjs (src-main/test-utils/fixture-decks.ts): six slides of text, two pictures, a table,
  // a chart (imported as an editable chart, nothing to report), a video and a hidden slide.
  const buffer = Buffer.from(await pptxgenLesson())
  await page.goto(`${host.url}#/prepare`)
  await page.getByTestId('import-input').setInputFiles({
    name: '分数的初步认识.pptx',
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    buffer
  })
  const report = page.getByTestId('import-report')
  await expect(report).toContainText('导入完成：分数的初步认识.pptx')
  await expect(report).toContainText(`${LESSON.titles.length} 页幻灯片，3 个媒体文件`)
  await expect(report).toContainText('所有内容均已按原样导入')
  await page.getByTestId('close-report').click()
  await expect(page.getByTestId('editor')).toBeVisible()
  for (let i = 0; i < LESSON.titles.length; i++) await expect(page.getByTestId(`thumb-${i}`)).toBeVisible()
  await expect(page.getByTestId(`thumb-${LESSON.titles.length}`)).toHaveCount(0)
  await expect(page.getByTestId('editor-canvas')).toContainText(LESSON.titles[0]!)
  await expect(page.getByTestId('thumb-3').locator('[data-element-type="chart"] svg')).toBeVisible()
  // The second slide's pictures come from the media route, stored by hash.
  await page.getByTestId('thumb-1').click()
  await expect(page.getByTestId('editor-canvas')).toContainText(LESSON.titles[1]!)
  await expect.poll(() => elementCount(page, 'image')).toBe(2)
  const src = await page
    .getByTestId('editor-canvas')
    .locator('[data-element-type="image"] img')
    .first()
    .getAttribute('src')
  expect(src).toMatch(/media\/[0-9a-f]{64}\.png$/)
  expect(await page.evaluate(async (u) => (await fetch(u)).status, src!)).toBe(200)
})

test('a file that cannot be imported gets a specific error and nothing is left open', async ({ page }) => {
  await page.goto(`${host.url}#/prepare`)
  await page.getByTestId('import-input').setInputFiles({
    name: '坏文件.pptx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('this is not a zip')
  })
  await expect(page.getByTestId('prepare-error')).toContainText('坏文件.pptx')
  await expect(page.getByTestId('editor')).toHaveCount(0)
})
