import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startPlatformServer, type PlatformServer } from '../../../tools/platform-server/server'
import { tempDir } from '../../test-utils/temp-dir'
import { callInput } from '../../rpc/call-input'
import type { CallInput } from '../../../src-shared/contract'
import type { StorageService } from '../storage'
import type { SyncService } from '../sync'
import { makeSync, openStorage } from '../sync/test-kit'
import { AppError } from '../../../src-shared/errors'
import type { LibraryDownloadProgress } from '../../../src-shared/contract/library'
import { LibraryService } from './library-service'

/** Every file under a folder (recursively), so "nothing left behind" is checked, not assumed. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
}

/** The error a call was refused with; a call that succeeds fails the test. */
function refusal(p: Promise<unknown>): Promise<AppError> {
  return p.then(
    () => {
      throw new Error('expected the call to be refused')
    },
    (e: unknown) => AppError.from(e)
  )
}

describe('library:add-from-platform against the reference platform', () => {
  let t: ReturnType<typeof tempDir>
  let server: PlatformServer
  let storage: StorageService
  let sync: SyncService
  let lib: LibraryService
  let app: string
  let platformDir: string
  /** As dispatch hands them over: parsed once by the contract, defaults (limit, offset, sort) filled in. */
  const search = (i: CallInput<'library:search'>) => lib.search(callInput('library:search', i))
  const browse = (i: CallInput<'library:browse'>) => lib.browse(callInput('library:browse', i))

  beforeEach(async () => {
    t = tempDir('platform-download-')
    platformDir = join(t.dir, 'platform')
    server = await startPlatformServer({ dataDir: platformDir })
    app = join(t.dir, 'app')
    storage = openStorage(app)
    // Not signed in: public resources are found and downloaded with the app's own token.
    sync = makeSync(storage, app, server.url)
    lib = new LibraryService({ storage, clock: () => new Date(), dir: join(app, 'library'), platform: sync })
  })
  afterEach(async () => {
    lib.dispose()
    sync.dispose()
    storage.close()
    await server.close()
    t.cleanup()
  })

  it('files a lesson plan under the platform type and chapter, marked downloaded, found by a word inside it, with no copy left in downloads', async () => {
    const page = await sync.searchResources({ chapterId: 'xx-sx-rj-3a-c1', q: '时间', page: 1, pageSize: 20 })
    expect(page.items.map((r) => r.id)).toEqual(['res-seed-0002'])
    const progress: LibraryDownloadProgress[] = []
    lib.onDownloadProgress((p) => progress.push(p))

    // Two taps on the button download once.
    const [a, b] = await Promise.all([
      lib.addFromPlatform({ resourceId: 'res-seed-0002' }),
      lib.addFromPlatform({ resourceId: 'res-seed-0002' })
    ])
    expect(b).toBe(a)
    expect(a.duplicate).toBe(false)
    expect(a.resource).toMatchObject({
      title: '时间的计算 教学设计',
      sharedTitle: '时间的计算 教学设计',
      type: '教案',
      format: 'word',
      original: false,
      syncState: 'downloaded',
      remoteId: 'res-seed-0002',
      textState: 'extracted',
      tags: ['王丽华'],
      fileName: '时间的计算-教学设计.docx',
      chapter: {
        stage: { id: 'xx', name: '小学' },
        subject: { id: 'xx-sx', name: '数学' },
        edition: { id: 'xx-sx-rj', name: '人教版' },
        volume: { id: 'xx-sx-rj-3a', name: '三年级上册' },
        chapter: { id: 'xx-sx-rj-3a-c1-s2', name: '时间的计算' }
      }
    })
    expect(a.resource.sha256).toBe(page.items[0]!.sha256)
    expect(progress.at(-1)).toEqual({
      resourceId: 'res-seed-0002',
      done: page.items[0]!.size,
      total: page.items[0]!.size
    })

    expect(search({ q: '线段图' }).items.map((r) => r.id)).toEqual([a.resource.id])
    expect(browse({ chapter: { volumeId: 'xx-sx-rj-3a' } }).total).toBe(1)
    expect(filesUnder(join(app, 'downloads'))).toEqual([])
    const stored = lib.get(a.resource.id).absolutePath
    expect(createHash('sha256').update(readFileSync(stored)).digest('hex')).toBe(page.items[0]!.sha256)

    // Again later: the same content is recognised, nothing new is stored or left behind.
    const again = await lib.addFromPlatform({ resourceId: 'res-seed-0002' })
    expect(again).toMatchObject({ duplicate: true, resource: { id: a.resource.id } })
    expect(browse({}).total).toBe(1)
    expect(filesUnder(join(app, 'library'))).toEqual([stored])
    expect(filesUnder(join(app, 'downloads'))).toEqual([])
  })

  it('refuses a file whose checksum does not match the platform record and leaves nothing behind', async () => {
    // The platform's stored copy no longer matches what it says it holds (same size, one byte changed).
    const bin = join(platformDir, 'resources', 'res-seed-0003.bin')
    const bytes = readFileSync(bin)
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0xff
    writeFileSync(bin, bytes)

    const err = await refusal(lib.addFromPlatform({ resourceId: 'res-seed-0003' }))
    expect(err.code).toBe('FILE_INVALID')
    expect(err.message).toContain('校验失败')
    expect(browse({}).total).toBe(0)
    expect(lib.tree().total).toBe(0)
    expect(filesUnder(join(app, 'downloads'))).toEqual([])
    expect(filesUnder(join(app, 'library'))).toEqual([])
  })

  it('resumes a download cut off mid-body and files the whole file once', async () => {
    server.faults.cutNext(1, { path: '/api/v1/resources/res-seed-0005/content', phase: 'response' })
    const r = await lib.addFromPlatform({ resourceId: 'res-seed-0005' })
    // The cut was used up: the first answer really was cut off.
    expect(server.faults.take('cut', 'GET', '/api/v1/resources/res-seed-0005/content')).toBeUndefined()
    expect(r.resource).toMatchObject({
      type: '试卷',
      openLessonLevel: '校级',
      title: '第三单元 测量 单元测试卷',
      chapter: { chapter: { id: 'xx-sx-rj-3a-c3', name: '3 测量' } }
    })
    expect(r.resource.sha256).toBe(
      (server.db.prepare("SELECT sha256 FROM resources WHERE id = 'res-seed-0005'").get() as { sha256: string }).sha256
    )
    expect(search({ q: '卡车' }).total).toBe(1)
    expect(filesUnder(join(app, 'downloads'))).toEqual([])
  })

  it('files a picture as material with no text to read', async () => {
    const r = await lib.addFromPlatform({ resourceId: 'res-seed-0004' })
    expect(r.resource).toMatchObject({
      type: '素材',
      format: 'image',
      textState: 'none',
      chapter: { chapter: { name: '吨的认识' } }
    })
    expect(readFileSync(lib.get(r.resource.id).absolutePath).subarray(1, 4).toString()).toBe('PNG')
  })

  it('says what went wrong when the resource is gone or the platform cannot be reached, and files nothing', async () => {
    const missing = await refusal(lib.addFromPlatform({ resourceId: 'res-nope' }))
    expect(missing.code).toBe('NOT_FOUND')
    await server.close()
    const offline = await refusal(lib.addFromPlatform({ resourceId: 'res-seed-0002' }))
    expect(offline.code).toBe('UNAVAILABLE')
    expect(offline.message).toMatch(/[\u4e00-\u9fff]/)
    expect(browse({}).total).toBe(0)
    expect(filesUnder(join(app, 'downloads'))).toEqual([])
  })

  it('refuses plainly when no platform is connected', async () => {
    const alone = new LibraryService({ storage, clock: () => new Date(), dir: join(app, 'library') })
    await expect(alone.addFromPlatform({ resourceId: 'res-seed-0002' })).rejects.toMatchObject({ code: 'UNAVAILABLE' })
    // An empty id never reaches the service: the contract refuses it.
    expect(() => callInput('library:add-from-platform', { resourceId: '' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' })
    )
    alone.dispose()
  })
})
