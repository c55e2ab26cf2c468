/**
 * Child process for open-lesson-kill.test.ts: ClassDeck's side of a 公开课 share, killed with
 * SIGKILL by the test partway through. It signs in on the reference platform, makes a chaptered,
 * saved deck with a 教案 and a 微课 in the library, shares it as 市级公开课 and starts the worker,
 * printing `share <id> <bytes before the 微课>` and then `p <done>` for every progress event.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CoursewareService } from '../courseware'
import { LessonPlanService } from '../lesson-plans'
import { LibraryService } from '../library'
import { OpenLessonShareService } from './open-lesson-share'
import { makeSync, openStorage, signIn } from './test-kit'

const [dir, url, part] = process.argv.slice(2) as [string, string, string]
const PART = Number(part)
const CHAPTER = { id: 'xx-sx-rj-3a-c8-s1', name: '分数的初步认识' }

async function main(): Promise<void> {
  const storage = openStorage(dir)
  const sync = makeSync(storage, dir, url, { partSize: PART })
  await signIn(sync)
  const courseware = new CoursewareService({ storage, dataDir: dir, autosaveMs: 0 })
  const lessonPlans = new LessonPlanService({ courseware, dataDir: dir })
  const library = new LibraryService({ storage, clock: () => new Date(), dir: join(dir, 'library') })
  const doc = courseware.create({ title: '分数的初步认识', curriculum: { chapter: CHAPTER }, original: true })
  lessonPlans.create(doc.docId)
  await courseware.save(doc.docId, { name: '分数的初步认识' })
  const video = join(dir, '分数的初步认识.mp4')
  writeFileSync(video, randomBytes(PART * 12))
  await library.add({ path: video, title: '分数的初步认识', type: '微课', chapter: { chapter: CHAPTER } })
  const shares = new OpenLessonShareService({ storage, sync, courseware, lessonPlans, library, dataDir: dir })
  const s = await shares.share({ docId: doc.docId, level: '市级', clientKey: randomUUID() })
  process.stdout.write(`share ${s.shareId} ${s.total - s.files[3]!.size}\n`)
  sync.onProgress((p) => process.stdout.write(`p ${p.done}\n`))
  sync.start()
}
main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`)
  process.exit(1)
})
