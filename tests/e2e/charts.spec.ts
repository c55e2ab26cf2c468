/**
 * Charts as data (issue 14, item 2): a PowerPoint chart imports as a chart drawn in SVG on the slide and
 * in the thumbnails; its data opens in a table from the properties panel, and a value typed there
 * changes the chart on the slide; a new chart comes from the toolbar.
 */
import { test, expect, type Page } from '@playwright/test'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { pptxgenCharts } from '../../src-main/test-utils/fixture-charts'

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

const canvasChart = (page: Page) => page.getByTestId('editor-canvas').locator('[data-element-type="chart"]')

async function openChartDeck(page: Page): Promise<void> {
  await page.goto(`${host.url}#/prepare`)
  await page.getByTestId('import-input').setInputFiles({
    name: '图表课.pptx',
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    buffer: Buffer.from(await pptxgenCharts())
  })
  await page.getByTestId('close-report').click()
  await expect(page.getByTestId('editor')).toBeVisible()
}

test('an imported chart is drawn as SVG; a value edited in its table changes the chart on the slide', async ({
  page
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await openChartDeck(page)
  const chart = canvasChart(page)
  await expect(chart.locator('svg')).toBeVisible()
  await expect(chart.locator('svg')).toContainText('期中成绩')
  await expect(chart.locator('svg')).toContainText('一班')
  // Thumbnails draw the same chart.
  await expect(page.getByTestId('thumb-0').locator('[data-element-type="chart"] svg')).toBeVisible()
  // Data labels show the values: 92 for 数学 in 一班.
  await expect(chart.locator('svg text', { hasText: /^92$/ })).toHaveCount(1)
  const before = await chart.locator('svg').innerHTML()
  await page.screenshot({ path: test.info().outputPath('chart-on-slide-1366.png') })

  await page.getByTestId('element-chart').click()
  await page.getByTestId('edit-chart-data').click()
  const table = page.getByTestId('chart-table')
  await expect(table).toBeVisible()
  await expect(page.getByTestId('chart-cell-0-0')).toHaveValue('92')
  await page.getByTestId('chart-cell-0-0').fill('47')
  await page.getByTestId('chart-cell-0-0').press('Enter')
  await expect(chart.locator('svg text', { hasText: /^47$/ })).toHaveCount(1)
  await expect(chart.locator('svg text', { hasText: /^92$/ })).toHaveCount(0)
  expect(await chart.locator('svg').innerHTML()).not.toBe(before)

  // A word in a number cell is refused and the value kept.
  await page.getByTestId('chart-cell-1-0').fill('很多')
  await page.getByTestId('chart-cell-1-0').press('Enter')
  await expect(page.getByTestId('chart-data-editor')).toContainText('“很多”不是数字')
  await expect(page.getByTestId('chart-cell-1-0')).toHaveValue('85')

  await page.getByTestId('chart-add-row').click()
  await page.getByTestId('chart-cat-3').fill('四班')
  await page.getByTestId('chart-cat-3').press('Enter')
  await page.getByTestId('chart-cell-3-1').fill('66')
  await page.getByTestId('chart-cell-3-1').press('Enter')
  await expect(chart.locator('svg')).toContainText('四班')
  await page.getByTestId('chart-kind-line').click()
  await expect(page.getByTestId('chart-kind-line')).toHaveAttribute('aria-checked', 'true')
  await page.screenshot({ path: test.info().outputPath('chart-data-editor-1366.png') })

  // Touch targets of the table are at least 48 px tall.
  for (const id of ['chart-cell-0-0', 'chart-add-row', 'chart-kind-pie', 'chart-done']) {
    const box = await page.getByTestId(id).boundingBox()
    expect(box!.height, id).toBeGreaterThanOrEqual(48)
  }
  await page.getByTestId('chart-done').click()
  await expect(page.getByTestId('chart-data-editor')).toHaveCount(0)
  // One undo takes back the last edit (the kind), the next the value typed.
  await page.getByTestId('undo').click()
  await page.getByTestId('undo').click()
  await page.getByTestId('undo').click()
  await expect(chart.locator('svg')).not.toContainText('四班')
})

test('a new chart comes from the toolbar, drawn from its own small table', async ({ page }) => {
  await openChartDeck(page)
  await page.getByTestId('thumb-1').click()
  await expect(canvasChart(page)).toHaveCount(1)
  await page.getByTestId('add-chart').click()
  await expect(canvasChart(page)).toHaveCount(2)
  await expect(canvasChart(page).nth(1).locator('svg')).toContainText('图表标题')
})
