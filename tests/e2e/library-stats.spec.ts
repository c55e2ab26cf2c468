/**
 * 资源库 and 教学统计 end to end: file a resource on a textbook chapter from the platform's
 * catalogue, find it by a two-character word, then teach a lesson with a quiz and see both in the
 * class statistics, and export a chart.
 */
import { test, expect } from './fixtures/with-platform'
import { readFileSync } from 'node:fs'
import { readXlsx } from '../../src-main/test-utils/xlsx-reader'
import { strToU8, zipSync } from 'fflate'
import { connectRpc } from './fixtures/rpc-client'
import { joinStudent, openClass, runOneQuestion } from './fixtures/classroom'
import { usePlatform } from './fixtures/platform'

/** A minimal Word file made here, so no binary fixture lives in the repository. */
function docx(text: string): Buffer {
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`
    )
  }
  return Buffer.from(zipSync(files))
}

test('file a lesson plan on a chapter, find it, and see a lesson and a quiz in the class statistics', async ({
  page,
  browser,
  host,
  platform
}) => {
  // Point ClassDeck at the reference platform (its catalogue is the 人教版 tree).
  await usePlatform(page, host.url, platform.url)

  // Add a Word lesson plan and hang it on a chapter.
  await page.goto(`${host.url}#/library`)
  await page.getByTestId('library-file').setInputFiles({
    name: '长方形和正方形.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: docx('本课学习周长的意义和长方形周长的计算方法。')
  })
  await expect(page.getByTestId('library-item')).toHaveCount(1)
  await page.getByTestId('edit-长方形和正方形').click()
  for (const level of ['stage', 'subject', 'edition', 'volume', 'chapter']) {
    const select = page.getByTestId(`catalogue-${level}`)
    await expect(select).toBeEnabled()
    const value = await select.locator('option').nth(1).getAttribute('value')
    await select.selectOption(value!)
  }
  await page.getByTestId('resource-original').check()
  await expect(page.getByTestId('resource-shared-title')).toHaveText('【原创】长方形和正方形')
  await page.getByTestId('resource-save').click()
  await expect(page.getByTestId('resource-editor')).toHaveCount(0)
  await expect(page.getByTestId('library-item')).toContainText('【原创】长方形和正方形')

  // Search by a two-character word inside the file; a word it does not contain finds nothing;
  // punctuation alone is no query at all (everything is listed, nothing breaks).
  await page.getByTestId('library-search').fill('周长')
  await expect(page.getByTestId('library-item')).toHaveCount(1)
  await page.getByTestId('library-search').fill('量子')
  await expect(page.getByTestId('library-item')).toHaveCount(0)
  await page.getByTestId('library-search').fill('！！')
  await expect(page.getByTestId('library-item')).toHaveCount(1)
  await page.getByTestId('library-search').fill('')

  // Teach a lesson to 三年级（2）班 and run a quiz in it.
  const rpc = await connectRpc(host.url)
  const lesson = await rpc.call('lessons:start', {
    classId: 'class-3-2',
    className: '三年级（2）班',
    deckId: 'deck-1',
    deckTitle: '长方形和正方形'
  })
  const { url: joinUrl, pin } = await openClass(page, host.url)
  const student = await joinStudent(browser, joinUrl, pin, '李小明')
  await runOneQuestion(page, student, 'A', 'A')
  await page.getByTestId('class-close').click()
  await rpc.call('lessons:end', { sessionId: lesson.sessionId })
  rpc.close()
  await student.context().close()

  // The class statistics show the lesson and the quiz; a chart exports as PNG.
  await page.goto(`${host.url}#/stats`)
  await page.getByTestId('stats-class').selectOption({ label: '三年级（2）班' })
  await expect(page.getByTestId('fig-taught')).toHaveText('1')
  await expect(page.getByTestId('fig-runs')).toHaveText('1')
  await expect(page.getByTestId('table-students')).toContainText('李小明')
  const exportButton = page
    .locator('[data-testid^="export-"]')
    .filter({ hasNotText: /CSV|Excel/ })
    .first()
  const download = page.waitForEvent('download')
  await exportButton.click()
  const file = await (await download).path()
  expect(readFileSync(file!).subarray(1, 4).toString()).toBe('PNG')
  // The students table as an Excel workbook: counts as numbers, rates as percent numbers.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-students-xlsx').click()])
  expect(xlsx.suggestedFilename()).toMatch(/^三年级（2）班-学生-.*\.xlsx$/)
  const sheet = Object.values(readXlsx(readFileSync((await xlsx.path())!)))[0]!
  expect(sheet[0]![0]).toBe('学生')
  expect(sheet.find((r) => r[0] === '李小明')?.slice(1, 3)).toEqual([1, 1])
  // The questions table names the kind as a teacher does.
  const [qx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-questions-xlsx').click()])
  const qsheet = Object.values(readXlsx(readFileSync((await qx.path())!)))[0]!
  expect(qsheet[0]![2]).toBe('题型')
  expect(qsheet[1]![2]).toBe('单选题')

  // Removing asks on the page itself (big buttons, a tap outside cancels), then removes.
  await page.goto(`${host.url}#/library`)
  await page.getByTestId('library-item').getByRole('button', { name: '删除' }).click()
  await page.getByTestId('confirm-panel').click({ position: { x: 5, y: 5 } })
  await expect(page.getByTestId('confirm-panel')).toHaveCount(0)
  await expect(page.getByTestId('library-item')).toHaveCount(1)
  await page.getByTestId('library-item').getByRole('button', { name: '删除' }).click()
  await page.getByTestId('confirm-yes').click()
  await expect(page.getByTestId('library-item')).toHaveCount(0)
})
