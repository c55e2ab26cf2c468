/**
 * Tokens stay with their platform: bound to the origin that issued them, dropped when the address
 * changes, never sent after a redirect elsewhere or over plain http off this computer, and the
 * platform's answers are bounded in size. Against the real reference platform and tiny real
 * HTTP servers that record what reaches them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { startPlatformServer, type PlatformServer } from '../../../tools/platform-server/server'
import { browserSignIn } from '../../../tools/platform-server/testing'
import { tempDir } from '../../test-utils/temp-dir'
import { AppError } from '../../../src-shared/errors'
import { SettingsPatch } from '../../../src-shared/contract/settings'
import { LoopbackSignIn } from './loopback-sign-in'
import { MAX_ANSWER_BYTES, PlatformClient } from './platform-client'
import { FileTokenStore } from './token-store'

interface Recorder {
  server: Server
  url: string
  seen: { path: string; auth: string | undefined }[]
}

async function recorder(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<Recorder> {
  const seen: Recorder['seen'] = []
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', auth: req.headers.authorization })
    handle(req, res)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

const ok = (res: ServerResponse, result: unknown) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ success: true, result }))

async function refusal(p: Promise<unknown>): Promise<AppError> {
  return p.then(
    () => {
      throw new Error('expected a refusal')
    },
    (e: unknown) => AppError.from(e)
  )
}

describe('platform tokens and answers', () => {
  let t: ReturnType<typeof tempDir>
  let platform: PlatformServer
  let other: Recorder
  let baseUrl: string
  let client: PlatformClient
  let tokensFile: string

  beforeEach(async () => {
    t = tempDir()
    platform = await startPlatformServer({ dataDir: join(t.dir, 'platform') })
    other = await recorder((req, res) => {
      if (req.url === '/api/v1/auth/app-token') return ok(res, { accessToken: 'other-app-token', expiresIn: 7200 })
      return res.writeHead(404).end()
    })
    baseUrl = platform.url
    tokensFile = join(t.dir, 'tokens.json')
    client = new PlatformClient({
      baseUrl: () => baseUrl,
      clientId: 'classdeck-desktop',
      secret: 'classdeck-dev-secret',
      tokens: new FileTokenStore(tokensFile),
      retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 }
    })
  })
  afterEach(async () => {
    client.dispose()
    await platform.close()
    await new Promise((r) => other.server.close(r))
    t.cleanup()
  })

  async function signIn(): Promise<void> {
    const signIn = new LoopbackSignIn(client)
    const { authorizeUrl } = await signIn.start()
    const done = signIn.complete(10_000)
    expect((await browserSignIn(authorizeUrl, 'wanglihua', 'classdeck')).status).toBe(200)
    await done
  }

  it('signs out when the platform address changes, and never offers the old tokens to the new one', async () => {
    await signIn()
    await client.me()
    const stored = JSON.parse(readFileSync(tokensFile, 'utf8')) as { origin: string; user: { accessToken: string } }
    expect(stored.origin).toBe(new URL(platform.url).origin)
    const oldToken = stored.user.accessToken

    baseUrl = other.url // the teacher typed another address in Settings
    expect(client.signedIn).toBe(false)
    expect(client.teacher).toBeNull()
    expect(JSON.parse(readFileSync(tokensFile, 'utf8'))).toEqual({})
    expect((await refusal(client.me())).code).toBe('UNAUTHORIZED')
    await refusal(client.resource('r1')) // public call: a fresh app token from the new platform
    expect(other.seen.map((s) => s.auth).filter(Boolean)).toEqual(['Bearer other-app-token'])
    expect(other.seen.some((s) => s.auth?.includes(oldToken))).toBe(false)

    baseUrl = platform.url // and back: still signed out, the old tokens are gone
    expect(client.signedIn).toBe(false)
  })

  it('refuses a redirect to another origin without following it or retrying, and follows one on the platform', async () => {
    const redirecting = await recorder((req, res) => {
      if (req.url === '/api/v1/auth/app-token') return ok(res, { accessToken: 'a', expiresIn: 7200 })
      if (req.url === '/api/v1/resources/away') return res.writeHead(302, { location: `${other.url}/steal` }).end()
      if (req.url === '/api/v1/resources/moved') return res.writeHead(301, { location: '/api/v1/resources/here' }).end()
      if (req.url === '/api/v1/resources/here') return ok(res, { nope: true })
      return res.writeHead(404).end()
    })
    try {
      baseUrl = redirecting.url
      const err = await refusal(client.resource('away'))
      expect(err.code).toBe('FORBIDDEN')
      expect(err.message).toContain('另一个地址')
      expect(err.messageEn).toContain(`redirected the request to another address (${other.url})`)
      expect(other.seen).toEqual([])
      expect(redirecting.seen.filter((s) => s.path === '/api/v1/resources/away')).toHaveLength(1)
      // A redirect within the platform is followed (and its answer then checked against the contract).
      expect((await refusal(client.resource('moved'))).code).toBe('VALIDATION')
      expect(redirecting.seen.some((s) => s.path === '/api/v1/resources/here')).toBe(true)
    } finally {
      await new Promise((r) => redirecting.server.close(r))
    }
  })

  it('refuses an answer larger than the bound, once, without retrying', async () => {
    const huge = await recorder((req, res) => {
      if (req.url === '/api/v1/auth/app-token') return ok(res, { accessToken: 'a', expiresIn: 7200 })
      return res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(`{"success":true,"result":"${'x'.repeat(MAX_ANSWER_BYTES + 1)}"}`)
    })
    try {
      baseUrl = huge.url
      const err = await refusal(client.resource('r1'))
      expect(err.code).toBe('LIMIT')
      expect(err.messageEn).toMatch(/too large/)
      expect(huge.seen.filter((s) => s.path === '/api/v1/resources/r1')).toHaveLength(1)
    } finally {
      await new Promise((r) => huge.server.close(r))
    }
  })

  it('sends nothing over plain http to another computer', async () => {
    baseUrl = 'http://platform.school.example'
    const err = await refusal(client.resource('r1'))
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toContain('https://')
    expect(client.stats.requests).toBe(1)
  })
})

describe('the platform address setting', () => {
  it('must be https unless it is this computer, with the reason in Chinese and English', () => {
    for (const ok of [
      'https://platform.school.cn',
      'https://platform.school.cn:8443/api',
      'http://127.0.0.1:8787',
      'http://localhost:8787',
      'http://[::1]:8787'
    ])
      expect(SettingsPatch.safeParse({ platformUrl: ok }).success, ok).toBe(true)
    for (const bad of ['http://platform.school.cn', 'http://192.168.1.10:8787', 'https://user:pw@platform.school.cn']) {
      const r = SettingsPatch.safeParse({ platformUrl: bad })
      expect(r.success, bad).toBe(false)
      expect(r.error?.issues[0]?.message).toMatch(/必须以 https:\/\/ 开头.*must start with https:\/\//)
    }
  })
})
