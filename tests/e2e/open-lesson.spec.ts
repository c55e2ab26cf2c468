/**
 * 教案 and 分享为公开课 end to end: a deck filed on a chapter gets a 教学设计 from the template in the
 * 教案 pane, a word of it is made bold and red, it is exported as Word, and the deck is shared as a
 * 区县级公开课 through the dialog; the reference platform ends up with one set of three resources,
 * each titled 【原创】【区县级公开课】…, credited to the signed-in teacher. Screenshots of the pane and
 * the dialog at both smartboard sizes go to OPEN_LESSON_SHOTS_DIR (or the test's output folder).
 */
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { test, expect } from './fixtures/with-platform'
import { connectRpc } from './fixtures/rpc-client'
import { signIn, usePlatform } from './fixtures/platform'
import { seriousViolations } from './fixtures/axe'

const CHAPTER = { id: 'xx-sx-rj-3a-c8-s1', name: '分数的初步认识' }

async function shots(page: Page, name: string): Promise<void> {
  const dir = process.env.OPEN_LESSON_SHOTS_DIR ?? test.info().outputPath()
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080]
  ] as const) {
    await page.setViewportSize({ width: w, height: h })
    await page.waitForTimeout(150)
    await page.screenshot({ path: join(dir, `${name}-${w}x${h}.png`) })
  }
  await page.setViewportSize({ width: 1366, height: 768 })
}

test('write the 教学设计 in the pane, export it as Word, and share the deck as a 区县级公开课', async ({
  page,
  host,
  platform
}) => {
  test.setTimeout(120_000)
  await usePlatform(page, host.url, platform.url)
  await signIn(page, host.url)

  // A saved deck filed on a chapter (the deck-details form is the editor's; the call is the same).
  const rpc = await connectRpc(host.url)
  const doc = await rpc.call('courseware:create', { title: '分数的初步认识', curriculum: { chapter: CHAPTER } })
  await rpc.call('courseware:save', { docId: doc.docId, name: '分数的初步认识' })
  rpc.close()
  await page.goto(`${host.url}#/prepare`)
  await page.getByTestId('recent-分数的初步认识').click()
  await expect(page.getByTestId('editor')).toBeVisible()

  // The 教案 pane: no plan yet, so it offers the template.
  await page.getByTestId('plan-pane-open').click()
  await page.getByTestId('plan-create').click()
  const body = page.getByTestId('plan-editor')
  await expect(body.locator('h1')).toHaveText('分数的初步认识 教学设计')
  await expect(body.locator('h2')).toHaveText([
    '一、课题',
    '二、教学目标',
    '三、教学重难点',
    '四、教学过程',
    '五、板书设计',
    '六、作业布置',
    '七、教学反思'
  ])
  // Type into 板书设计, then make one word bold and red.
  await body.locator('h2', { hasText: '五、板书设计' }).locator('xpath=following-sibling::p[1]').click()
  await page.keyboard.type('几分之一')
  await page.keyboard.down('Shift')
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft')
  await page.keyboard.up('Shift')
  await page.getByTestId('plan-bold').click()
  await page.getByTestId('plan-color-c62828').click()
  await page.getByTestId('plan-save').click()
  await expect(page.getByTestId('plan-state')).toHaveText('已存入课件')
  await expect(body.locator('strong', { hasText: '几分之一' })).toBeVisible()
  await shots(page, 'lesson-plan-pane')
  expect(await seriousViolations(page)).toEqual([])

  // Word: the exported file has the headings, the table and the bold red word.
  const download = page.waitForEvent('download')
  await page.getByTestId('plan-word').click()
  const file = await (await download).path()
  const xml = strFromU8(unzipSync(readFileSync(file!))['word/document.xml']!)
  for (const h of ['四、教学过程', '教师活动', '七、教学反思']) expect(xml).toContain(h)
  expect(xml).toMatch(/<w:b\/>.*?<w:color w:val="c62828"\/>.*?几分之一/s)

  // 分享为公开课: the plan just made is there, no 微课 in the library, the deck must be saved first.
  await page.getByTestId('open-lesson-open').click()
  const dialog = page.getByTestId('open-lesson-dialog')
  await expect(dialog.getByTestId('open-lesson-file-plan')).toContainText('分数的初步认识 教学设计')
  await expect(dialog.getByTestId('open-lesson-file-video')).toContainText('资源库里没有这节课的微课')
  await expect(dialog).toContainText('王丽华')
  await dialog.getByTestId('open-lesson-level-区县级').click()
  if (await dialog.getByTestId('open-lesson-save').isVisible()) await dialog.getByTestId('open-lesson-save').click()
  await expect(dialog.getByTestId('open-lesson-start')).toBeEnabled()
  await shots(page, 'open-lesson-dialog')
  expect(await seriousViolations(page)).toEqual([])
  await dialog.getByTestId('open-lesson-start').click()
  await expect(dialog.getByTestId('open-lesson-done')).toBeVisible({ timeout: 30_000 })
  await expect(dialog.getByTestId('open-lesson-file-progress')).toHaveCount(3)
  await shots(page, 'open-lesson-done')

  const db = platform.server.db
  expect(db.prepare('SELECT level, chapter_id AS chapter, owner_id AS owner FROM open_lessons').all()).toEqual([
    { level: '区县级', chapter: CHAPTER.id, owner: 't-1001' }
  ])
  const titles = db
    .prepare(
      'SELECT r.title, r.type FROM open_lesson_members m JOIN resources r ON r.id = m.resource_id ORDER BY m.ord'
    )
    .all()
  expect(titles).toEqual([
    { title: '【原创】【区县级公开课】分数的初步认识 教学设计', type: '教案' },
    { title: '【原创】【区县级公开课】分数的初步认识', type: '课件' },
    { title: '【原创】【区县级公开课】分数的初步认识（教学助手课件）', type: '课件' }
  ])

  // The dialog closes with a button; nothing needs a key.
  await dialog.getByTestId('open-lesson-finish').click()
  await expect(dialog).toBeHidden()

  // The same dialog opens from the deck's details.
  await page.getByTestId('deck-info-open').click()
  await page.getByTestId('deck-info-open-lesson').click()
  await expect(dialog.getByTestId('open-lesson-file-plan')).toContainText('分数的初步认识 教学设计')
  await dialog.getByTestId('open-lesson-close').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('deck-info')).toBeVisible()
})
