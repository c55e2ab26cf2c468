/** Templates (issue 17, item 6): the 4:3 choice is kept, a whole Chinese lesson, and a school template saved from a deck. */
import { test, expect } from '@playwright/test'
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

test('a 4:3 lesson from the template, saved as the school’s template and offered for the next deck', async ({
  page
}) => {
  await page.goto(`${host.url}#/prepare`)
  await page.getByTestId('new-title').fill('分数的意义')
  await page.getByRole('button', { name: '4:3' }).click()
  await page.getByTestId('template').selectOption({ label: '一节课（课题到作业）' })
  await page.getByTestId('create-deck').click()
  await expect(page.getByTestId('editor')).toBeVisible()
  for (let i = 0; i < 7; i++) await expect(page.getByTestId(`thumb-${i}`)).toBeVisible()
  const box = (await page.getByTestId('editor-canvas').boundingBox())!
  expect(box.width / box.height).toBeCloseTo(4 / 3, 1)
  await page.getByTestId('thumb-4').click()
  await expect(page.getByTestId('editor-canvas')).toContainText('练习')

  await page.getByTestId('save-template-open').click()
  await page.getByTestId('save-as-name').fill('实验小学 · 数学课')
  await page.getByTestId('save-as-confirm').click()
  await expect(page.getByTestId('save-as')).toHaveCount(0)
  await page.getByTestId('editor').getByTitle('关闭').click()
  await expect(page.getByTestId('new-deck')).toBeVisible() // a new deck, unchanged, closes without asking
  await expect(page.getByTestId('template').locator('option', { hasText: '实验小学 · 数学课' })).toHaveCount(1)
})
