import { afterEach, describe, expect, it, vi } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseServeArgs, serveMain } from './main'
import { tempDir } from '../../test-utils/temp-dir'

describe('classdeck serve', () => {
  afterEach(() => vi.restoreAllMocks())

  it('reads its flags, --open included, and refuses unknown ones in both languages', () => {
    const args = parseServeArgs(['--port', '0', '--host=::1', '--open'], { staticDir: '/s' })
    expect(args).toMatchObject({ port: 0, host: '::1', open: true, staticDir: '/s' })
    expect(parseServeArgs([], { staticDir: '/s' }).open).toBe(false)
    expect(() => parseServeArgs(['--opne'], { staticDir: '/s' })).toThrow(/未知参数 \/ unknown flag/)
  })

  it('prints the launch URL with its secret, which admits a browser', async () => {
    const t = tempDir()
    const staticDir = join(t.dir, 'static')
    mkdirSync(staticDir)
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>x</title>')
    const lines: string[] = []
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')))
    const events = ['SIGINT', 'SIGTERM', 'uncaughtException', 'unhandledRejection']
    const before = events.map((e) => process.listeners(e as 'SIGINT').length)
    const host = await serveMain(['--port', '0', '--data-dir', join(t.dir, 'data')], { staticDir, version: '0.0.0' })
    try {
      const printed = /listening at (\S+)/.exec(lines.join('\n'))?.[1]
      expect(printed).toBe(host.launchUrl)
      expect(new URL(printed!).searchParams.get('k')).toMatch(/^[A-Za-z0-9_-]{43}$/)
      const admit = await fetch(printed!, { redirect: 'manual' })
      expect(admit.status).toBe(303)
      expect(admit.headers.get('set-cookie')).toContain(host.cookie)
    } finally {
      // serveMain installs process-wide handlers for a real run; take them off again here.
      events.forEach((e, n) => {
        const emitter = process as unknown as NodeJS.EventEmitter
        for (const l of emitter.listeners(e).slice(before[n])) emitter.off(e, l as () => void)
      })
      await host.close()
      t.cleanup()
    }
  })
})
