import { test, expect, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { connectRpc, saveSampleDeck, type RpcClient } from './fixtures/rpc-client'
import {
  DOCKS,
  FLOATING_TOOLS,
  RESOLUTIONS,
  dockAt,
  hitBoxOverlaps,
  smallestLabel,
  toggleTool,
  toolbarFit
} from './fixtures/board-audit'

/**
 * The board as a teacher taps it, at 1366×768, 1920×1080 and 3840×2160 and with the toolbar
 * docked right, bottom and left: no two controls overlap (with each tool and each choice open in
 * turn), the toolbar shows every tool without scrolling, labels are 16 px or more, and 下课 asks
 * and can be undone before the lesson record ends. BOARD_SHOTS_DIR keeps screenshots of each.
 */

const ROSTER = ['张三', '李四', '王五', '赵六', '钱七']
/** 60 characters of mixed scripts: Chinese, Latin, Uyghur (Arabic script), Tibetan and digits. */
const LONG_NAME = '七年级（1）班 Experimental Class ئۇيغۇرچە བོད་ཡིག 数学兴趣小组第二期 2026 秋季学期'
  .padEnd(60, '长')
  .slice(0, 60)
const shots = process.env.BOARD_SHOTS_DIR

let data: ReturnType<typeof tempDataDir>
let host: RunningHost
let rpc: RpcClient

test.use({ hasTouch: true })

test.beforeEach(async () => {
  data = tempDataDir()
  host = await startHost(data.dir)
  rpc = await connectRpc(host.url)
  await saveSampleDeck(rpc, join(data.dir, 'decks', '勾股定理.edux'), '勾股定理', 3)
})
test.afterEach(async () => {
  rpc.close()
  await host.stop()
  data.cleanup()
})

async function openBoard(page: Page, className: string, students: string[]): Promise<void> {
  await page.goto(`${host.url}#/teach`)
  await page.getByTestId('class-new').click()
  await page.getByTestId('class-name').fill(className)
  await page.getByTestId('class-names').fill(students.join('\n'))
  await page.getByTestId('class-save').click()
  await page.locator(`[data-path="${join(data.dir, 'decks', '勾股定理.edux')}"]`).click()
  await page.getByTestId('teach-start').click()
  await expect(page.getByTestId('presenter')).toBeVisible()
  await expect(page.getByTestId('lesson-timer')).toBeVisible()
}

async function shot(page: Page, name: string): Promise<void> {
  if (!shots) return
  mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: join(shots, `${name}.png`) })
}

async function expectNoOverlap(page: Page, where: string): Promise<void> {
  const overlaps = await hitBoxOverlaps(page)
  expect(overlaps, `overlapping controls ${where}`).toEqual([])
}

test('no two controls overlap and the toolbar never scrolls, at every size and dock, with each tool open', async ({
  page
}) => {
  test.setTimeout(240_000)
  await openBoard(page, '七年级1班', ROSTER)
  for (const size of RESOLUTIONS) {
    await page.setViewportSize(size)
    for (const dock of DOCKS) {
      await dockAt(page, dock)
      const where = `at ${size.width}×${size.height}, docked ${dock}`
      const fit = await toolbarFit(page)
      expect(fit.outside, `toolbar controls off screen ${where}`).toEqual([])
      expect(fit.overflow, `toolbar overflow ${where}`).toBe(0)
      await expectNoOverlap(page, where)
      if (size.width !== 3840) await shot(page, `board-${size.width}x${size.height}-${dock}`)

      for (const pop of ['tool-ink-style', 'tool-whiteboard', 'tool-more']) {
        await page.getByTestId(pop).click()
        await expect(page.getByTestId('tools-pop')).toBeVisible()
        await expectNoOverlap(page, `${where} with ${pop} open`)
        await page.getByTestId(pop).click()
        await expect(page.getByTestId('tools-pop')).toHaveCount(0)
      }
      for (const tool of FLOATING_TOOLS) {
        await toggleTool(page, tool)
        await expectNoOverlap(page, `${where} with ${tool} open`)
        if (tool === 'picker') await page.getByTestId('pick').click()
        await toggleTool(page, tool)
      }
      await page.getByTestId('lesson-end').click()
      await expectNoOverlap(page, `${where} asking 下课`)
      await page.getByTestId('end-confirm').click()
      await expect(page.getByTestId('end-undo')).toBeVisible()
      await expectNoOverlap(page, `${where} with the undo toast`)
      await page.getByTestId('end-undo').click()
    }
  }
})

test('labels on the board are at least 16 px at 1920×1080', async ({ page }) => {
  await openBoard(page, '七年级1班', ROSTER)
  await page.setViewportSize({ width: 1920, height: 1080 })
  const smallest = await smallestLabel(page)
  expect(smallest.px, `smallest label "${smallest.text}"`).toBeGreaterThanOrEqual(16)
})

test('下课 asks on the board, a tap outside keeps teaching, and 撤销 within 10 s leaves the lesson running', async ({
  page
}) => {
  await openBoard(page, '七年级1班', ROSTER)
  const running = async (): Promise<boolean> => (await rpc.call('lessons:current', {})).status?.open === true
  expect(await running()).toBe(true)

  // One tap on 下课 ends nothing; a tap on the dimmed board outside the question keeps teaching.
  await page.getByTestId('lesson-end').click()
  await expect(page.getByRole('alertdialog')).toContainText('现在下课吗？')
  await page.mouse.click(20, 300)
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
  expect(await running()).toBe(true)

  // 下课 → the toast counts down; 撤销 leaves the lesson record open.
  await page.getByTestId('lesson-end').click()
  await page.getByTestId('end-confirm').click()
  await expect(page.getByTestId('end-undo')).toHaveText(/已下课 · 撤销 \((10|9)\)/)
  expect(await running()).toBe(true)
  await page.getByTestId('end-undo').click()
  await expect(page.getByTestId('end-undo-toast')).toHaveCount(0)
  await page.waitForTimeout(11_000)
  expect(await running()).toBe(true)
  await expect(page.getByTestId('lesson-summary')).toHaveCount(0)

  // Left alone, the toast runs out and only then is the lesson record ended.
  await page.getByTestId('lesson-end').click()
  await page.getByTestId('end-confirm').click()
  await page.waitForTimeout(5_000)
  expect(await running()).toBe(true)
  await expect(page.getByTestId('lesson-summary')).toBeVisible({ timeout: 10_000 })
  expect(await running()).toBe(false)

  // The board's ✕ also ends the lesson, so it asks too (here: already ended, it just leaves).
  await page.getByTestId('teach-back').click()
  await expect(page.getByTestId('lesson-row').first()).toHaveAttribute('data-reason', 'teacher')
})

test('a 60-character name in mixed scripts, and a class name as long as a class may have, lay out without breaking the board', async ({
  page
}) => {
  expect([...LONG_NAME]).toHaveLength(60)
  // A class on this computer may have 40 characters (ROSTER_LIMITS); a roster typed in the picker has no limit.
  const className = LONG_NAME.slice(0, 40)
  await openBoard(page, className, ROSTER)
  await toggleTool(page, 'picker')
  await page.getByTestId('roster-edit').click()
  await page.getByTestId('roster-names').fill(`${LONG_NAME}\n李四`)
  await page.getByTestId('roster-save').click()
  for (const size of [RESOLUTIONS[0], RESOLUTIONS[1]]) {
    await page.setViewportSize(size)
    // Everyone once before anyone twice, so any three picks in a row show the long name; read each
    // pick once its shuffle has landed (the round line shows again), not while names still roll by.
    for (let i = 0; i < 3; i++) {
      await page.getByTestId('pick').click()
      await expect(page.getByTestId('picked-meta')).toBeVisible()
      if ((await page.getByTestId('picked-name').textContent())?.trim() === LONG_NAME) break
    }
    await expect(page.getByTestId('picked-name')).toHaveText(LONG_NAME)
    const panel = page.getByRole('dialog', { name: '随机点名' })
    const box = (await panel.boundingBox())!
    expect(box.x + box.width, 'the picker stays on the board').toBeLessThanOrEqual(size.width)
    expect(box.y + box.height).toBeLessThanOrEqual(size.height)
    // The roster's button keeps to the panel, ellipsised, with the whole name as its title.
    const roster = panel.locator('.roster').first()
    await expect(roster).toHaveAttribute('title', className)
    const rb = (await roster.boundingBox())!
    expect(rb.x + rb.width).toBeLessThanOrEqual(box.x + box.width)
    await expectNoOverlap(page, `with a 60-character name at ${size.width}×${size.height}`)
    await shot(page, `board-long-name-${size.width}x${size.height}`)
    // The name is cut to two lines; a tap shows all of it.
    const name = page.getByTestId('picked-name').getByTestId('long-name')
    await name.click()
    await expect(name).toHaveAttribute('data-whole', 'true')
    await name.click()
    await expect(name).toHaveAttribute('data-whole', 'false')
  }
})
