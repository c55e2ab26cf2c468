/**
 * The tablet page over a classroom's Wi-Fi: compressed, the hashed assets cached for good,
 * the page itself revalidated by ETag. Read with node:http, which (unlike fetch) shows the
 * bytes as they cross the network.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { tempDir } from '../../test-utils/temp-dir'
import { classroomKit, type Kit } from './classroom-test-kit'
import { pickEncoding } from './static-files'

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

function raw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(url, { headers, method }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
      .on('error', reject)
      .end()
  })
}

// A script as repetitive as a built bundle, and well over the size worth compressing.
const SCRIPT = Array.from(
  { length: 400 },
  (_, i) => `export const answer${i} = () => console.log('选项 ${i % 4}')`
).join('\n')
const PAGE =
  '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>ClassDeck 课堂互动</title>' +
  '<script type="module" src="./assets/student-abc123.js"></script></head><body><div id="app"></div>' +
  '<!-- ' +
  '课堂互动 '.repeat(100) +
  '--></body></html>'

describe('classroom server: the tablet page and its assets', () => {
  let kit: Kit | undefined
  const pages = tempDir('classdeck-pages-')
  afterEach(async () => {
    await kit?.cleanup()
    kit = undefined
  })
  afterAll(() => pages.cleanup())

  async function open(): Promise<string> {
    mkdirSync(join(pages.dir, 'assets'), { recursive: true })
    writeFileSync(join(pages.dir, 'student.html'), PAGE)
    writeFileSync(join(pages.dir, 'assets', 'student-abc123.js'), SCRIPT)
    writeFileSync(join(pages.dir, 'assets', 'tiny.js'), 'x()')
    kit = await classroomKit({}, { pagesDir: pages.dir })
    return kit.url
  }

  it('sends the page brotli-compressed to a tablet that takes brotli, revalidated by ETag, varying by encoding', async () => {
    const url = await open()
    const r = await raw(`${url}student.html`, { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(r.status).toBe(200)
    expect(r.headers['content-encoding']).toBe('br')
    expect(r.headers['vary']).toBe('Accept-Encoding')
    expect(r.headers['cache-control']).toBe('no-cache')
    expect(r.headers['etag']).toMatch(/^"[\w-]+"$/)
    expect(r.headers['content-security-policy']).toMatch(/script-src 'self'/)
    expect(Number(r.headers['content-length'])).toBe(r.body.length)
    expect(r.body.length).toBeLessThan(Buffer.byteLength(PAGE) / 3)
    expect(brotliDecompressSync(r.body).toString()).toBe(PAGE)
  })

  it('answers 304 with no body when the tablet already has this page, and 200 again once it changes', async () => {
    const url = await open()
    const first = await raw(`${url}student.html`, { 'Accept-Encoding': 'br' })
    const etag = String(first.headers['etag'])
    const again = await raw(`${url}student.html`, { 'Accept-Encoding': 'br', 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    expect(again.headers['etag']).toBe(etag)
    writeFileSync(join(pages.dir, 'student.html'), PAGE.replace('课堂互动</title>', '课堂互动 2</title>'))
    const changed = await raw(`${url}student.html`, { 'Accept-Encoding': 'br', 'If-None-Match': etag })
    expect(changed.status).toBe(200)
    expect(changed.headers['etag']).not.toBe(etag)
    expect(brotliDecompressSync(changed.body).toString()).toMatch(/课堂互动 2/)
  })

  it('caches hashed assets for a year as immutable, gzip for a client without brotli', async () => {
    const url = await open()
    const r = await raw(`${url}assets/student-abc123.js`, { 'Accept-Encoding': 'gzip' })
    expect(r.status).toBe(200)
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(r.headers['content-type']).toMatch(/javascript/)
    expect(r.headers['content-encoding']).toBe('gzip')
    expect(r.headers['vary']).toBe('Accept-Encoding')
    expect(r.body.length).toBeLessThan(SCRIPT.length / 5)
    expect(gunzipSync(r.body).toString()).toBe(SCRIPT)
  })

  it('sends plain bytes to a client that asks for none or refuses both, and to HEAD only the headers', async () => {
    const url = await open()
    const plain = await raw(`${url}assets/student-abc123.js`)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(SCRIPT)
    const refused = await raw(`${url}assets/student-abc123.js`, { 'Accept-Encoding': 'br;q=0, gzip;q=0' })
    expect(refused.headers['content-encoding']).toBeUndefined()
    expect(refused.body.toString()).toBe(SCRIPT)
    // The gzip and the plain copy are different bytes: each has its own ETag.
    const gz = await raw(`${url}assets/student-abc123.js`, { 'Accept-Encoding': 'gzip' })
    expect(gz.headers['etag']).not.toBe(plain.headers['etag'])
    const tiny = await raw(`${url}assets/tiny.js`, { 'Accept-Encoding': 'br' })
    expect(tiny.headers['content-encoding']).toBeUndefined()
    expect(tiny.body.toString()).toBe('x()')
    const head = await raw(`${url}assets/student-abc123.js`, { 'Accept-Encoding': 'br' }, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers['content-encoding']).toBe('br')
    expect(head.body.length).toBe(0)
  })

  it('reads Accept-Encoding weights as RFC 9110 says', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(pickEncoding('gzip;q=1.0, br;q=0.5')).toBe('gzip')
    expect(pickEncoding('br;q=0, *')).toBe('gzip')
    expect(pickEncoding('identity')).toBe('identity')
    expect(pickEncoding(undefined)).toBe('identity')
    expect(pickEncoding('br;q=abc, gzip')).toBe('gzip')
  })
})
