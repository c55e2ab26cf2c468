/**
 * The classroom server faces every device on the school LAN: malformed requests (the fuzzer's
 * catalogue, on its pages, photo uploads and Socket.IO's own path) must leave it answering.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HTTP_PATHS } from '../../../src-shared/classroom/protocol'
import { fuzzHttpServer } from '../../test-utils/http-fuzz'
import { classroomKit, type Kit } from './classroom-test-kit'

describe('classroom server under malformed requests', () => {
  let kit: Kit
  beforeEach(async () => {
    kit = await classroomKit()
  })
  afterEach(async () => {
    await kit.cleanup()
  })

  it('survives the malformed-request fuzzer and still serves the student page and its health check', async () => {
    const port = Number(new URL(kit.url).port)
    const result = await fuzzHttpServer({
      port,
      routes: [
        '/',
        HTTP_PATHS.studentPage,
        HTTP_PATHS.remotePage,
        '/assets/app.js',
        HTTP_PATHS.health,
        `${HTTP_PATHS.studentPhoto}?runId=r&seq=1`,
        HTTP_PATHS.remotePhoto,
        '/socket.io/?EIO=4&transport=polling',
        '/socket.io/?EIO=4&transport=websocket'
      ],
      headers: { authorization: `Bearer ${'x'.repeat(32)}` },
      probe: { path: HTTP_PATHS.health },
      // Engine.IO holds an upgrade on a path not its own for a second before closing it; no need to wait that out.
      timeoutMs: 400,
      cases: 120,
      seed: 2
    })
    expect(result.crashes).toEqual([])
    // Malformed input is the client's error, never an internal one.
    expect(result.statuses['500']).toBeUndefined()
    expect(result.cases).toBeGreaterThan(300)
    const health = await fetch(new URL(HTTP_PATHS.health, kit.url))
    expect(health.status).toBe(200)
    const page = await fetch(new URL(HTTP_PATHS.studentPage, kit.url))
    expect(page.status).toBe(200)
    // A student can still join after all that.
    const s = kit.student()
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve())
      s.once('connect_error', reject)
    })
  }, 120_000)
})
