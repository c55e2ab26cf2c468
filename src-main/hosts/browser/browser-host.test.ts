import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import WebSocket from 'ws'
import { createHash } from 'node:crypto'
import { startBrowserHost, type BrowserHost } from './browser-host'
import { tempDir } from '../../test-utils/temp-dir'

function connect(host: BrowserHost, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(host.url.replace('http', 'ws') + 'rpc', {
      headers: { cookie: host.cookie },
      ...(origin ? { origin } : {})
    })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

function call(ws: WebSocket, frame: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data))))
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame))
  })
}

describe('browser host', () => {
  let t: ReturnType<typeof tempDir>
  let host: BrowserHost
  beforeEach(async () => {
    t = tempDir()
    const staticDir = join(t.dir, 'static')
    mkdirSync(staticDir)
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>x</title>')
    host = await startBrowserHost({ port: 0, dataDir: join(t.dir, 'data'), staticDir, version: '9.9.9' })
  })
  afterEach(async () => {
    await host.close()
    t.cleanup()
  })

  it('answers a call over the WebSocket', async () => {
    const ws = await connect(host)
    const res = await call(ws, { t: 'call', id: 7, channel: 'system:ping', input: { nonce: 'abc' } })
    expect(res).toMatchObject({ t: 'result', id: 7, ok: true, result: { nonce: 'abc' } })
    ws.close()
  })

  it('gives a typed validation error, naming the field, for input that fails its schema', async () => {
    const ws = await connect(host)
    const res = await call(ws, { t: 'call', id: 1, channel: 'settings:update', input: { classroomPort: 'eighty' } })
    expect(res).toMatchObject({ t: 'result', id: 1, ok: false, error: { code: 'VALIDATION' } })
    const error = res.error as { message: string; messageEn: string }
    expect(error.message).toContain('classroomPort')
    expect(error.messageEn).toContain('Invalid input')
    ws.close()
  })

  it('refuses unknown channels, malformed JSON and malformed frames with typed errors and keeps serving', async () => {
    const ws = await connect(host)
    expect(await call(ws, { t: 'call', id: 2, channel: 'system:rm-rf', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' }
    })
    expect(await call(ws, '{not json')).toMatchObject({ ok: false, id: -1, error: { code: 'VALIDATION' } })
    expect(await call(ws, { t: 'call', id: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await call(ws, { t: 'call', id: 3, channel: 'system:ping', input: { nonce: 'still here' } })).toMatchObject({
      ok: true
    })
    ws.close()
  })

  it('refuses a WebSocket from another origin', async () => {
    await expect(connect(host, 'http://evil.example')).rejects.toThrow('HTTP 403')
    const ok = await connect(host, host.url.replace(/\/$/, ''))
    ok.close()
  })

  it('publishes events to connected sockets', async () => {
    const ws = await connect(host)
    const frames: Record<string, unknown>[] = []
    ws.on('message', (d) => frames.push(JSON.parse(String(d))))
    ws.send(JSON.stringify({ t: 'call', id: 1, channel: 'settings:update', input: { language: 'en' } }))
    await expect.poll(() => frames.length).toBeGreaterThanOrEqual(2)
    expect(frames.find((f) => f.t === 'event')).toMatchObject({
      channel: 'settings:changed',
      payload: { language: 'en' }
    })
    ws.close()
  })

  it('does not serve files outside the renderer folder', async () => {
    const res = await fetch(new URL('/..%2f..%2fdata/classdeck.db', host.url), { headers: { cookie: host.cookie } })
    expect([403, 404]).toContain(res.status)
    const index = await fetch(host.url, { headers: { cookie: host.cookie } })
    expect(index.status).toBe(200)
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'")
  })

  it('stores an uploaded picture by its hash, serves it back with ranges, and refuses uploads without the header or of unknown types', async () => {
    const bytes = new Uint8Array(5000).map((_, i) => i % 251)
    const post = (headers: Record<string, string>, ext = 'png') =>
      fetch(new URL(`/media?ext=${ext}`, host.url), {
        method: 'POST',
        body: bytes,
        headers: { cookie: host.cookie, ...headers }
      })
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(new URL(path, host.url), { headers: { cookie: host.cookie, ...headers } })
    const ok = await post({ 'x-classdeck-upload': '1' })
    expect(ok.status).toBe(200)
    const { result } = (await ok.json()) as { result: { hash: string; ext: string } }
    expect(result.hash).toBe(createHash('sha256').update(bytes).digest('hex'))
    const got = await get(`/media/${result.hash}.png`)
    expect(got.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes)
    const part = await get(`/media/${result.hash}.png`, { range: 'bytes=10-19' })
    expect(part.status).toBe(206)
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(10, 20))

    expect((await post({})).status).toBe(403)
    expect((await post({ 'x-classdeck-upload': '1', origin: 'http://evil.example' })).status).toBe(403)
    expect((await post({ 'x-classdeck-upload': '1' }, 'exe')).status).toBe(400)
    expect((await get('/media/../classdeck.db')).status).toBe(404)
  })

  it('takes a file to import into the data folder and refuses kinds it cannot import', async () => {
    const up = (name: string) =>
      fetch(new URL(`/incoming?name=${encodeURIComponent(name)}`, host.url), {
        method: 'POST',
        body: 'PK fake',
        headers: { 'x-classdeck-upload': '1', cookie: host.cookie }
      })
    const ok = await up('../../第一课.pptx')
    expect(ok.status).toBe(200)
    const { result } = (await ok.json()) as { result: { path: string } }
    expect(result.path.startsWith(join(t.dir, 'data', 'incoming'))).toBe(true)
    expect(result.path.endsWith('第一课.pptx')).toBe(true)
    const bad = await up('virus.exe')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('不能导入')
  })
})
