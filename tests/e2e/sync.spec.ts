/**
 * 同步 end to end against the reference platform: sign in through its sign-in page (authorization
 * code + PKCE, loopback redirect), teach a lesson that counts (on the test clock) with a quiz in it,
 * sync, and find exactly one lesson record and one quiz result on the platform.
 */
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures/with-platform'
import { connectRpc } from './fixtures/rpc-client'
import { joinStudent, openClass, runOneQuestion } from './fixtures/classroom'
import { signIn, usePlatform } from './fixtures/platform'

test.use({ movableClock: true })

test('sign in on the platform page, teach a lesson with a quiz, sync, and the platform has each record once', async ({
  page,
  browser,
  host,
  platform
}) => {
  await usePlatform(page, host.url, platform.url)

  // Sign in: the platform's own page, then back through the loopback redirect.
  await signIn(page, host.url)

  // A class from the platform's roster; a lesson of 16 minutes on the test clock, with a quiz.
  const rpc = await connectRpc(host.url)
  const { classes } = await rpc.call('sync:classes', { refresh: true })
  expect(classes.length).toBeGreaterThan(0)
  const lesson = await rpc.call('lessons:start', {
    classId: classes[0].id,
    className: classes[0].name,
    deckId: 'deck-e2e',
    deckTitle: '分数的初步认识'
  })
  const { url: joinUrl, pin } = await openClass(page, host.url)
  const student = await joinStudent(browser, joinUrl, pin, '陈一')
  await runOneQuestion(page, student, 'C', 'C')
  await page.getByTestId('class-close').click()
  await student.context().close()
  // 16 minutes of teaching: the teacher is active every 4 minutes (idle time would not count).
  for (let i = 0; i < 4; i++) {
    await host.advanceClock(4 * 60_000)
    await rpc.call('lessons:activity', { sessionId: lesson.sessionId })
  }
  const summary = await rpc.call('lessons:end', { sessionId: lesson.sessionId })
  expect(summary.effective).toBe(true)
  rpc.close()

  // Sync now: everything is sent, and the platform counted each record once.
  await page.goto(`${host.url}#/sync`)
  await page.getByTestId('sync-now').click()
  await expect(page.getByTestId('sync-count-pending')).toContainText('0', { timeout: 20_000 })
  await expect(page.getByTestId('sync-count-sent')).toContainText('2')
  await expect(page.getByTestId('sync-count-failed')).toContainText('0')
  expect(platform.server.stats()).toMatchObject({ lessonRecords: 1, quizResults: 1 })
})

/** 同步 → 登录平台 as `username` on the platform's own sign-in page. */
async function signInAs(page: Page, hostUrl: string, username: string): Promise<void> {
  await page.goto(`${hostUrl}#/sync`)
  await page.getByTestId('sync-sign-in').click()
  const popup = page.waitForEvent('popup')
  await page.getByTestId('sync-open-sign-in').click()
  const signInPage = await popup
  await signInPage.locator('#username').fill(username)
  await signInPage.locator('#password').fill('classdeck')
  await signInPage.getByRole('button', { name: '登录并授权' }).click()
  await expect(page.getByTestId('sync-teacher')).toBeVisible({ timeout: 20_000 })
  await signInPage.close()
}

/**
 * The page at both smartboard sizes: its top, and `detail` scrolled into view. SYNC_SHOTS_DIR keeps
 * them out of test-results/, which the next Playwright run empties.
 */
async function shots(page: Page, name: string, detail: Locator): Promise<void> {
  const dir = process.env.SYNC_SHOTS_DIR ?? test.info().outputPath()
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080]
  ] as const) {
    await page.setViewportSize({ width: w, height: h })
    await page.getByTestId('sync-page').evaluate((el) => {
      for (let e: Element | null = el; e; e = e.parentElement) e.scrollTop = 0
      window.scrollTo(0, 0)
    })
    await page.screenshot({ path: `${dir}/sync-${name}-${w}x${h}-top.png` })
    await detail.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${dir}/sync-${name}-${w}x${h}-detail.png` })
  }
  await page.setViewportSize({ width: 1366, height: 768 })
}

test('a shared classroom PC: A’s lessons (one chosen at lesson start while B is signed in) wait for A, then a failed one is retried and deleted after asking', async ({
  page,
  host,
  platform
}) => {
  await usePlatform(page, host.url, platform.url)
  // 王丽华 signs in once on this PC and out again; the PC then credits new lessons to her.
  await signInAs(page, host.url, 'wanglihua')
  await page.getByTestId('sync-sign-out').click()
  await expect(page.getByTestId('sync-sign-in')).toBeVisible()

  const rpc = await connectRpc(host.url)
  const teach = async (classId: string, className: string, deckTitle: string) => {
    const l = await rpc.call('lessons:start', { classId, className, deckId: `deck-${classId}`, deckTitle })
    await rpc.call('lessons:end', { sessionId: l.sessionId })
  }
  await teach('c-301', '三年级(1)班', '秒的认识')
  // 三年级(3)班 is not hers on the platform: it will be refused for good.
  await teach('c-303', '三年级(3)班', '古诗两首')

  // 李建国 signs in and syncs: her records stay here, saying whom they wait for.
  await signInAs(page, host.url, 'lijianguo')
  await page.getByTestId('sync-now').click()
  await expect(page.getByTestId('sync-phase')).toHaveAttribute('data-phase', 'waiting')
  await expect(page.getByTestId('sync-waiting')).toHaveText('2 条记录等待 王丽华老师 登录后上传')
  const waiting = page.getByTestId('sync-item-waiting')
  await expect(waiting).toHaveCount(2)
  await expect(waiting.first()).toHaveText('等待 王丽华老师 登录后上传')
  expect(platform.server.stats().lessonRecords).toBe(0)
  await shots(page, 'waiting', page.getByTestId('sync-item-waiting').first())

  // At lesson start 王丽华 picks herself (李建国 is still signed in): this lesson is hers too.
  await page.goto(`${host.url}#/teach`)
  await expect(page.getByTestId('teacher-chooser').getByRole('heading')).toHaveText('本节课的授课教师')
  await expect(page.getByTestId('teacher-t-1002')).toHaveAttribute('aria-pressed', 'true')
  await page.getByTestId('teacher-t-1001').click()
  await expect(page.getByTestId('teacher-t-1001')).toHaveAttribute('aria-pressed', 'true')
  expect((await page.getByTestId('teacher-t-1001').boundingBox())!.height).toBeGreaterThanOrEqual(48)
  await teach('c-302', '三年级(2)班', '认识钟表')
  rpc.close()
  await page.goto(`${host.url}#/sync`)
  await expect(page.getByTestId('sync-waiting')).toHaveText('3 条记录等待 王丽华老师 登录后上传')
  expect(platform.server.stats().lessonRecords).toBe(0)

  // 王丽华 signs in: her 三年级(1)班 and (2)班 lessons go out under her account, the other fails.
  await page.getByTestId('sync-sign-out').click()
  await signInAs(page, host.url, 'wanglihua')
  await expect(page.getByTestId('sync-count-failed')).toContainText('1', { timeout: 20_000 })
  await expect(page.getByTestId('sync-count-sent')).toContainText('2')
  expect(platform.server.db.prepare('SELECT teacher_id, class_id FROM lesson_records ORDER BY class_id').all()).toEqual(
    [
      { teacher_id: 't-1001', class_id: 'c-301' },
      { teacher_id: 't-1001', class_id: 'c-302' }
    ]
  )
  await expect(page.getByTestId('sync-phase')).toHaveAttribute('data-phase', 'failed')

  // Rows say deck, class and date, not ids.
  const failed = page.locator('.item.failed')
  await expect(failed.getByTestId('sync-item-label')).toHaveText('古诗两首')
  await expect(failed.getByTestId('sync-item-class')).toHaveText('三年级(3)班')
  await expect(failed.getByTestId('sync-item-date')).toContainText(String(new Date().getFullYear()))
  const sent = page.locator('.item.sent').filter({ hasText: '秒的认识' })
  await expect(sent.getByTestId('sync-item-label')).toHaveText('秒的认识')
  await expect(sent.getByTestId('sync-item-class')).toHaveText('三年级(1)班')

  // Retry: the platform refuses it again, and says why.
  const id = (await failed.getAttribute('data-testid'))!.replace('sync-item-', '')
  await page.getByTestId(`sync-retry-${id}`).click()
  await expect(page.getByTestId('sync-count-failed')).toContainText('1')
  await expect(failed).toContainText('三年级(3)班')

  // Delete asks first, on the page; 取消 keeps it, 确定删除 removes it.
  await page.getByTestId(`sync-remove-${id}`).click()
  await expect(page.getByTestId(`sync-confirm-${id}`)).toContainText('确定删除“古诗两首”吗')
  const yes = page.getByTestId(`sync-confirm-yes-${id}`)
  const box = await yes.boundingBox()
  expect(box!.height).toBeGreaterThanOrEqual(48)
  await shots(page, 'confirm', page.getByTestId(`sync-confirm-${id}`))
  await page.getByTestId(`sync-confirm-no-${id}`).click()
  await expect(page.getByTestId(`sync-item-${id}`)).toBeVisible()
  await page.getByTestId(`sync-remove-${id}`).click()
  await yes.click()
  await expect(page.getByTestId(`sync-item-${id}`)).toHaveCount(0)
  await expect(page.getByTestId('sync-count-failed')).toContainText('0')
  await expect(page.getByTestId('sync-phase')).toHaveAttribute('data-phase', 'idle')
})
