import { describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { installProcessGuards } from './process-guards'
import { tempDir } from '../test-utils/temp-dir'

const ROOT = join(import.meta.dirname, '../..')
const FIXTURE = join(import.meta.dirname, 'throw-on-signal.fixture.mjs')

describe('process guards', () => {
  it('logs an escaped error and keeps going, then gives up on a burst', () => {
    const target = new EventEmitter()
    const logs: string[] = []
    const exits: number[] = []
    let now = 0
    const off = installProcessGuards({
      target,
      log: (m) => logs.push(m),
      exit: (c) => exits.push(c),
      now: () => now,
      maxPerMinute: 3
    })
    target.emit('uncaughtException', new Error('first'))
    target.emit('unhandledRejection', 'second')
    expect(logs.join('\n')).toContain('first')
    expect(logs.join('\n')).toContain('unhandled rejection')
    expect(exits).toEqual([])
    // A minute later the window has moved on: still fine.
    now = 61_000
    target.emit('uncaughtException', new Error('third'))
    target.emit('uncaughtException', new Error('fourth'))
    target.emit('uncaughtException', new Error('fifth'))
    expect(exits).toEqual([])
    target.emit('uncaughtException', new Error('sixth'))
    expect(exits).toEqual([1])
    off()
    expect(target.listenerCount('uncaughtException')).toBe(0)
  })

  /** Spawns a host with the fixture preloaded, waits for `ready`, throws in it, and asks again. */
  async function survives(args: string[], ready: RegExp, ping: (out: string) => Promise<number>): Promise<string> {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--import', FIXTURE, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()))
    try {
      await expect.poll(() => ready.test(out), { timeout: 30_000 }).toBe(true)
      child.kill('SIGUSR2')
      await expect
        .poll(() => /boom from a promise/.test(out) && /boom from a timer/.test(out), { timeout: 10_000 })
        .toBe(true)
      expect(child.exitCode).toBeNull()
      expect(await ping(out)).toBe(200)
      return out
    } finally {
      child.kill('SIGKILL')
    }
  }

  it('keeps the reference platform serving after an uncaught exception and an unhandled rejection', async () => {
    const t = tempDir()
    try {
      const out = await survives(
        ['tools/platform-server/main.ts', '--port', '0', '--data-dir', t.dir],
        /"listening"/,
        async (o) => {
          const url = (JSON.parse(o.split('\n')[0]!) as { listening: string }).listening
          return (await fetch(`${url}/api/v1/ping`)).status
        }
      )
      expect(out).toContain('still running')
    } finally {
      t.cleanup()
    }
  }, 60_000)

  it('keeps the browser host serving after an uncaught exception and an unhandled rejection', async () => {
    const t = tempDir()
    try {
      const staticDir = join(t.dir, 'static')
      mkdirSync(staticDir)
      writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>x</title>')
      const script = `import('./src-main/hosts/browser/main.ts').then((m) => m.serveMain(['--port', '0', '--data-dir', ${JSON.stringify(join(t.dir, 'data'))}], { staticDir: ${JSON.stringify(staticDir)}, version: '0.0.0' }))`
      await survives(['--input-type=module', '-e', script], /listening at http/, async (o) => {
        const url = /listening at (\S+)/.exec(o)![1]!
        // The launch URL admits (303 and the cookie); then the page answers with it.
        const admit = await fetch(url, { redirect: 'manual' })
        const cookie = admit.headers.get('set-cookie')!.split(';')[0]!
        return (await fetch(new URL('/', url), { headers: { cookie } })).status
      })
    } finally {
      t.cleanup()
    }
  }, 60_000)
})
