/**
 * Board ink figures (issue 15): what a kill -9 of the host costs in drawing, and ink latency with
 * the autosave running.
 *
 *  - strokes lost to kill -9: the real browser host and the real teach page in Chromium; strokes
 *    are drawn with the mouse one after another, the host is SIGKILLed mid-drawing and started
 *    again on the same data folder, and the ink it offers back (lessons:interrupted) is compared
 *    with what was drawn. The figure is the drawing time lost: from the end of the first stroke
 *    that did not come back to the kill (0 when every finished stroke came back); worst of 3 runs.
 *  - ink script time p99, dropped samples, dropped frames: bench/teach.ts's measuring (the real
 *    InkSurface over 5,000 strokes, bench/lib/ink-page.ts) with the board's own autosave
 *    (useInkAutosave) saving into the real lessons service (LessonInkService on a real SQLite file)
 *    over HTTP, after each stroke and every second.
 * Used by bench/board.ts (npm run bench -- board).
 */
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { percentile, round, type Figure } from '../bench-kit'
import { ARGS, DROPPED_FRAME_MS, buildPage, inkPageCode, measureInk, root, serve } from './ink-page'
import { startHost, tempDataDir } from '../../tests/e2e/fixtures/browser-host'
import { connectRpc, saveSampleDeck } from '../../tests/e2e/fixtures/rpc-client'
import { StorageService, allMigrations } from '../../src-main/services/storage'
import { LessonInkService, LessonsService } from '../../src-main/services/lessons'
import { SaveInk } from '../../src-shared/contract/lessons'

const EXISTING = 5000

const autosavePage = `
import { ref, shallowRef } from 'vue'
import { setTransport } from '${root}/src-renderer/transport/index.ts'
import { useInkAutosave } from '${root}/src-renderer/features/presenter/composables/use-ink-autosave.ts'
${inkPageCode}
// The board's autosave over this page's ink book; its calls go to the bench's lessons service over HTTP.
setTransport({
  invoke: (channel: string, input: unknown) =>
    fetch('/rpc/' + channel, { method: 'POST', body: JSON.stringify(input) }).then((r) => r.json()),
  on: () => () => undefined,
  onConnectionChange: () => () => undefined,
  state: 'open'
} as any)
w.afterSetup = () => {
  const pages = { pages: shallowRef([{ kind: 'slide', id: 's1', index: 0 }]), current: ref(0) }
  const recorder = { sessionId: w.sessionId, onError: (e: unknown) => console.error('autosave', e) }
  w.autosave = useInkAutosave({ book: w.book, pages: pages as any, recorder: recorder as any, deckPath: () => null })
}
w.ready = true
`
const html = `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0} #ink{position:relative;width:1280px;height:720px;background:#fff}
</style></head><body><div id="ink"></div><script type="module" src="./main.ts"></script></body></html>`

/** Ink latency while the autosave saves into a real lessons service. */
async function latencyWithAutosave(browser: Browser): Promise<{ figures: Figure[]; saves: number; bytes: number }> {
  const data = tempDataDir()
  const storage = StorageService.open({
    file: join(data.dir, 'classdeck.db'),
    migrations: allMigrations,
    appVersion: 'bench'
  })
  const clock = () => new Date()
  const lessons = new LessonsService({ storage, clock, rules: () => ({ idleMinutes: 5, effectiveLessonMinutes: 15 }) })
  const ink = new LessonInkService({ storage, clock, idleMinutes: () => 5 })
  const { sessionId } = lessons.start({
    classId: 'c1',
    className: '七年级1班',
    deckId: 'bench',
    deckTitle: 'bench',
    chapterId: null
  })
  let saves = 0
  let bytes = 0
  const out = await buildPage(join(root, 'bench/.work/board-ink'), autosavePage, html)
  const site = await serve(out, (body) => {
    saves++
    bytes += body.length
    ink.save(SaveInk.parse(JSON.parse(body)))
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1300, height: 800 }, deviceScaleFactor: 1 })
    page.on('pageerror', (e) => console.error('page error:', e.message))
    await page.goto(site.url)
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true)
    await page.evaluate((id) => ((window as unknown as { sessionId: string }).sessionId = id), sessionId)
    const run = await measureInk(page, EXISTING)
    await page.evaluate(() => (window as unknown as { autosave: { flush(): Promise<void> } }).autosave.flush())
    const savedStrokes = (
      storage.db.prepare('SELECT json_array_length(strokes) AS n FROM lesson_ink_pages').get() as { n: number }
    ).n
    const dropped = run.samplesSent.mouse + run.samplesSent.pen - run.pointsStored.mouse - run.pointsStored.pen
    await page.close()
    return {
      saves,
      bytes,
      figures: [
        { id: 'ink.autosave.script.p99', value: round(percentile(run.script, 99), 3), unit: 'ms', goal: '< 4' },
        { id: 'ink.autosave.droppedSamples', value: dropped, unit: 'count', goal: '= 0' },
        {
          id: 'ink.autosave.droppedFrames',
          value: run.frames.filter((f) => f > DROPPED_FRAME_MS).length,
          unit: 'count',
          goal: '= 0'
        },
        // Every stroke on the page (5,000 loaded + 22 drawn) is in the database once the last save is answered.
        { id: 'ink.autosave.strokesNotSaved', value: EXISTING + 22 - savedStrokes, unit: 'count', goal: '= 0' }
      ]
    }
  } finally {
    site.close()
    lessons.dispose()
    storage.close()
    data.cleanup()
  }
}

/** One run: draw until a kill -9, restart, and the drawing time whose strokes did not come back. */
async function oneKill(
  browser: Browser,
  killAfterMs: number
): Promise<{ lostMs: number; drawn: number; back: number }> {
  const data = tempDataDir()
  let host = await startHost(data.dir)
  try {
    const rpc = await connectRpc(host.url)
    const deckPath = join(data.dir, 'decks', '勾股定理.edux')
    await saveSampleDeck(rpc, deckPath, '勾股定理', 3)
    rpc.close()
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await ctx.newPage()
    await openBoard(page, host.url, deckPath)
    const box = (await page.locator('.ink-live').boundingBox())!
    const finished: number[] = []
    let killedAt = 0
    // Strokes one after another, ~150 ms each; the kill lands wherever the drawing is.
    const killer = new Promise<void>((resolve) =>
      setTimeout(() => {
        killedAt = Date.now()
        void host.kill().then(resolve)
      }, killAfterMs)
    )
    for (let i = 0; !killedAt; i++) {
      const y = box.y + 60 + (i % 12) * 50
      await page.mouse.move(box.x + 80, y)
      await page.mouse.down()
      for (let m = 1; m <= 10 && !killedAt; m++) await page.mouse.move(box.x + 80 + m * 30, y + (m % 3) * 4)
      await page.mouse.up()
      if (Date.now() < killedAt || !killedAt) finished.push(Date.now())
    }
    await killer
    await ctx.close()
    host = await startHost(data.dir)
    const rpc2 = await connectRpc(host.url)
    const lost = (await rpc2.call('lessons:interrupted', {})).lesson
    rpc2.close()
    const back = lost ? lost.pages.reduce((n, p) => n + p.strokes.length, 0) : 0
    // Strokes come back in the order drawn: the first not back is number `back`.
    const firstLost = finished[back]
    return { lostMs: firstLost === undefined ? 0 : Math.max(0, killedAt - firstLost), drawn: finished.length, back }
  } finally {
    await host.stop()
    data.cleanup()
  }
}

async function openBoard(page: Page, url: string, deckPath: string): Promise<void> {
  await page.goto(`${url}#/teach`)
  await page.locator('[data-testid=class-new]').click()
  await page.locator('[data-testid=class-name]').fill('七年级1班')
  await page.locator('[data-testid=class-names]').fill('张三\n李四\n王五')
  await page.locator('[data-testid=class-save]').click()
  await page.locator(`[data-path="${deckPath}"]`).click()
  await page.locator('[data-testid=teach-start]').click()
  await page.locator('[data-testid=lesson-timer]').waitFor()
  await page.locator('[data-testid=tool-pen]').click()
}

export async function inkFigures(): Promise<Figure[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS })
  try {
    const runs = []
    for (const ms of [3000, 4100, 5300]) runs.push(await oneKill(browser, ms))
    console.log(
      '  kill -9 runs (strokes drawn, came back, drawing lost ms):',
      runs.map((r) => [r.drawn, r.back, r.lostMs])
    )
    const latency = await latencyWithAutosave(browser)
    console.log(`  autosave during the latency run: ${latency.saves} saves, ${latency.bytes} bytes`)
    return [
      {
        id: 'ink.kill9.lostDrawing.max',
        value: Math.max(...runs.map((r) => r.lostMs)),
        unit: 'ms',
        goal: '≤ 2000'
      },
      ...latency.figures
    ]
  } finally {
    await browser.close()
  }
}
