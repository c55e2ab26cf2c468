/**
 * Files and the truthful unsaved mark (issue 17, items 4 and 7): a colleague's .edux picked or
 * dropped opens (as a copy); a newer or damaged one, or a file of another kind, is refused with
 * its own message; selecting is no change; 另存为 writes a second file and leaves the first.
 */
import { test, expect, type Page } from '@playwright/test'
import { zipSync } from 'fflate'
import { startHost, tempDataDir, type RunningHost } from './fixtures/browser-host'
import { connectRpc } from './fixtures/rpc-client'
import { createDeck, createId, createManifest, EDUX_FORMAT_VERSION, type Deck } from '../../src-shared/courseware'

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

const enc = new TextEncoder()
function edux(deck: Deck, formatVersion = EDUX_FORMAT_VERSION): Buffer {
  const manifest = { ...createManifest(deck, new Date('2026-09-01T08:00:00Z'), '同事的 ClassDeck'), formatVersion }
  return Buffer.from(
    zipSync({ 'manifest.json': enc.encode(JSON.stringify(manifest)), 'deck.json': enc.encode(JSON.stringify(deck)) })
  )
}

function colleaguesDeck(): Deck {
  const deck = createDeck('分数的意义（同事）')
  const frame = (x: number, y: number, w: number, h: number) => ({
    id: createId(),
    x,
    y,
    w,
    h,
    rotation: 0,
    opacity: 1,
    locked: false
  })
  const options = ['二分之一', '三分之一'].map((text) => ({ id: createId(), text }))
  deck.slides[0]!.elements.push(
    {
      type: 'text',
      ...frame(60, 20, 600, 80),
      paragraphs: [{ level: 0, runs: [{ text: '分数的意义', fontSize: 32 }] }],
      verticalAlign: 'top',
      autoFit: false
    },
    {
      type: 'question',
      ...frame(140, 150, 1000, 500),
      question: { kind: 'single', prompt: '哪个大？', explanation: '', points: 1, options, answer: options[0]!.id }
    }
  )
  return deck
}

/** Drops a file on the start page the way a file manager does (a DataTransfer with one File). */
async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const target = page.getByTestId('prepare-start')
  const transfer = await page.evaluateHandle(
    ({ name, data }) => {
      const dt = new DataTransfer()
      dt.items.add(new File([new Uint8Array(data)], name))
      return dt
    },
    { name, data: [...bytes] }
  )
  await target.dispatchEvent('dragover', { dataTransfer: transfer })
  await target.dispatchEvent('drop', { dataTransfer: transfer })
}

test('a picked .edux opens as saved; selecting marks nothing; the question card says 单选题; 另存为 keeps both files', async ({
  page
}) => {
  await page.goto(`${host.url}#/prepare`)
  await expect(page.getByTestId('import-input')).toHaveAttribute('accept', '.edux,.pptx,.pptm,.docx,.pdf')
  await page.getByTestId('import-input').setInputFiles({
    name: '分数的意义.edux',
    mimeType: 'application/zip',
    buffer: edux(colleaguesDeck())
  })
  await expect(page.getByTestId('editor')).toBeVisible()
  await expect(page.getByTestId('import-report')).toHaveCount(0) // opened, not imported
  const canvas = page.getByTestId('editor-canvas')
  await expect(canvas.locator('.q-kind')).toHaveText('单选题')
  await expect(page.getByTestId('save')).toHaveText('保存')

  // Selecting (a press without moving) is no change.
  await canvas.getByTestId('element-question').click()
  await canvas.getByTestId('element-text').click()
  await expect(canvas.locator('.hit.selected')).toHaveCount(1)
  await expect(page.getByTestId('save')).toHaveText('保存')
  // A real change is.
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('save')).toHaveText('保存 •')

  // Saved first into the decks folder, then 另存为 under another name: two files, the first untouched.
  await page.getByTestId('save').click()
  await expect(page.getByTestId('save')).toHaveText('保存')
  await page.keyboard.press('ArrowRight')
  await page.getByTestId('save-as-open').click()
  await page.getByTestId('save-as-name').fill('分数的意义（二班）')
  await page.getByTestId('save-as-confirm').click()
  await expect(page.getByTestId('save-as')).toHaveCount(0)
  await expect(page.getByTestId('save')).toHaveText('保存')
  const rpc = await connectRpc(host.url)
  try {
    const files = (await rpc.call('courseware:list', {})).map((r) => r.path.split(/[\\/]/).pop())
    expect(files.sort()).toEqual(['分数的意义（二班）.edux', '分数的意义（同事）.edux'])
    const first = (await rpc.call('courseware:list', {})).find((r) => r.path.endsWith('（同事）.edux'))!
    const second = (await rpc.call('courseware:list', {})).find((r) => r.path.endsWith('（二班）.edux'))!
    expect(first.modifiedAt < second.modifiedAt).toBe(true)
  } finally {
    rpc.close()
  }
})

test('a dropped .edux from a newer ClassDeck, a damaged one and a spreadsheet are each refused by name', async ({
  page
}) => {
  await page.goto(`${host.url}#/prepare`)
  await dropFile(page, '新版本.edux', edux(colleaguesDeck(), EDUX_FORMAT_VERSION + 1))
  await expect(page.getByTestId('prepare-error')).toContainText('由更新版本的 ClassDeck 保存')
  await expect(page.getByTestId('prepare-error')).toContainText('新版本.edux')
  await expect(page.getByTestId('editor')).toHaveCount(0)

  const whole = edux(colleaguesDeck())
  await dropFile(page, '损坏.edux', whole.subarray(0, whole.length - 30))
  await expect(page.getByTestId('prepare-error')).toContainText('损坏.edux')
  await expect(page.getByTestId('editor')).toHaveCount(0)

  await dropFile(page, '成绩.xlsx', Buffer.from('PK'))
  await expect(page.getByTestId('prepare-error')).toContainText('不能打开“成绩.xlsx”')

  // A good one dropped opens.
  await dropFile(page, '好的.edux', whole)
  await expect(page.getByTestId('editor')).toBeVisible()
  await expect(page.getByTestId('editor-canvas')).toContainText('分数的意义')
})
