/**
 * One student, one device, end to end: a second tablet that types a name already in class waits
 * for the teacher's yes on the 课堂互动 page; yes moves the student and signs the first tablet
 * out, no leaves everything as it was. Real browser host, real classroom server on loopback.
 */
import { test, expect } from '@playwright/test'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { joinStudent, openClass } from './fixtures/classroom'

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

test('a second tablet for a name in class waits for the teacher, who can let it in or refuse it', async ({
  page: teacher,
  browser
}) => {
  const { url, pin } = await openClass(teacher, host.url, '四年级（1）班')
  const first = await joinStudent(browser, url, pin, '张三')

  // Someone else types 张三: nothing is handed over, the teacher is asked.
  const ctx = await browser.newContext({ viewport: { width: 800, height: 1200 }, hasTouch: true })
  const second = await ctx.newPage()
  await second.goto(url)
  await second.getByTestId('pin').fill(pin)
  await second.getByTestId('pin-go').click()
  await second.getByTestId('name').fill('张三')
  await second.getByTestId('name-go').click()
  await expect(second.getByRole('alert')).toContainText('已请老师确认')
  const request = teacher.getByTestId('device-request')
  await expect(request).toHaveAttribute('data-name', '张三')
  await expect(request).toContainText('原来的设备仍在线')
  const box = await teacher.getByTestId('device-refuse').boundingBox()
  expect(box!.height).toBeGreaterThanOrEqual(48)

  // Refused: the second tablet is told, the first one is still 张三.
  await teacher.getByTestId('device-refuse').click()
  await expect(second.getByRole('alert')).toContainText('老师没有同意')
  await expect(teacher.getByTestId('device-requests')).toHaveCount(0)
  await expect(first.getByTestId('waiting')).toBeVisible()

  // Asked again and allowed (张三 really changed tablets): the new one is in, the old one is out.
  await second.getByTestId('name-go').click()
  await expect(request).toBeVisible()
  await teacher.getByTestId('device-allow').click()
  await expect(second.getByTestId('waiting')).toBeVisible()
  await expect(first.getByRole('alert')).toContainText('另一台设备已用你的名字进入课堂')
  await expect(first.getByTestId('pin')).toBeVisible()

  // The student on the new tablet answers as 张三.
  await teacher.getByTestId('q-key').fill('A')
  await teacher.getByTestId('launch-single').click()
  await second.getByTestId('option-A').click()
  await expect(teacher.getByTestId('tally-count')).toHaveText(/1\s*\/\s*1/)
  await ctx.close()
})
