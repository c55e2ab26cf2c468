/**
 * The sign-in's loopback port is open to every program on this computer (and every web page,
 * through the browser) while a sign-in waits: malformed requests must not end ClassDeck, and
 * the sign-in must still complete afterwards.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { startPlatformServer, type PlatformServer } from '../../../tools/platform-server/server'
import { browserSignIn } from '../../../tools/platform-server/testing'
import { tempDir } from '../../test-utils/temp-dir'
import { fuzzHttpServer } from '../../test-utils/http-fuzz'
import { LoopbackSignIn } from './loopback-sign-in'
import { PlatformClient } from './platform-client'
import { FileTokenStore } from './token-store'

describe('loopback sign-in under malformed requests', () => {
  let t: ReturnType<typeof tempDir>
  let platform: PlatformServer
  let signIn: LoopbackSignIn
  beforeEach(async () => {
    t = tempDir()
    platform = await startPlatformServer({ dataDir: join(t.dir, 'platform') })
    const client = new PlatformClient({
      baseUrl: () => platform.url,
      clientId: 'classdeck-desktop',
      secret: 'classdeck-dev-secret',
      tokens: new FileTokenStore(join(t.dir, 'tokens.json'))
    })
    signIn = new LoopbackSignIn(client)
  })
  afterEach(async () => {
    signIn.cancel()
    await platform.close()
    t.cleanup()
  })

  it('survives the malformed-request fuzzer and then completes a real sign-in', async () => {
    const { authorizeUrl, redirectUri } = await signIn.start()
    const port = Number(new URL(redirectUri).port)
    const result = await fuzzHttpServer({
      port,
      routes: ['/callback', '/callback?state=x&code=y', '/callback?error=%E4%B8', '/'],
      probe: { path: '/callback?state=wrong' },
      cases: 80,
      seed: 3
    })
    expect(result.crashes).toEqual([])
    expect(result.statuses['500']).toBeUndefined()
    expect(result.cases).toBeGreaterThan(150)
    const done = signIn.complete(10_000)
    const browser = await browserSignIn(authorizeUrl, 'wanglihua', 'classdeck')
    expect(browser.status).toBe(200)
    expect((await done).name).toBe('王丽华')
  }, 120_000)
})
