/**
 * 平台资源 end to end against the reference platform: before sign-in the view says what to do;
 * after signing in on the platform's page, pick a chapter, search by keyword and type, download a
 * resource into the library (checked by sha256, filed on its chapter), collect it, and find it in
 * the library by a word from inside the file; with the platform gone, the view says so.
 */
import { test, expect } from './fixtures/with-platform'
import { signIn, usePlatform } from './fixtures/platform'

test('pick a chapter, search the platform, download a resource into the library and find it by a word inside it', async ({
  page,
  host,
  platform
}) => {
  await usePlatform(page, host.url, platform.url)

  // Signed out: the view says plainly that collecting needs a sign-in, and where to do it.
  await page.goto(`${host.url}#/library`)
  await page.getByTestId('library-platform').click()
  await expect(page.getByTestId('platform-signed-out')).toContainText('先到“同步”页点“登录平台”')
  await page.getByTestId('platform-close').click()

  await signIn(page, host.url)
  await page.goto(`${host.url}#/library`)
  await expect(page.getByTestId('library-count')).toContainText('共 0 个')
  await page.getByTestId('library-platform').click()
  const sheet = page.getByTestId('platform-resources')
  await expect(sheet).toBeVisible()
  await expect(page.getByTestId('platform-signed-out')).toHaveCount(0)

  // 小学 / 数学 / 人教版 / 三年级上册 / 3 测量: the chapter's own resources and its sections'.
  const picks: [string, string][] = [
    ['stage', 'xx'],
    ['subject', 'xx-sx'],
    ['edition', 'xx-sx-rj'],
    ['volume', 'xx-sx-rj-3a'],
    ['chapter', 'xx-sx-rj-3a-c3']
  ]
  for (const [level, id] of picks) {
    const select = sheet.getByTestId(`catalogue-${level}`)
    await expect(select).toBeEnabled()
    await select.selectOption(id)
  }
  const items = sheet.getByTestId('platform-item')
  await expect(items).toHaveCount(3)
  await expect(sheet.getByTestId('platform-count')).toContainText('3')
  await expect(items.filter({ hasText: '【校级公开课】第三单元 测量 单元测试卷' })).toHaveCount(1)

  // Keyword, then type.
  await sheet.getByTestId('platform-keyword').fill('认识')
  await sheet.getByTestId('platform-search').click()
  await expect(items).toHaveCount(2)
  await sheet.getByTestId('platform-type-习题').click()
  await expect(items).toHaveCount(1)
  const item = items.first()
  await expect(item).toContainText('毫米、分米的认识 课堂练习')
  await expect(item).toContainText('Word')
  await expect(item).toContainText('毫米、分米的认识') // its section's name
  await expect(item).toContainText('王丽华')

  // Download into the library (checked by the services), and collect it.
  await item.getByTestId('platform-download-res-seed-0003').click()
  await expect(item.getByTestId('platform-downloaded')).toHaveText('已存入资源库')
  await item.getByTestId('platform-collect-res-seed-0003').click()
  await expect(item.getByTestId('platform-collected')).toContainText('已收藏')
  await expect
    .poll(
      () =>
        (
          platform.server.db
            .prepare("SELECT COUNT(*) AS n FROM collections WHERE resource_id = 'res-seed-0003'")
            .get() as { n: number }
        ).n,
      { timeout: 15_000 }
    )
    .toBe(1)
  expect(
    (
      platform.server.db.prepare("SELECT downloads FROM resources WHERE id = 'res-seed-0003'").get() as {
        downloads: number
      }
    ).downloads
  ).toBe(1)

  // Back in the library: filed on its chapter, and found by a word from inside the Word file.
  await page.getByTestId('platform-close').click()
  await expect(sheet).toHaveCount(0)
  const listed = page.getByTestId('library-item')
  await expect(listed).toHaveCount(1)
  await expect(listed).toContainText('毫米、分米的认识 课堂练习')
  await expect(listed).toContainText('习题')
  await page.getByTestId('library-search').fill('铅笔')
  await expect(listed).toHaveCount(1)
  await expect(listed).toContainText('铅笔')
  await page.getByTestId('library-search').fill('量子')
  await expect(listed).toHaveCount(0)

  // The platform goes away: searching says it cannot be reached and what to check, with a retry.
  await platform.server.close()
  await page.getByTestId('library-platform').click()
  await sheet.getByTestId('platform-search').click()
  await expect(sheet.getByTestId('platform-offline')).toContainText('连不上教育平台', { timeout: 30_000 })
  await expect(sheet.getByTestId('platform-offline').getByRole('button', { name: '重试' })).toBeVisible()
})
