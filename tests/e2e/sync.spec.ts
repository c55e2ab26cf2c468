/**
 * 同步 end to end against the reference platform: sign in through its sign-in page (authorization
 * code + PKCE, loopback redirect), teach a lesson that counts (on the test clock) with a quiz in it,
 * sync, and find exactly one lesson record and one quiz result on the platform.
 */
import { test, expect } from './fixtures/with-platform'
import { connectRpc } from './fixtures/rpc-client'
import { joinStudent, openClass, runOneQuestion } from './fixtures/classroom'
import { signIn, usePlatform } from './fixtures/platform'

test.use({ hostEnv: { CLASSDECK_TEST_CLOCK: '1' } })

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
    await rpc.call('lessons:test-advance-clock', { ms: 4 * 60_000 })
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
