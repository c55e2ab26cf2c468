/**
 * Changing the platform address in Settings signs the teacher out at once (the app is told
 * through sync:status-changed), so no token of the old platform is ever offered to the new one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { join } from 'node:path'
import { startPlatformServer, type PlatformServer } from '../../../tools/platform-server/server'
import { tempDir } from '../../test-utils/temp-dir'
import { createAppCore, type AppCore } from '../../app-core'
import { signIn } from './test-kit'

describe('changing the platform address', () => {
  let t: ReturnType<typeof tempDir>
  let platform: PlatformServer
  let core: AppCore
  beforeEach(async () => {
    t = tempDir()
    platform = await startPlatformServer({ dataDir: join(t.dir, 'platform') })
    core = createAppCore({ dataDir: join(t.dir, 'app'), host: 'browser', version: 'test' })
  })
  afterEach(async () => {
    await core.dispose()
    await platform.close()
    t.cleanup()
  })

  it('signs the teacher out at once and says so to the app', async () => {
    const { settings, sync } = core.services
    settings.update({ platformUrl: platform.url })
    await signIn(sync)
    expect(sync.status().signedIn).toBe(true)

    const told: boolean[] = []
    core.hub.subscribe((channel, payload) => {
      if (channel === 'sync:status-changed') told.push((payload as { signedIn: boolean }).signedIn)
    })
    settings.update({ platformUrl: 'https://platform.other-school.example' })
    // Told without asking: nothing here reads the status before the event arrives.
    await vi.waitFor(() => expect(told).toContain(false), { timeout: 500, interval: 5 })
    expect(sync.status().signedIn).toBe(false)
    expect(sync.status().teacher).toBeNull()
  }, 30_000)
})
