/** Slides (issue 17, item 2): delete with a button (undoable) and hide a slide (dimmed in the sorter). */
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

test('a slide is hidden (dimmed, named hidden) and deleted with the buttons, and undo brings it back', async ({
  page
}) => {
  await page.goto(`${host.url}#/prepare`)
  await page.getByTestId('new-title').fill('三页')
  await page.getByTestId('create-deck').click()
  await page.getByTestId('add-slide').click()
  await page.getByTestId('add-slide').click()
  await expect(page.getByTestId('thumb-2')).toBeVisible()

  await page.getByTestId('thumb-1').click()
  await page.getByTestId('hide-slide').click()
  await expect(page.getByTestId('thumb-1')).toHaveClass(/hidden/)
  await expect(page.getByTestId('thumb-1')).toHaveAttribute('aria-label', '第 2 页（已隐藏）')
  expect(
    await page
      .getByTestId('thumb-1')
      .locator('.slide-outer')
      .evaluate((e) => getComputedStyle(e).opacity)
  ).toBe('0.4')
  await page.getByTestId('hide-slide').click()
  await expect(page.getByTestId('thumb-1')).not.toHaveClass(/hidden/)

  await page.getByTestId('delete-slide').click()
  await expect(page.getByTestId('thumb-2')).toHaveCount(0)
  await page.getByTestId('undo').click()
  await expect(page.getByTestId('thumb-2')).toBeVisible()
})
