/**
 * 课堂互动 end to end: the teacher's console in one browser context, three students' tablets in
 * three more, all against the real classroom server on loopback.
 */
import { test, expect } from '@playwright/test'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { joinStudent, openClass } from './fixtures/classroom'
import { readFileSync } from 'node:fs'
import { readXlsx } from '../../src-main/test-utils/xlsx-reader'

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

// A tiny JPEG (1×1), so the photo path really uploads an image the server checks by its bytes.
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64'
)

test('students join with the PIN, answer, survive going offline, are refused after close, and the teacher sees it all', async ({
  page: teacher,
  browser
}) => {
  const { url, pin } = await openClass(teacher, host.url, '三年级（2）班')

  // A wrong PIN is refused with a message the student can act on.
  const lostCtx = await browser.newContext()
  const lost = await lostCtx.newPage()
  await lost.goto(url)
  await lost.getByTestId('pin').fill(pin === '000000' ? '111111' : '000000')
  await lost.getByTestId('pin-go').click()
  await expect(lost.getByRole('alert')).toContainText('课堂码不正确')

  const [zhang, li, wang] = [
    await joinStudent(browser, url, pin, '张三'),
    await joinStudent(browser, url, pin, '李四'),
    await joinStudent(browser, url, pin, '王五')
  ]

  // Single choice, key B.
  await teacher.getByTestId('q-prompt').fill('1/2 和 2/4 哪个大？')
  await teacher.getByTestId('q-key').fill('B')
  await teacher.getByTestId('launch-single').click()
  for (const s of [zhang, li, wang]) await expect(s.getByTestId('question')).toContainText('1/2 和 2/4 哪个大？')

  await zhang.getByTestId('option-B').click()
  await li.getByTestId('option-A').click()
  await expect(teacher.getByTestId('tally-count')).toHaveText(/2\s*\/\s*3/)
  await expect(teacher.getByTestId('tally')).toContainText('王五') // named among those not yet answered

  // 李四's tablet drops off the Wi-Fi and comes back: their answer is still theirs.
  await li.context().setOffline(true)
  await li.waitForTimeout(500)
  await li.context().setOffline(false)
  await li.reload()
  await expect(li.getByTestId('question')).toContainText('已提交')

  // 王五 answers while offline; the teacher closes the question before the tablet reconnects.
  await wang.context().setOffline(true)
  await wang.getByTestId('option-B').click()
  await teacher.getByTestId('q-close').click()
  await expect(teacher.getByTestId('tally-count')).toHaveText(/2\s*\/\s*3/)
  await wang.context().setOffline(false)
  await expect(wang.getByTestId('question')).toContainText('本题已结束', { timeout: 20_000 })
  // The answer queued offline was sent on reconnect and refused, with the reason shown.
  await expect(wang.getByRole('alert')).toContainText('没有被记录')
  await expect(teacher.getByTestId('tally-count')).toHaveText(/2\s*\/\s*3/)

  // Reveal and results: 张三 right, 李四 wrong.
  await teacher.getByTestId('q-reveal').click()
  await expect(teacher.getByTestId('results')).toContainText('张三')
  await expect(teacher.getByTestId('results')).toContainText('李四')
  await expect(zhang.getByTestId('question')).toContainText('回答正确')
  await expect(li.getByTestId('question')).toContainText('回答错误')

  // A photo answer reaches the teacher's gallery.
  await teacher.getByTestId('q-prompt').fill('拍下你的竖式')
  await teacher.getByTestId('q-limit').selectOption('120')
  await teacher.getByTestId('launch-photo').click()
  await expect(teacher.getByTestId('q-countdown')).toHaveText(/剩余 1(20|19|18) 秒/)
  await expect(zhang.getByTestId('question')).toContainText('拍下你的竖式')
  await zhang.getByTestId('photo').setInputFiles({ name: 'work.jpg', mimeType: 'image/jpeg', buffer: JPEG })
  await expect(teacher.getByTestId('tally')).toContainText('张三')

  // After class the teacher downloads the results as an Excel workbook: one row per student.
  await teacher.getByTestId('class-close').click()
  await expect(teacher.getByTestId('last-class')).toContainText('上一节课共 2 道题')
  const [download] = await Promise.all([
    teacher.waitForEvent('download'),
    teacher.getByTestId('last-class').getByTestId('export-xlsx').click()
  ])
  expect(download.suggestedFilename()).toMatch(/^课堂互动_三年级（2）班_\d{4}-\d{2}-\d{2}\.xlsx$/)
  const book = readXlsx(readFileSync((await download.path())!))
  const students = book['学生']!
  expect(students[0]).toEqual([
    '学生',
    '第1题 1/2 和 2/4 哪个大？',
    '第1题 正误',
    '第2题 拍下你的竖式',
    '第2题 正误',
    '答对',
    '可判题数'
  ])
  expect(students.slice(1).map((r) => r.slice(0, 3))).toEqual([
    ['张三', 'B', '对'],
    ['李四', 'A', '错'],
    ['王五', null, null]
  ])
  expect(book['题目']!.slice(1).map((r) => r.slice(0, 4))).toEqual([
    [1, '1/2 和 2/4 哪个大？', '单选题', 2],
    [2, '拍下你的竖式', '拍照作答', 1]
  ])
})
