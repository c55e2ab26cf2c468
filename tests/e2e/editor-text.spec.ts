/**
 * Typing on the slide (issue 17, item 1): a text box is edited where it is drawn, a word is made
 * bold and coloured on its own, pasted HTML keeps its basic formatting without its script, a
 * pasted picture over 50 MB is refused with a message, and the result is what the slide shows.
 * Screenshots of the editor while typing, at 1366×768 and 1920×1080, go to test-results/.
 */
import { test, expect, type Page } from '@playwright/test'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'

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

async function newDeckWithText(page: Page): Promise<void> {
  await page.goto(`${host.url}#/prepare`)
  await page.getByTestId('new-title').fill('分数的意义')
  await page.getByTestId('create-deck').click()
  await page.getByTestId('add-text').click()
}

/** Sends a paste to the focused editor as the system clipboard would (HTML, or a picture file). */
async function paste(page: Page, what: { html?: string; imageBytes?: number }): Promise<void> {
  await page.getByTestId('slide-text-editor').evaluate((el, w) => {
    const dt = new DataTransfer()
    if (w.html) {
      dt.setData('text/html', w.html)
      dt.setData('text/plain', w.html.replace(/<[^>]+>/g, ''))
    }
    if (w.imageBytes) dt.items.add(new File([new Uint8Array(w.imageBytes)], '截图.png', { type: 'image/png' }))
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
  }, what)
}

const runs = (page: Page) => page.getByTestId('editor-canvas').locator('[data-element-type="text"] .run')

test('type in a box on the slide, bold and colour one word, paste from Word; the slide shows each run', async ({
  page
}) => {
  await newDeckWithText(page)
  const canvas = page.getByTestId('editor-canvas')
  await canvas.getByTestId('element-text').dblclick()
  const box = page.getByTestId('slide-text-editor')
  await expect(box).toBeFocused()
  await box.press('ControlOrMeta+a')
  await page.keyboard.type('分数的意义')
  // “意义” alone: bold and red.
  await page.keyboard.press('Shift+ArrowLeft')
  await page.keyboard.press('Shift+ArrowLeft')
  await page.getByTestId('rich-bold').click()
  await page.getByTestId('rich-color').evaluate((el: HTMLInputElement) => {
    el.value = '#c00000'
    el.dispatchEvent(new Event('input', { bubbles: true }))
  })
  await page.getByTestId('rich-size').selectOption('48')
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await paste(page, {
    html: '<p><b>把</b><span style="color:#0070c0">月饼</span><i>平均分</i><script>window.__pwned = 1</script><img src="https://evil.example/x.png"></p>'
  })
  await expect(box).toContainText('把月饼平均分')
  // A picture over 50 MB is refused with a message, and nothing is added.
  await paste(page, { imageBytes: 51 * 1024 * 1024 })
  await expect(page.getByTestId('editor-problem')).toContainText('超过 50 MB')

  for (const [w, h] of [
    [1366, 768],
    [1920, 1080]
  ] as const) {
    await page.setViewportSize({ width: w, height: h })
    await box.click()
    const bar = await page.getByTestId('text-toolbar').boundingBox()
    const text = await box.boundingBox()
    // The toolbar is beside the text, never over it.
    expect(bar!.y + bar!.height <= text!.y || bar!.y >= text!.y + text!.height).toBe(true)
    await page.screenshot({ path: test.info().outputPath(`editor-typing-${w}x${h}.png`) })
  }

  await page.keyboard.press('Escape')
  await expect(box).toHaveCount(0)
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
  await expect(canvas.locator('[data-element-type="image"]')).toHaveCount(0)
  // What the slide draws: “分数的” plain, “意义” bold, red, 48 pt; the pasted line keeps its formats.
  await expect(runs(page)).toHaveText(['分数的', '意义', '把', '月饼', '平均分'])
  await expect(runs(page).nth(0)).toHaveCSS('font-weight', '400')
  await expect(runs(page).nth(1)).toHaveCSS('font-weight', '700')
  await expect(runs(page).nth(1)).toHaveCSS('color', 'rgb(192, 0, 0)')
  await expect(runs(page).nth(1)).toHaveCSS('font-size', '64px') // 48 pt on a 540 pt slide of 720 units
  await expect(runs(page).nth(2)).toHaveCSS('font-weight', '700')
  await expect(runs(page).nth(3)).toHaveCSS('color', 'rgb(0, 112, 192)')
  await expect(runs(page).nth(4)).toHaveCSS('font-style', 'italic')

  // The whole typing session is one undo step, and it is an unsaved change.
  await expect(page.getByTestId('save')).toHaveText('保存 •')
  await page.getByTestId('undo').click()
  await expect(runs(page)).toHaveText(['双击输入文字'])
})

test('a second tap on a selected box starts typing; a tap outside it ends it', async ({ page }) => {
  await newDeckWithText(page)
  const el = page.getByTestId('editor-canvas').getByTestId('element-text')
  await page.getByTestId('editor-canvas').click({ position: { x: 5, y: 5 } }) // the new box starts selected
  await el.click()
  await expect(page.getByTestId('slide-text-editor')).toHaveCount(0)
  await el.click()
  await expect(page.getByTestId('slide-text-editor')).toBeFocused()
  await page.keyboard.type('！')
  await page.getByTestId('notes').click()
  await expect(page.getByTestId('slide-text-editor')).toHaveCount(0)
  await expect(runs(page)).toHaveText(['双击输入文字！'])
})
