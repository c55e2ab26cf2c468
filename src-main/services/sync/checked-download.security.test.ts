import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { tempDir } from '../../test-utils/temp-dir'
import { AppError } from '../../../src-shared/errors'
import { PlatformClient } from './platform-client'
import { MemoryTokenStore } from './token-store'
import { downloadResource, insideFolder } from './checked-download'

const BODY = Buffer.from('教案内容')
let contentRequests = 0
const SHA = createHash('sha256').update(BODY).digest('hex')

/**
 * A platform that names its resources as an attacker would: the id and file name it answers with
 * come from `hostile` (keyed by the id asked for), the bytes are always BODY.
 */
function hostilePlatform(hostile: Map<string, { id?: string; fileName: string; endless?: boolean }>): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const json = (result: unknown) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ success: true, result }))
    if (url.pathname === '/api/v1/auth/app-token') return json({ accessToken: 'app-token', expiresIn: 7200 })
    const m = /^\/api\/v1\/resources\/([^/]+)(\/content)?$/.exec(url.pathname)
    const asked = m ? decodeURIComponent(m[1]!) : ''
    const h = hostile.get(asked)
    if (!m || !h) return res.writeHead(404).end()
    if (m[2]) {
      contentRequests++
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      if (!h.endless) return res.end(BODY)
      // Far more than the resource's size: a download that would fill the disk.
      const more = (): void => {
        while (!res.destroyed && res.write(Buffer.alloc(64 * 1024, 0x41)));
        if (!res.destroyed) res.once('drain', more)
      }
      return more()
    }
    return json({
      id: h.id ?? asked,
      title: '时间的计算',
      type: '教案',
      chapterId: 'c1',
      fileName: h.fileName,
      size: BODY.length,
      sha256: SHA,
      original: false,
      public: true,
      ownerId: 't1',
      ownerName: '王老师',
      createdAt: '2026-09-01T00:00:00.000Z',
      downloads: 0,
      collections: 0
    })
  })
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
}

describe('platform downloads with hostile resource ids and names', () => {
  let t: ReturnType<typeof tempDir>
  let server: Server
  let client: PlatformClient
  const hostile = new Map<string, { id?: string; fileName: string; endless?: boolean }>([
    ['r-endless', { fileName: 'plan.docx', endless: true }],
    ['../../x', { fileName: 'plan.docx' }],
    ['..\\..\\win', { fileName: 'plan.docx' }],
    ['r-name-up', { fileName: '../../../evil.sh' }],
    ['r-name-abs', { fileName: '/etc/cron.d/evil' }],
    ['r-name-drive', { fileName: 'C:\\Windows\\System32\\evil.dll' }],
    ['r-dots', { fileName: '..' }],
    ['r-con', { fileName: 'CON' }],
    ['r-swap', { id: '../../swapped', fileName: 'plan.docx' }]
  ])

  beforeEach(async () => {
    t = tempDir('hostile-download-')
    server = hostilePlatform(hostile)
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    client = new PlatformClient({
      baseUrl: () => url,
      clientId: 'classdeck-desktop',
      secret: 's',
      tokens: new MemoryTokenStore(),
      retry: { retries: 0 }
    })
  })
  afterEach(async () => {
    client.dispose()
    await new Promise((r) => server.close(r))
    t.cleanup()
  })

  it('keeps every download inside the downloads folder, whatever the platform calls it', async () => {
    const downloads = join(t.dir, 'data', 'downloads')
    for (const id of ['../../x', '..\\..\\win', 'r-name-up', 'r-name-abs', 'r-name-drive', 'r-dots', 'r-con']) {
      const got = await downloadResource(client, id, downloads)
      expect(dirname(got.path)).toBe(downloads)
      expect(got.sha256).toBe(SHA)
    }
    // Nothing was written anywhere but the downloads folder.
    for (const f of filesUnder(t.dir)) expect(relative(downloads, f)).not.toMatch(/^\.\.|[\\/]/)
    expect(filesUnder(t.dir).length).toBe(7)
  })

  it('refuses an answer for another resource than the one asked for', async () => {
    const err = await downloadResource(client, 'r-swap', join(t.dir, 'downloads')).then(
      () => null,
      (e: unknown) => AppError.from(e)
    )
    expect(err?.code).toBe('VALIDATION')
    expect(err?.message).toContain('不是请求的资源')
    expect(err?.messageEn).toContain('instead of r-swap')
    expect(filesUnder(t.dir)).toEqual([])
  })

  it('stops a download that sends more than the resource’s size, once, and keeps nothing', async () => {
    contentRequests = 0
    const err = await downloadResource(client, 'r-endless', join(t.dir, 'downloads')).then(
      () => null,
      (e: unknown) => AppError.from(e)
    )
    expect(err?.code).toBe('LIMIT')
    expect(err?.messageEn).toMatch(/too large/)
    expect(contentRequests).toBe(1)
    expect(filesUnder(t.dir)).toEqual([])
  })

  it('refuses a name that would leave the folder, as a last line behind the sanitiser', () => {
    const dir = join(t.dir, 'downloads')
    expect(insideFolder(dir, 'a.docx')).toBe(join(dir, 'a.docx'))
    for (const bad of ['../a', '..', '', 'a/../../b', '/etc/passwd', 'sub/a.docx']) {
      expect(() => insideFolder(dir, bad)).toThrow(/下载文件夹之外/)
    }
  })
})
