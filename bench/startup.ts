/**
 * Startup: the browser host's cold start (process spawn → first answered call over the
 * WebSocket) and Chromium's first contentful paint of the shell, median of 5 runs each,
 * each run on a fresh data folder (so migrations run, as on a teacher's first start).
 * Run: npm run bench -- startup   (builds first if needed)
 */
import { spawn } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, median, round, writeResults } from './bench-kit'
import { NODE_HOST_FLAGS } from '../scripts/node-flags.mjs'
import { cookieForLaunchUrl } from '../src-main/hosts/browser/access'

const root = join(import.meta.dirname, '..')
const RUNS = 5

async function coldStart(): Promise<{
  listenMs: number
  firstCallMs: number
  url: string
  stop: () => void
  dir: string
}> {
  const dir = mkdtempSync(join(tmpdir(), 'classdeck-bench-'))
  const t0 = performance.now()
  const child = spawn(
    process.execPath,
    [...NODE_HOST_FLAGS, join(root, 'dist/node/cli.mjs'), 'serve', '--port', '0', '--data-dir', dir],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /listening at (http:\/\/\S+)/.exec(out)
      if (m) resolve(m[1])
    })
    child.once('exit', (code) => reject(new Error(`host exited ${code}`)))
  })
  const listenMs = performance.now() - t0
  // The printed URL carries the launch secret; /rpc wants it as the cookie a browser would have.
  const ws = new WebSocket(new URL('/rpc', url).href.replace(/^http/, 'ws'), {
    headers: { cookie: cookieForLaunchUrl(url) }
  })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () =>
      ws.send(JSON.stringify({ t: 'call', id: 1, channel: 'system:ping', input: { nonce: 'bench' } }))
    )
    ws.once('message', () => resolve())
    ws.once('error', reject)
  })
  const firstCallMs = performance.now() - t0
  ws.close()
  return { listenMs, firstCallMs, url, dir, stop: () => child.kill('SIGTERM') }
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [join(root, 'scripts/build-if-stale-cli.mjs')], { stdio: 'inherit' })
  const listen: number[] = []
  const firstCall: number[] = []
  const fcp: number[] = []
  const interactive: number[] = []
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    for (let i = 0; i < RUNS; i++) {
      const host = await coldStart()
      listen.push(host.listenMs)
      firstCall.push(host.firstCallMs)
      // A fresh context each run: no cache, like a first open.
      const context = await browser.newContext()
      const page = await context.newPage()
      const t0 = performance.now()
      await page.goto(host.url)
      // Interactive: the shell has its settings (language) from the services, so the switch works.
      await page.waitForSelector('[data-testid="language-toggle"]:not([disabled])')
      interactive.push(performance.now() - t0)
      const paint = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN
      )
      fcp.push(paint)
      await context.close()
      host.stop()
      rmSync(host.dir, { recursive: true, force: true })
    }
  } finally {
    await browser.close()
  }
  const coldToInteractive = firstCall.map((c, i) => c + interactive[i])
  writeResults(
    'startup',
    [
      { id: 'host.cold_start_to_listening.median', value: round(median(listen)), unit: 'ms', goal: '-' },
      {
        id: 'host.cold_start_to_first_answered_call.median',
        value: round(median(firstCall)),
        unit: 'ms',
        goal: '< 1500'
      },
      { id: 'shell.first_contentful_paint.median', value: round(median(fcp)), unit: 'ms', goal: '-' },
      { id: 'shell.page_load_to_interactive.median', value: round(median(interactive)), unit: 'ms', goal: '-' },
      { id: 'cold_start_to_interactive.median', value: round(median(coldToInteractive)), unit: 'ms', goal: '< 1500' }
    ],
    { runs: RUNS, raw: { listen, firstCall, fcp, interactive } }
  )
}

await main()
