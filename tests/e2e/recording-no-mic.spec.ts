import { test, expect, type Page } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { connectRpc, saveSampleDeck, type RpcClient } from './fixtures/rpc-client'

/**
 * 微课 recording when the microphone is refused: Chromium has a fake microphone but no fake
 * permission prompt, so the page is refused it. The teacher is told so in Chinese before starting,
 * and the board is recorded without sound (an MP4 with a video track and no audio track).
 */

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
test.use({
  launchOptions: {
    executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--use-fake-device-for-media-stream']
  }
})

let data: ReturnType<typeof tempDataDir>
let host: RunningHost
let rpc: RpcClient
let deckPath: string

test.beforeEach(async () => {
  data = tempDataDir()
  host = await startHost(data.dir)
  rpc = await connectRpc(host.url)
  deckPath = join(data.dir, 'decks', '勾股定理.edux')
  await saveSampleDeck(rpc, deckPath, '勾股定理', 3)
})
test.afterEach(async () => {
  rpc.close()
  await host.stop()
  data.cleanup()
})

const indicator = (page: Page) => page.getByTestId('record-indicator')

async function startLesson(page: Page): Promise<void> {
  await page.goto(`${host.url}#/teach`)
  await page.getByTestId('class-new').click()
  await page.getByTestId('class-name').fill('八年级2班')
  await page.getByTestId('class-names').fill(['张三', '李四'].join('\n'))
  await page.getByTestId('class-save').click()
  await page.locator(`[data-path="${deckPath}"]`).click()
  await page.getByTestId('teach-start').click()
  await expect(page.getByTestId('lesson-timer')).toBeVisible()
}

async function waitRecorded(page: Page, ms: number): Promise<void> {
  await expect
    .poll(async () => Number(await indicator(page).getAttribute('data-elapsed')), { timeout: ms + 20_000 })
    .toBeGreaterThanOrEqual(ms)
}

async function parse(file: string) {
  const input = new Input({ source: new BufferSource(readFileSync(file)), formats: ALL_FORMATS })
  const [video] = await input.getVideoTracks()
  const [audio] = await input.getAudioTracks()
  return { duration: await input.computeDuration(), video: video ? { codec: video.codec } : null, audio: audio ?? null }
}

test('the teacher is told in Chinese, and the board is recorded without sound', async ({ page }) => {
  test.setTimeout(90_000)
  await startLesson(page)
  await page.getByTestId('record-open').click()
  await expect(page.getByTestId('record-mic-note')).toContainText('没有得到使用麦克风的许可，录像将没有声音')
  await page.getByTestId('record-start').click()
  await expect(indicator(page)).toHaveAttribute('data-phase', 'recording', { timeout: 10_000 })
  await expect(page.getByTestId('record-mute')).toHaveCount(0)
  await waitRecorded(page, 3000)
  await page.getByTestId('record-stop').click()
  const saved = page.getByTestId('record-saved')
  await expect(saved).toBeVisible({ timeout: 20_000 })
  const parsed = await parse(join(data.dir, 'media', `${await saved.getAttribute('data-hash')}.mp4`))
  expect(parsed.video?.codec).toBe('avc')
  expect(parsed.audio).toBeNull()
  expect(parsed.duration).toBeGreaterThan(2.5)
  const [item] = await rpc.call('recordings:list', {})
  expect(item?.audioCodec).toBeNull()
})
