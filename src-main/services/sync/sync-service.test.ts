import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash, randomBytes } from 'node:crypto'
import { statSync, writeFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startPlatformServer, type PlatformServer } from '../../../tools/platform-server/server'
import { seedResources } from '../../../tools/platform-server/seed-resources'
import { tempDir } from '../../test-utils/temp-dir'
import type { StorageService } from '../storage'
import type { SyncService } from './sync-service'
import { enqueue, lesson, makeSync, openStorage, quiz, signIn, until, within } from './test-kit'

describe('SyncService against the reference platform', () => {
  let t: ReturnType<typeof tempDir>
  let server: PlatformServer
  let storage: StorageService
  let sync: SyncService

  beforeEach(async () => {
    t = tempDir('sync-test-')
    server = await startPlatformServer({ dataDir: join(t.dir, 'platform'), partSize: 256 * 1024 })
    storage = openStorage(join(t.dir, 'app'))
    sync = makeSync(storage, join(t.dir, 'app'), server.url)
    await signIn(sync)
    sync.start()
  })
  afterEach(async () => {
    sync.dispose()
    storage.close()
    await server.close()
    t.cleanup()
  })

  const states = () => storage.db.prepare('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all()

  it('signs in, pulls catalogue and rosters, delivers lessons, quiz results and a file, and downloads it back verified', async () => {
    expect(sync.status()).toMatchObject({ signedIn: true, teacher: { name: '王丽华' } })
    const cat = await sync.catalogue(false)
    expect(cat.fromCache).toBe(false)
    expect(cat.catalogue.nodes.find((n) => n.id === 'xx-sx-rj-3a-c5')?.name).toBe('5 倍的认识')
    const classes = await sync.classes(false)
    expect(classes.classes.map((c) => [c.name, c.students.length])).toEqual([
      ['三年级(1)班', 42],
      ['三年级(2)班', 44]
    ])

    for (let i = 0; i < 5; i++) enqueue(storage, 'lesson', `L${i}`, lesson(`L${i}`))
    for (let i = 0; i < 3; i++) enqueue(storage, 'quiz-result', `Q${i}`, quiz(`Q${i}`))
    const file = join(t.dir, '微课-倍的认识.mp4')
    writeFileSync(file, randomBytes(1024 * 1024 + 123))
    const progress: number[] = []
    sync.onProgress((p) => progress.push(p.done / p.total))
    sync.enqueueUpload({
      filePath: file,
      title: '倍的认识 微课',
      type: '微课',
      chapterId: 'xx-sx-rj-3a-c5',
      original: true,
      public: true
    })
    await within(10_000, sync.whenIdle())

    expect(states()).toEqual([{ state: 'sent', n: 9 }])
    expect(server.stats()).toMatchObject({ lessonRecords: 5, quizResults: 3, resources: seedResources.length + 1 })
    expect(progress.at(-1)).toBe(1)
    expect(progress.length).toBeGreaterThanOrEqual(5)
    expect(sync.status().lastSyncAt).not.toBeNull()

    const page = await sync.searchResources({ chapterId: 'xx-sx-rj-3a-c5', page: 1, pageSize: 20 })
    expect(page.items[0]!.title).toBe('【原创】倍的认识 微课')
    const got = await sync.downloadResource(page.items[0]!.id)
    expect(readFileSync(got.path).equals(readFileSync(file))).toBe(true)
    expect(got.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'))

    // Offline afterwards: the catalogue and the rosters still answer, from the cache.
    await server.close()
    const cached = await sync.catalogue(true)
    expect(cached.fromCache).toBe(true)
    expect(cached.staleBecause?.code).toBe('UNAVAILABLE')
    expect((await sync.classes(true)).classes).toHaveLength(2)
  })

  it('rides out a storm of 500s with retries and counts every record once', async () => {
    server.faults.failNext(7, { path: '/api/v1/lesson-records' })
    for (let i = 0; i < 4; i++) enqueue(storage, 'lesson', `S${i}`, lesson(`S${i}`))
    await within(10_000, sync.whenIdle())
    expect(states()).toEqual([{ state: 'sent', n: 4 }])
    expect(server.stats().lessonRecords).toBe(4)
    expect(sync.client.stats.retries).toBeGreaterThanOrEqual(7)
  })

  it('refreshes an expired token exactly once for a batch in flight', async () => {
    server.faults.slow(15, { path: '/api/v1/lesson-records' })
    for (let i = 0; i < 24; i++) enqueue(storage, 'lesson', `T${i}`, lesson(`T${i}`))
    sync.retry() // kick
    await until('some records delivered', () => server.stats().lessonRecords >= 6)
    expect(server.faults.expireTokens()).toBeGreaterThanOrEqual(1)
    await within(10_000, sync.whenIdle())
    expect(server.stats().lessonRecords).toBe(24)
    expect(server.stats().refreshes).toBe(1)
    expect(sync.client.stats.refreshes).toBe(1)
  })

  it('delivers a record once when its answer is cut off mid-body after the platform stored it', async () => {
    server.faults.cutNext(3, { path: '/api/v1/lesson-records', phase: 'response' })
    for (let i = 0; i < 3; i++) enqueue(storage, 'lesson', `C${i}`, lesson(`C${i}`))
    await within(10_000, sync.whenIdle())
    expect(states()).toEqual([{ state: 'sent', n: 3 }])
    expect(server.stats().lessonRecords).toBe(3)
    const rows = server.db
      .prepare('SELECT client_record_id, COUNT(*) AS n FROM lesson_records GROUP BY client_record_id')
      .all() as { n: number }[]
    expect(rows.every((r) => r.n === 1)).toBe(true)
  })

  it('waits as long as Retry-After says on 429', async () => {
    server.faults.rateLimit(1, 1, { path: '/api/v1/quiz-results' })
    const started = Date.now()
    enqueue(storage, 'quiz-result', 'R1', quiz('R1'))
    await within(10_000, sync.whenIdle())
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(server.stats().quizResults).toBe(1)
  })

  it('shows a permanent 4xx as failed with the platform message, does not retry it, and retries on request', async () => {
    const bad = enqueue(storage, 'lesson', 'P1', lesson('P1', { classId: 'c-303' }))
    enqueue(storage, 'lesson', 'P2', lesson('P2'))
    await within(10_000, sync.whenIdle())
    const failed = sync.items('failed', 10)
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatchObject({ id: bad, attempts: 1, lastError: { code: 'FORBIDDEN' } })
    expect(failed[0]!.lastError!.message).toContain('三年级(3)班')
    const requests = server.stats().requests
    await new Promise((r) => setTimeout(r, 300)) // six poll intervals
    expect(server.stats().requests).toBe(requests)
    expect(sync.items('failed', 10)[0]!.attempts).toBe(1)

    sync.retry(bad)
    await within(10_000, sync.whenIdle())
    expect(sync.items('failed', 10)[0]!.attempts).toBe(1)
    expect(server.stats().lessonRecords).toBe(1)
  })

  it('keeps each entity in order: a later row waits behind an earlier unsent one', async () => {
    server.faults.failNext(1, { path: '/api/v1/lesson-records', status: 400 })
    enqueue(storage, 'lesson', 'E', lesson('E-1'))
    enqueue(storage, 'lesson', 'E', lesson('E-2'))
    await within(10_000, sync.whenIdle())
    expect(sync.items(undefined, 10).map((i) => [i.label, i.state])).toEqual([
      ['秒的认识 E-1', 'failed'],
      ['秒的认识 E-2', 'pending']
    ])
    expect(server.stats().lessonRecords).toBe(0)
    sync.retry()
    await within(10_000, sync.whenIdle())
    const order = server.db.prepare('SELECT client_record_id FROM lesson_records ORDER BY rowid').all()
    expect(order).toEqual([{ client_record_id: 'E-1' }, { client_record_id: 'E-2' }])
  })

  it('queues while offline and delivers when the platform answers again', async () => {
    const port = server.port
    await server.close()
    for (let i = 0; i < 3; i++) enqueue(storage, 'lesson', `O${i}`, lesson(`O${i}`))
    await until('offline', () => sync.status().phase === 'offline')
    const c = sync.status().counts
    expect(c.pending + c.sending).toBe(3)
    expect(sync.status().lastError?.message).toContain('无法连接教育平台')
    server = await startPlatformServer({ dataDir: join(t.dir, 'platform'), port })
    await until('delivered after reconnect', () => sync.status().counts.sent === 3)
    expect(server.stats().lessonRecords).toBe(3)
  })

  it('loses nothing and duplicates nothing when ClassDeck crashes mid-sync', async () => {
    server.faults.slow(25, { path: '/api/v1/lesson-records' })
    for (let i = 0; i < 30; i++) enqueue(storage, 'lesson', `K${i % 7}`, lesson(`K${i}`))
    await until('some delivered', () => server.stats().lessonRecords >= 8)
    // "Crash": stop everything at once, requests in flight included, and reopen from disk.
    sync.dispose()
    storage.close()
    storage = openStorage(join(t.dir, 'app'))
    const inFlight = (
      storage.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state = 'sending'").get() as { n: number }
    ).n
    expect(inFlight).toBeGreaterThan(0)
    sync = makeSync(storage, join(t.dir, 'app'), server.url)
    sync.start()
    await within(15_000, sync.whenIdle())
    expect(states()).toEqual([{ state: 'sent', n: 30 }])
    expect(server.stats().lessonRecords).toBe(30)
    const dupes = server.db
      .prepare(
        'SELECT COUNT(*) AS n FROM (SELECT client_record_id FROM lesson_records GROUP BY client_record_id HAVING COUNT(*) > 1)'
      )
      .get()
    expect(dupes).toEqual({ n: 0 })
  })

  it('resumes an upload after ClassDeck restarts mid-file, sending only the missing parts', async () => {
    const file = join(t.dir, '课件.pptx')
    writeFileSync(file, randomBytes(256 * 1024 * 12))
    server.faults.slow(40, { path: '/api/v1/resources/uploads/' })
    const id = sync.enqueueUpload({
      filePath: file,
      title: '长方形和正方形的周长',
      type: '课件',
      chapterId: 'xx-sx-rj-3a-c7-s2',
      original: false,
      public: false
    })
    await until('some parts uploaded', () => server.stats().partsReceived >= 4)
    sync.dispose()
    storage.close()
    server.faults.clear()
    // Let the platform finish whatever was already on the wire, then see what it holds.
    let last = -1
    await until('platform settled', async () => {
      const now = server.stats().partsReceived
      const settled = now === last
      last = now
      await new Promise((r) => setTimeout(r, 100))
      return settled
    })
    const held = (server.db.prepare('SELECT COUNT(*) AS n FROM upload_parts').get() as { n: number }).n
    const before = server.stats().partsReceived
    storage = openStorage(join(t.dir, 'app'))
    sync = makeSync(storage, join(t.dir, 'app'), server.url)
    sync.start()
    await within(15_000, sync.whenIdle())
    expect(sync.items(undefined, 5).find((i) => i.id === id)?.state).toBe('sent')
    expect(server.stats().resources).toBe(seedResources.length + 1)
    expect(held).toBeGreaterThanOrEqual(4)
    expect(server.stats().partsReceived - before).toBe(12 - held)
    expect(server.stats().partBytesReceived).toBeLessThan(statSync(file).size + 4 * 256 * 1024)
  })

  it('stops delivering after sign-out and keeps the records', async () => {
    sync.signOut()
    enqueue(storage, 'lesson', 'X1', lesson('X1'))
    await new Promise((r) => setTimeout(r, 150))
    expect(sync.status()).toMatchObject({ phase: 'signed-out', counts: { pending: 1 } })
    expect(server.stats().lessonRecords).toBe(0)
    await signIn(sync)
    await until('delivered after sign-in', () => server.stats().lessonRecords === 1)
  })
})
