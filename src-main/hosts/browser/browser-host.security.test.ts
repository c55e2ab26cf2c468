/**
 * Probes of the browser host from the outside: DNS rebinding (a forged Host), a request without
 * this launch's cookie, malformed requests (the fuzzer), and the headers of active media.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import WebSocket from 'ws'
import { startBrowserHost, type BrowserHost } from './browser-host'
import { tempDir } from '../../test-utils/temp-dir'
import { fuzzHttpServer } from '../../test-utils/http-fuzz'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A request with exactly these headers (fetch would not let a test forge Host). */
function raw(host: BrowserHost, path: string, headers: Record<string, string>, method = 'GET'): Promise<Answer> {
  const { port } = new URL(host.url)
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, setHost: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** The status the WebSocket upgrade gets (101 once open). */
function upgradeStatus(host: BrowserHost, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(host.url.replace('http', 'ws') + 'rpc', { headers })
    ws.once('open', () => {
      ws.close()
      resolve(101)
    })
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode!))
    ws.once('error', reject)
  })
}

describe('browser host security', () => {
  let t: ReturnType<typeof tempDir>
  let host: BrowserHost
  let own: string
  let svgHash: string
  beforeEach(async () => {
    t = tempDir()
    const staticDir = join(t.dir, 'static')
    mkdirSync(join(staticDir, 'assets'), { recursive: true })
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>x</title>')
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
    const mediaDir = join(t.dir, 'data', 'media')
    mkdirSync(mediaDir, { recursive: true })
    svgHash = 'a'.repeat(64)
    writeFileSync(
      join(mediaDir, `${svgHash}.svg`),
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    writeFileSync(join(mediaDir, `${'b'.repeat(64)}.png`), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    mkdirSync(join(t.dir, 'data', 'exports'), { recursive: true })
    writeFileSync(join(t.dir, 'data', 'exports', '成绩.csv'), 'a,b\n')
    host = await startBrowserHost({ port: 0, dataDir: join(t.dir, 'data'), staticDir, version: '9.9.9' })
    own = new URL(host.url).host
  })
  afterEach(async () => {
    await host.close()
    t.cleanup()
  })

  it('gives no WebSocket to a rebound name, even with a matching Origin and the cookie', async () => {
    const forged = {
      host: 'evil.example:' + new URL(host.url).port,
      origin: 'http://evil.example:' + new URL(host.url).port
    }
    expect(await upgradeStatus(host, { ...forged, cookie: host.cookie })).toBe(403)
    expect(await upgradeStatus(host, { cookie: host.cookie, origin: 'http://evil.example' })).toBe(403)
    expect(await upgradeStatus(host, { cookie: host.cookie, origin: `http://${own}` })).toBe(101)
  })

  it('refuses a rebound name on every route, the page and the files too', async () => {
    const evil = { host: `evil.example:${new URL(host.url).port}`, cookie: host.cookie }
    for (const path of [
      '/',
      '/index.html',
      '/assets/app.js',
      `/media/${svgHash}.svg`,
      '/exports/x.csv',
      `/?k=${'x'}`
    ]) {
      const res = await raw(host, path, evil)
      expect(res.status, path).toBe(403)
      expect(res.body, path).toContain('拒绝访问')
    }
    expect((await raw(host, '/', { host: `localhost:${new URL(host.url).port}`, cookie: host.cookie })).status).toBe(
      200
    )
  })

  it('refuses /rpc, /media, /exports and /incoming without the launch cookie, in both languages', async () => {
    expect(await upgradeStatus(host, {})).toBe(403)
    expect(await upgradeStatus(host, { cookie: `${host.cookie.split('=')[0]}=wrong` })).toBe(403)
    for (const [path, method] of [
      [`/media/${svgHash}.svg`, 'GET'],
      ['/exports/成绩.csv', 'GET'],
      ['/media?ext=png', 'POST'],
      ['/incoming?name=a.pptx', 'POST']
    ] as const) {
      const res = await raw(host, encodeURI(path), { host: own, 'x-classdeck-upload': '1' }, method)
      expect(res.status, path).toBe(403)
      const { error } = JSON.parse(res.body) as { error: { message: string; messageEn: string } }
      expect(error.message).toContain('启动')
      expect(error.messageEn).toContain('printed')
    }
    // The page itself without the cookie explains how to get in.
    const page = await raw(host, '/', { host: own })
    expect(page.status).toBe(403)
    expect(page.body).toContain('?k=')
    // Build output without data is served to anyone on our Host.
    expect((await raw(host, '/assets/app.js', { host: own })).status).toBe(200)
  })

  it('admits a browser with the launch URL: an HttpOnly SameSite=Strict cookie and a redirect to the clean URL', async () => {
    const u = new URL(host.launchUrl)
    expect(u.searchParams.get('k')).toHaveLength(43)
    const res = await raw(host, `${u.pathname}${u.search}`, { host: own })
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/')
    const cookie = String(res.headers['set-cookie'])
    expect(cookie).toContain(host.cookie)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).toMatch(/Path=\//)
    const withCookie = await raw(host, '/', { host: own, cookie: cookie.split(';')[0]! })
    expect(withCookie.status).toBe(200)
    // A secret of another launch is refused with a reason, and never sets a cookie.
    const old = await raw(host, '/?k=' + 'x'.repeat(43), { host: own })
    expect(old.status).toBe(403)
    expect(old.headers['set-cookie']).toBeUndefined()
    // `//evil.example` in the path stays a path on this host.
    const twice = await raw(host, `//evil.example/?k=${u.searchParams.get('k')}`, { host: own })
    expect(twice.headers.location).toBe('/evil.example/')
  })

  it('still answers after GET /% and a malformed /exports name', async () => {
    for (const path of ['/%', '/%E4%B8', '/exports/%', '/media/%zz']) {
      const res = await raw(host, path, { host: own, cookie: host.cookie })
      expect([400, 404], path).toContain(res.status)
    }
    expect((await raw(host, '/', { host: own, cookie: host.cookie })).status).toBe(200)
  })

  it('survives the malformed-request fuzzer and then answers a good request', async () => {
    const result = await fuzzHttpServer({
      port: Number(new URL(host.url).port),
      routes: ['/', '/rpc', '/media', `/media/${svgHash}.svg`, '/exports/成绩.csv', '/incoming', '/assets/app.js'],
      headers: { cookie: host.cookie, 'x-classdeck-upload': '1' },
      cases: 120,
      seed: 13
    })
    expect(result.crashes).toEqual([])
    // Malformed input is the client's error, never an internal one.
    expect(result.statuses['500']).toBeUndefined()
    expect(result.cases).toBeGreaterThan(300)
    expect(result.statuses['400']).toBeGreaterThan(0)
    expect((await raw(host, '/', { host: own, cookie: host.cookie })).status).toBe(200)
  }, 120_000)

  it('sandboxes SVG media, sends exports as attachments, and puts the app CSP on every app response', async () => {
    const svg = await raw(host, `/media/${svgHash}.svg`, { host: own, cookie: host.cookie })
    expect(svg.status).toBe(200)
    expect(svg.headers['content-security-policy']).toMatch(/^sandbox/)
    expect(svg.headers['x-content-type-options']).toBe('nosniff')
    const png = await raw(host, `/media/${'b'.repeat(64)}.png`, { host: own, cookie: host.cookie })
    expect(png.headers['content-security-policy']).toContain("script-src 'self'")
    const exported = await raw(host, encodeURI('/exports/成绩.csv'), { host: own, cookie: host.cookie })
    expect(exported.status).toBe(200)
    expect(exported.headers['content-disposition']).toMatch(/^attachment;/)
    expect(exported.headers['content-disposition']).toContain(encodeURIComponent('成绩.csv'))
    expect(exported.headers['content-security-policy']).toMatch(/^sandbox/)
    expect(exported.headers['x-content-type-options']).toBe('nosniff')
    for (const path of ['/', '/assets/app.js', '/nope.html', '/media/none']) {
      const res = await raw(host, path, { host: own, cookie: host.cookie })
      expect(res.headers['content-security-policy'], path).toContain("default-src 'self'")
      expect(res.headers['x-content-type-options'], path).toBe('nosniff')
    }
  })
})
