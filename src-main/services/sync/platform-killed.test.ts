import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startPlatformServer, type PlatformServer } from '../../../tools/platform-server/server'
import { tempDir } from '../../test-utils/temp-dir'
import type { StorageService } from '../storage'
import type { SyncService } from './sync-service'
import { makeSync, openStorage, signIn, until, within } from './test-kit'

const root = join(__dirname, '../../..')

async function freePort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const port = (s.address() as { port: number }).port
  await new Promise((r) => s.close(r))
  return port
}

/** The reference server as its own process (`npm run platform`), so it can be killed with SIGKILL. */
async function spawnPlatform(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'tools/platform-server/main.ts'),
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--test-admin',
      '--part-size',
      String(256 * 1024)
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  await until('platform child listening', () => out.includes('"listening"') || child.exitCode !== null, 20_000, 25)
  if (child.exitCode !== null) throw new Error(`platform exited: ${out}`)
  return child
}

describe('upload survives the platform being killed', () => {
  let t: ReturnType<typeof tempDir>
  let child: ChildProcess | null = null
  let server: PlatformServer | null = null
  let storage: StorageService
  let sync: SyncService

  beforeEach(() => {
    t = tempDir('sync-kill-')
  })
  afterEach(async () => {
    sync?.dispose()
    storage?.close()
    if (child && child.exitCode === null) child.kill('SIGKILL')
    await server?.close()
    t.cleanup()
  })

  it('resumes and completes after kill -9 of the platform mid-upload and a restart', async () => {
    const port = await freePort()
    const platformDir = join(t.dir, 'platform')
    child = await spawnPlatform(port, platformDir)
    const url = `http://127.0.0.1:${port}`
    storage = openStorage(join(t.dir, 'app'))
    sync = makeSync(storage, join(t.dir, 'app'), url)
    await signIn(sync)
    // Slow parts so the kill lands mid-file.
    await fetch(`${url}/__admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ op: 'slow', delayMs: 60, path: '/api/v1/resources/uploads/' })
    })

    const file = join(t.dir, '微课-分数的初步认识.mp4')
    writeFileSync(file, randomBytes(256 * 1024 * 16))
    let done = 0
    sync.onProgress((p) => (done = p.done))
    const id = sync.enqueueUpload({
      filePath: file,
      title: '分数的初步认识',
      type: '微课',
      chapterId: 'xx-sx-rj-3a-c8-s1',
      original: true,
      public: true
    })
    sync.start()
    await until('a quarter uploaded', () => done >= 4 * 256 * 1024, 20_000)
    child.kill('SIGKILL')
    await new Promise((r) => child!.once('exit', r))
    await until('sync notices the platform is gone', () => sync.status().phase === 'offline', 20_000)
    const sentBeforeKill = done

    server = await startPlatformServer({ dataDir: platformDir, port, partSize: 256 * 1024 })
    await within(
      20_000,
      until('upload delivered', () => sync.items(undefined, 5).find((i) => i.id === id)?.state === 'sent', 20_000)
    )

    const sha = createHash('sha256').update(readFileSync(file)).digest('hex')
    const row = server.db.prepare("SELECT sha256, size, title FROM resources WHERE id NOT LIKE 'res-seed-%'").get()
    expect(row).toEqual({ sha256: sha, size: 16 * 256 * 1024, title: '【原创】分数的初步认识' })
    // Only what the killed platform had not stored was sent again.
    expect(sentBeforeKill).toBeGreaterThanOrEqual(4 * 256 * 1024)
    expect(server.stats().partsReceived).toBeLessThanOrEqual(16 - 4 + 1)
  })
})
