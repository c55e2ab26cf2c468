/**
 * 课堂互动 opened from a class roster on the standalone page: the class is the roster, so tablets
 * join by tapping their own names (no name to type), and a name taken stays with its tablet.
 */
import { test, expect, type Browser, type Page } from '@playwright/test'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { connectRpc, type RpcClient } from './fixtures/rpc-client'

let data: ReturnType<typeof tempDataDir>
let host: RunningHost
let rpc: RpcClient

test.beforeEach(async () => {
  data = tempDataDir()
  host = await startHost(data.dir)
  rpc = await connectRpc(host.url)
})
test.afterEach(async () => {
  rpc.close()
  await host.stop()
  data.cleanup()
})

/**
 * The page at both smartboard sizes. INTERACT_SHOTS_DIR keeps them out of test-results/, which the
 * next Playwright run empties.
 */
async function shots(page: Page, name: string): Promise<void> {
  const dir = process.env.INTERACT_SHOTS_DIR ?? test.info().outputPath()
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080]
  ] as const) {
    await page.setViewportSize({ width: w, height: h })
    await page.screenshot({ path: `${dir}/${name}-${w}x${h}.png` })
  }
  await page.setViewportSize({ width: 1366, height: 768 })
}

/** A tablet enters the PIN and taps its name on the class's roster. */
async function joinByName(browser: Browser, url: string, pin: string, name: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 800, height: 1200 }, hasTouch: true })
  const tablet = await ctx.newPage()
  await tablet.goto(url)
  await tablet.getByTestId('pin').fill(pin)
  await tablet.getByTestId('pin-go').click()
  const mine = tablet.getByRole('button', { name, exact: true })
  await expect(mine).toBeVisible()
  await expect(tablet.getByTestId('name')).toHaveCount(0) // a roster class has no name to type
  await mine.click()
  await expect(tablet.getByTestId('waiting')).toBeVisible()
  return tablet
}

test('opens class from a roster on the 课堂互动 page; two tablets join by tapping their names', async ({
  page,
  browser
}) => {
  const roster = await rpc.call('rosters:save', { name: '三年级（2）班', students: ['张三', '李四', '王五'] })
  await page.goto(`${host.url}#/interact`)
  const picker = page.getByTestId('class-roster')
  await expect(picker.locator('option', { hasText: '三年级（2）班（3 人）' })).toHaveCount(1)
  await picker.selectOption(roster.id)
  await expect(page.getByTestId('class-roster-hint')).toContainText('点选自己的名字')
  await shots(page, 'interact-open-form')
  await page.getByTestId('class-host').selectOption('127.0.0.1')
  await page.getByTestId('class-open').click()
  await expect(page.getByTestId('class-pin')).toHaveText(/\d{6}/)
  const pin = (await page.getByTestId('class-pin').textContent())!.replace(/\D/g, '')
  const url = (await page.getByTestId('class-url').textContent())!.trim()

  const status = await rpc.call('classroom:status', {})
  expect(status.title).toBe('三年级（2）班') // named after the roster when no title was typed

  await joinByName(browser, url, pin, '李四')
  await joinByName(browser, url, pin, '王五')
  await expect
    .poll(async () => (await rpc.call('classroom:status', {})).students.map((s) => s.name).sort())
    .toEqual(['李四', '王五'].sort())
  await expect(page.getByText('已加入 2 人')).toBeVisible()
})
