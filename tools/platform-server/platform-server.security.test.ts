/**
 * The reference platform stands in for a server on the internet, so it gets what the internet
 * sends: malformed requests on every route kind (auth form, JSON API, streamed upload parts,
 * downloads, admin faults). Each must be answered, never an internal error, and the server must
 * then answer a good request.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startPlatformServer, type PlatformServer } from './server'
import { tempDir } from '../../src-main/test-utils/temp-dir'
import { fuzzHttpServer } from '../../src-main/test-utils/http-fuzz'

describe('reference platform under malformed requests', () => {
  let t: ReturnType<typeof tempDir>
  let server: PlatformServer
  beforeEach(async () => {
    t = tempDir('platform-fuzz-')
    server = await startPlatformServer({ dataDir: t.dir, admin: true })
  })
  afterEach(async () => {
    await server.close()
    t.cleanup()
  })

  it('survives the malformed-request fuzzer and then answers ping', async () => {
    // A signed-in teacher's token and an open upload, so the cases reach the handlers behind
    // authentication (streamed parts, JSON bodies), not only the 401 in front of them.
    const token = 'fuzz-' + 'x'.repeat(32)
    server.db
      .prepare("INSERT INTO tokens(token, kind, client_id, teacher_id, expires_at) VALUES (?, 'user', ?, ?, ?)")
      .run(token, 'classdeck-desktop', 't-1001', Date.now() + 3600_000)
    const init = await fetch(`${server.url}/api/v1/resources/uploads`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': 'fuzz-init-1'
      },
      body: JSON.stringify({ fileName: '分数.pptx', size: 70_000, partSize: 65_536 })
    })
    const initBody = (await init.json()) as { result: { uploadId: string } }
    expect(init.status, JSON.stringify(initBody)).toBe(200)
    const upload = initBody.result.uploadId
    const statuses500: string[] = []
    const result = await fuzzHttpServer({
      port: server.port,
      routes: [
        '/api/v1/ping',
        '/oauth/authorize?response_type=code&client_id=classdeck-desktop&redirect_uri=%',
        '/api/v1/auth/app-token',
        '/api/v1/auth/user-token',
        '/api/v1/lesson-records',
        '/api/v1/resources/uploads/u-1/parts/%',
        `/api/v1/resources/uploads/${upload}/parts/0`,
        `/api/v1/resources/uploads/${upload}/parts/1`,
        `/api/v1/resources/uploads/${upload}/complete`,
        '/api/v1/resources/r-%/content',
        '/api/v1/resources?keyword=%E4&page=-1',
        '/__admin/faults'
      ],
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'fuzz-key-1' },
      probe: { path: '/api/v1/ping' },
      cases: 120,
      seed: 4,
      onCase: (name, outcome) => void (outcome === '500' && statuses500.push(name))
    })
    expect(result.crashes).toEqual([])
    expect(statuses500).toEqual([])
    expect(result.cases).toBeGreaterThan(300)
    const ping = await fetch(`${server.url}/api/v1/ping`)
    expect(ping.status).toBe(200)
    expect(((await ping.json()) as { success: boolean }).success).toBe(true)
  }, 120_000)
})
