/**
 * What a tablet shows of a question (issue 16, item 2): the stem and the option texts, formulas drawn
 * by KaTeX, the countdown to the server's deadline, and after the reveal the accepted answers, with the
 * same key on the console. Screenshots of the tablet at 1366×768 and at a phone's 390×844.
 */
import { test, expect, type Browser, type Page } from '@playwright/test'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { connectRpc, type RpcClient } from './fixtures/rpc-client'
import { openClass } from './fixtures/classroom'
import { cookieForLaunchUrl } from '../../src-main/hosts/browser/access'

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

async function tablet(
  browser: Browser,
  url: string,
  pin: string,
  name: string,
  size: { width: number; height: number }
) {
  const ctx = await browser.newContext({ viewport: size, hasTouch: true })
  const page = await ctx.newPage()
  await page.goto(url)
  await page.getByTestId('pin').fill(pin)
  await page.getByTestId('pin-go').click()
  await page.getByTestId('name').fill(name)
  await page.getByTestId('name-go').click()
  await expect(page.getByTestId('waiting')).toBeVisible()
  return page
}

const shot = (p: Page, name: string) => p.screenshot({ path: `test-results/tablet-${name}.png`, fullPage: true })

test('a tablet shows the stem and option texts with formulas, counts down, and shows the revealed key', async ({
  page: teacher,
  browser
}) => {
  const { url, pin } = await openClass(teacher, host.url, '八年级（1）班')
  const pad = await tablet(browser, url, pin, '张三', { width: 1366, height: 768 })
  const phone = await tablet(browser, url, pin, '李四', { width: 390, height: 844 })

  // A question with option texts and formulas, timed, as a slide's question is launched.
  await rpc.call('classroom:launch', {
    spec: {
      kind: 'single',
      prompt: '直角三角形两条直角边分别是 3 和 4，斜边 $c$ 满足哪个式子？',
      options: ['$c = 3 + 4$', '$c^2 = 3^2 + 4^2$', '$c = \\frac{3 \\times 4}{2}$', '无法确定'],
      correct: 1,
      timeLimitSec: 120
    }
  })
  for (const s of [pad, phone]) {
    const q = s.getByTestId('question')
    await expect(q).toContainText('直角三角形两条直角边分别是 3 和 4')
    await expect(s.getByTestId('prompt').locator('.katex')).toHaveCount(1)
    await expect(s.getByTestId('option-D')).toContainText('无法确定')
    await expect(s.getByTestId('option-B').locator('.katex')).toHaveCount(1)
    await expect(q).toContainText(/1(20|19|18) 秒/)
    // The key never reaches a tablet before the reveal.
    await expect(s.getByTestId('revealed-key')).toHaveCount(0)
  }
  await shot(pad, '1366x768-question')
  await shot(phone, '390x844-question')
  const optionBox = await phone.getByTestId('option-A').boundingBox()
  expect(optionBox!.height).toBeGreaterThanOrEqual(48)
  expect(optionBox!.x + optionBox!.width).toBeLessThanOrEqual(390) // nothing runs off a phone

  await pad.getByTestId('option-B').click()
  await phone.getByTestId('option-A').click()
  await expect(teacher.getByTestId('tally-count')).toHaveText(/2\s*\/\s*2/)
  await teacher.getByTestId('q-reveal').click()
  await expect(pad.getByTestId('revealed-key')).toHaveText('正确答案：B')
  await expect(phone.getByTestId('revealed-key')).toHaveText('正确答案：B')
  await expect(pad.getByTestId('question')).toContainText('回答正确')
  await expect(phone.getByTestId('question')).toContainText('回答错误')
  await shot(phone, '390x844-revealed')

  // A fill-in question from the console: the accepted answers show on the tablet after the reveal.
  await teacher.getByTestId('q-prompt').fill('水的化学式是 $\\ce{H2O}$ 吗？写出氧的元素符号')
  await teacher.getByTestId('q-accepted').fill('O；氧')
  await teacher.getByTestId('launch-fillin').click()
  await expect(pad.getByTestId('prompt').locator('.katex')).toHaveCount(1)
  await pad.getByTestId('text-0').fill('o')
  await pad.getByTestId('submit').click()
  await expect(pad.getByTestId('question')).toContainText('已提交')
  await teacher.getByTestId('q-reveal').click()
  await expect(pad.getByTestId('revealed-key')).toHaveText('正确答案：O/氧')
  await expect(phone.getByTestId('revealed-key')).toHaveText('正确答案：O/氧')
  await expect(pad.getByTestId('question')).toContainText('回答正确')
  await shot(pad, '1366x768-revealed')
})

test('a question’s picture shows on the tablet under the stem', async ({ page: teacher, browser }) => {
  // A real picture in the teacher's media store, drawn by Chromium (a red square on white).
  const png = Buffer.from(
    (
      await teacher.evaluate(() => {
        const c = document.createElement('canvas')
        c.width = 320
        c.height = 200
        const g = c.getContext('2d')!
        g.fillStyle = '#fff'
        g.fillRect(0, 0, 320, 200)
        g.fillStyle = '#c00'
        g.fillRect(110, 50, 100, 100)
        return c.toDataURL('image/png')
      })
    ).split(',')[1]!,
    'base64'
  )
  const up = await fetch(new URL('/media?ext=png', host.url), {
    method: 'POST',
    body: new Uint8Array(png),
    headers: { cookie: cookieForLaunchUrl(host.url), 'x-classdeck-upload': '1' }
  })
  const { result } = (await up.json()) as { result: { hash: string; ext: string } }
  const { url, pin } = await openClass(teacher, host.url, '三年级（2）班')
  const pad = await tablet(browser, url, pin, '王五', { width: 1366, height: 768 })
  await rpc.call('classroom:launch', {
    spec: {
      kind: 'single',
      prompt: '图中的正方形是什么颜色？',
      pictures: [`${result.hash}.png`],
      options: ['红色', '蓝色'],
      correct: 0
    }
  })
  const img = pad.getByTestId('question-picture')
  await expect(img).toBeVisible()
  expect(await img.evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight])).toEqual([320, 200])
  await shot(pad, '1366x768-picture')
})
