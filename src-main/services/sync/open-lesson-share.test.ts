import { afterEach, describe, expect, it } from 'vitest'
import { randomBytes, randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startPlatformServer, type PlatformServer } from '../../../tools/platform-server/server'
import { tempDir } from '../../test-utils/temp-dir'
import { AppError } from '../../../src-shared/errors'
import { CoursewareService } from '../courseware'
import { LessonPlanService } from '../lesson-plans'
import { LibraryService } from '../library'
import type { StorageService } from '../storage'
import { OpenLessonShareService } from './open-lesson-share'
import type { SyncService } from './sync-service'
import { makeSync, openStorage, signIn, until, within } from './test-kit'

const PART = 64 * 1024
const CHAPTER = { id: 'xx-sx-rj-3a-c8-s1', name: '分数的初步认识' }

describe('分享为公开课 against the reference platform', () => {
  const closers: (() => unknown)[] = []
  afterEach(async () => {
    for (const c of closers.splice(0).reverse()) await c()
  })

  async function setup(opts: { video?: boolean } = {}) {
    const t = tempDir('open-lesson-')
    closers.push(t.cleanup)
    const server: PlatformServer = await startPlatformServer({ dataDir: join(t.dir, 'platform'), partSize: PART })
    closers.push(() => server.close())
    const dir = join(t.dir, 'app')
    const storage: StorageService = openStorage(dir)
    closers.push(() => storage.close())
    let sync: SyncService = makeSync(storage, dir, server.url, { partSize: PART })
    closers.push(() => sync.dispose())
    await signIn(sync)
    const courseware = new CoursewareService({ storage, dataDir: dir, autosaveMs: 0 })
    closers.push(() => courseware.dispose())
    const lessonPlans = new LessonPlanService({ courseware, dataDir: dir })
    const library = new LibraryService({ storage, clock: () => new Date(), dir: join(dir, 'library') })
    closers.push(() => library.dispose())
    const doc = courseware.create({ title: '分数的初步认识', curriculum: { chapter: CHAPTER }, original: true })
    lessonPlans.create(doc.docId)
    await courseware.save(doc.docId, { name: '分数的初步认识' })
    if (opts.video) {
      const file = join(t.dir, '分数的初步认识.mp4')
      writeFileSync(file, randomBytes(PART * 12))
      await library.add({ path: file, title: '分数的初步认识', type: '微课', chapter: { chapter: CHAPTER } })
    }
    const make = () => new OpenLessonShareService({ storage, sync, courseware, lessonPlans, library, dataDir: dir })
    return {
      server,
      storage,
      docId: doc.docId,
      courseware,
      make,
      get sync() {
        return sync
      },
      /** A new worker on the same database, as after ClassDeck is killed and started again. */
      restartSync() {
        sync = makeSync(storage, dir, server.url, { partSize: PART })
        closers.push(() => sync.dispose())
        sync.start()
      }
    }
  }

  it('sends the set once with its marks after a crash mid-upload and a retried share', async () => {
    const s = await setup({ video: true })
    const shares = s.make()
    const preview = shares.prepare(s.docId)
    expect(preview).toMatchObject({ saved: true, chapter: CHAPTER, teacher: { name: '王丽华' } })
    expect(preview.video?.title).toBe('分数的初步认识')
    s.server.faults.apply({ op: 'slow', delayMs: 40, path: '/api/v1/resources/uploads/' })
    const clientKey = randomUUID()
    const first = await shares.share({ docId: s.docId, level: '区县级', clientKey })
    expect(first.files.map((f) => [f.role, f.title])).toEqual([
      ['教学设计', '【原创】【区县级公开课】分数的初步认识 教学设计'],
      ['课件', '【原创】【区县级公开课】分数的初步认识'],
      ['课件', '【原创】【区县级公开课】分数的初步认识（教学助手课件）'],
      ['微课', '【原创】【区县级公开课】分数的初步认识 微课']
    ])
    s.sync.start()
    // Into the 微课's parts: the first three files are on the platform, the fourth is half there.
    const videoStart = first.total - first.files[3]!.size
    await until(
      'part of the 微课 sent',
      () => (s.sync.progressOf(first.shareId)?.done ?? 0) > videoStart + 3 * PART,
      30_000
    )
    const mid = shares.status(first.shareId)
    expect(mid.files.slice(0, 3).every((f) => f.uploaded)).toBe(true)
    expect(mid.files[3]!.uploaded).toBe(false)
    expect(mid.files[3]!.done).toBeGreaterThan(0)
    // ClassDeck dies: requests in flight stop and the row is left 'sending', as a kill leaves it.
    s.sync.dispose()
    const partsBefore = s.server.stats().partsReceived
    // The teacher presses 分享 again in the same dialog: the same share, not a second one.
    const again = await s.make().share({ docId: s.docId, level: '区县级', clientKey })
    expect(again.shareId).toBe(first.shareId)
    s.server.faults.apply({ op: 'clear' })
    s.restartSync()
    await within(
      30_000,
      until('set delivered', () => shares.status(first.shareId).state === 'sent', 30_000)
    )

    const done = shares.status(first.shareId)
    expect(done.done).toBe(done.total)
    expect(done.set).toMatchObject({ level: '区县级', chapterId: CHAPTER.id, ownerName: '王丽华' })
    const db = s.server.db
    expect(db.prepare('SELECT COUNT(*) AS n FROM open_lessons').get()).toEqual({ n: 1 })
    const rows = db
      .prepare(
        "SELECT r.title, r.type, m.role, r.owner_id AS owner FROM resources r JOIN open_lesson_members m ON m.resource_id = r.id WHERE r.id NOT LIKE 'res-seed-%' ORDER BY m.ord"
      )
      .all()
    expect(rows).toEqual([
      { title: '【原创】【区县级公开课】分数的初步认识 教学设计', type: '教案', role: '教学设计', owner: 't-1001' },
      { title: '【原创】【区县级公开课】分数的初步认识', type: '课件', role: '课件', owner: 't-1001' },
      { title: '【原创】【区县级公开课】分数的初步认识（教学助手课件）', type: '课件', role: '课件', owner: 't-1001' },
      { title: '【原创】【区县级公开课】分数的初步认识 微课', type: '微课', role: '微课', owner: 't-1001' }
    ])
    // Nothing uploaded twice: four resources, and only the 微课's missing parts were sent after the restart.
    expect(db.prepare("SELECT COUNT(*) AS n FROM resources WHERE id NOT LIKE 'res-seed-%'").get()).toEqual({ n: 4 })
    expect(s.server.stats().partsReceived - partsBefore).toBeLessThanOrEqual(12 - 3 + 1)
  }, 60_000)

  it('says what is missing: no lesson plan, not saved, no chapter; and goes without a 微课 when there is none', async () => {
    const s = await setup()
    const shares = s.make()
    expect(shares.prepare(s.docId).video).toBeNull()
    const bare = s.courseware.create({ title: '没有教案的课', curriculum: { chapter: CHAPTER } })
    await s.courseware.save(bare.docId, { name: '没有教案的课' })
    const refused = async (docId: string) =>
      (await shares.share({ docId, level: '校级', clientKey: randomUUID() }).catch((e: unknown) => e)) as AppError
    expect((await refused(bare.docId)).message).toContain('还没有教案')
    const unsaved = s.courseware.create({ title: '未保存', curriculum: { chapter: CHAPTER } })
    new LessonPlanService({ courseware: s.courseware, dataDir: '/unused' }).create(unsaved.docId)
    expect((await refused(unsaved.docId)).message).toContain('请先保存课件')
    const unfiled = s.courseware.create({ title: '没有章节' })
    expect((await refused(unfiled.docId)).message).toContain('还没有挂到教材章节上')
    expect(s.storage.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'open-lesson'").get()).toEqual({ n: 0 })

    const ok = await shares.share({ docId: s.docId, level: '省级', clientKey: randomUUID() })
    expect(ok.files.map((f) => f.role)).toEqual(['教学设计', '课件', '课件'])
    s.sync.start()
    await until('set delivered', () => shares.status(ok.shareId).state === 'sent', 20_000)
    expect(shares.status(ok.shareId).set?.resources.map((r) => r.resource.title)).toEqual([
      '【原创】【省级公开课】分数的初步认识 教学设计',
      '【原创】【省级公开课】分数的初步认识',
      '【原创】【省级公开课】分数的初步认识（教学助手课件）'
    ])
  }, 60_000)
})
