/** Issue 13, item 14: an upload whose connection dropped says so within 2 s, not after its retries. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startPlatformServer, type PlatformServer } from '../../../tools/platform-server/server'
import { tempDir } from '../../test-utils/temp-dir'
import type { StorageService } from '../storage'
import type { SyncStatus } from '../../../src-shared/contract/sync'
import type { SyncService } from './sync-service'
import { makeSync, openStorage, signIn, until } from './test-kit'

describe('an upload whose connection dropped', () => {
  let t: ReturnType<typeof tempDir>
  let server: PlatformServer
  let storage: StorageService
  let sync: SyncService

  beforeEach(async () => {
    t = tempDir('dropped-upload-')
    server = await startPlatformServer({ dataDir: join(t.dir, 'platform'), partSize: 256 * 1024 })
    storage = openStorage(join(t.dir, 'app'))
    // The app's patient retries: the next attempt only after 8 s, as a real backoff may wait.
    sync = makeSync(storage, join(t.dir, 'app'), server.url, {
      retry: { retries: 3, baseDelayMs: 8000, maxDelayMs: 8000 },
      random: () => 1
    })
    await signIn(sync)
    sync.start()
  })
  afterEach(async () => {
    sync.dispose()
    storage.close()
    await server.close()
    t.cleanup()
  })

  it('tells the page within 2 s, while the retries are still waiting', async () => {
    const events: { at: number; status: SyncStatus }[] = []
    sync.onDidChangeStatus((status) => events.push({ at: Date.now(), status }))
    const file = join(t.dir, '微课.mp4')
    writeFileSync(file, randomBytes(1024 * 1024))
    server.faults.cutNext(1, { path: '/api/v1/resources/uploads/', method: 'PUT', phase: 'request', afterBytes: 1000 })
    sync.enqueueUpload({ filePath: file, title: '微课', type: '微课', chapterId: 'xx-sx-rj-3a-c5' })
    await until('a part request on the wire', () => server.stats().requests > 0 && sync.status().phase === 'syncing')
    const cutAt = Date.now()
    await until(
      'the drop shown in a status event',
      () => events.some((e) => e.status.lastError?.code === 'UNAVAILABLE'),
      2000
    )
    const shown = events.find((e) => e.status.lastError?.code === 'UNAVAILABLE')!
    expect(shown.at - cutAt).toBeLessThan(2000)
    expect(shown.status.lastError!.message).toContain('连接中断')
    // Nothing was given up: the row is still on its way.
    expect(sync.status().counts).toMatchObject({ failed: 0, sent: 0 })
  })
})
