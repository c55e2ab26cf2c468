/**
 * 题库 import of a test paper laid out the usual way (sections, a 参考答案 block at the end): every
 * question but the 解答题 goes in, and the report names the skipped one by section and number.
 */
import { test, expect } from '@playwright/test'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { MATH_PAPER, paperDocx } from '../../src-main/test-utils/fixture-papers'

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

test('题库: a 数学 paper with sections and a 参考答案 block imports 8 questions and names the 解答题 it skipped', async ({
  page
}) => {
  await page.goto(`${host.url}#/library`)
  await page.getByTestId('library-question-bank').click()
  await page.getByTestId('bank-file').setInputFiles({
    name: '分数单元测试.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from(await paperDocx(MATH_PAPER))
  })
  await expect(page.getByTestId('bank-import-result')).toContainText('已导入 8 道题')
  await expect(page.getByTestId('bank-import-problem')).toHaveText([
    '四、解答题 第 9 题：解答题暂不能放进题库（题库只收选择、填空、判断题），已跳过。'
  ])
  await expect(page.getByTestId('bank-item')).toHaveCount(8)
  const dir = process.env.INTERACT_SHOTS_DIR ?? test.info().outputPath()
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080]
  ] as const) {
    await page.setViewportSize({ width: w, height: h })
    await page.screenshot({ path: `${dir}/question-bank-import-report-${w}x${h}.png` })
  }
})
