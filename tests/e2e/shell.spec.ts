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

test('the shell opens in Chinese with the four jobs, switches to English and stays English after a reload', async ({
  page
}) => {
  await page.goto(host.url)
  await expect(page.getByTestId('app-title')).toHaveText('ClassDeck 教学助手')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  for (const [job, name] of [
    ['prepare', '备课'],
    ['teach', '授课'],
    ['interact', '课堂互动'],
    ['sync', '同步'],
    ['library', '资源库'],
    ['stats', '统计'],
    ['settings', '设置']
  ]) {
    await expect(page.getByTestId(`tile-${job}`)).toContainText(name)
  }

  await page.getByTestId('language-toggle').click()
  await expect(page.getByTestId('home-greeting')).toHaveText('What are you teaching today?')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  await page.reload()
  await expect(page.getByTestId('home-greeting')).toHaveText('What are you teaching today?')
  await expect(page.getByTestId('tile-prepare')).toContainText('Prepare')
})

test('a call round-trips over the WebSocket and its result survives a restart of the browser host', async ({
  page
}) => {
  await page.goto(`${host.url}#/settings`)
  await expect(page.getByTestId('data-dir')).toHaveText(data.dir)
  await page.getByTestId('classroom-port').fill('9123')
  await page.getByTestId('platform-url').fill('https://192.0.2.10:8443')
  await page.getByTestId('settings-save').click()
  await expect(page.getByRole('status')).toBeVisible()

  // Same data folder, new process: the values come back from SQLite.
  await host.stop()
  host = await startHost(data.dir)
  await page.goto(`${host.url}#/settings`)
  await expect(page.getByTestId('classroom-port')).toHaveValue('9123')
  await expect(page.getByTestId('platform-url')).toHaveValue('https://192.0.2.10:8443')
})

test('an invalid setting is refused with a specific Chinese message and nothing saved is lost', async ({ page }) => {
  await page.goto(`${host.url}#/settings`)
  await page.getByTestId('classroom-port').fill('80')
  await page.getByTestId('settings-save').click()
  await expect(page.getByTestId('error-banner')).toContainText('输入无效')
  await expect(page.getByTestId('error-banner')).toContainText('classroomPort')
  await page.reload()
  await expect(page.getByTestId('classroom-port')).toHaveValue('8848')
})

test('every tile and the language switch are large touch targets', async ({ page }) => {
  await page.goto(host.url)
  for (const job of ['prepare', 'teach', 'interact', 'sync', 'library', 'stats', 'settings']) {
    const box = await page.getByTestId(`tile-${job}`).boundingBox()
    expect(box!.height).toBeGreaterThanOrEqual(48)
    expect(box!.width).toBeGreaterThanOrEqual(48)
  }
  const toggle = await page.getByTestId('language-toggle').boundingBox()
  expect(toggle!.height).toBeGreaterThanOrEqual(48)
})

test('the page is served with a strict CSP', async ({ request }) => {
  const res = await request.get(host.url)
  const csp = res.headers()['content-security-policy']
  expect(csp).toContain("script-src 'self'")
  expect(csp).toContain("object-src 'none'")
  expect(csp).not.toContain('unsafe-eval')
  expect(res.headers()['x-frame-options']).toBe('DENY')
})
