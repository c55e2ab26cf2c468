/**
 * Delivers one 'open-lesson' outbox row: uploads its member files one after another with the
 * resumable upload (each under its own idempotency key, `<row key>:m<i>`), remembers each member's
 * platform resource in sync_meta as soon as it is complete, so a retry or a restart goes on from the
 * first member not yet on the platform (and the unfinished one resumes from the parts it holds), then
 * groups the set with POST /api/v1/open-lessons under the row's own key: a set retried at any point
 * arrives once.
 */
import type { Database } from 'better-sqlite3'
import { Resource } from '../../../src-shared/platform/dto'
import { OpenLesson } from '../../../src-shared/platform/open-lesson'
import type { OpenLessonJob } from '../../../src-shared/contract/open-lesson-job'
import { uploadResource, type UploadDeps } from './resumable-upload'
import { postOpenLesson } from './open-lesson-client'

const memberKey = (key: string, i: number) => `open-lesson:${key}:member:${i}`
const setKey = (key: string) => `open-lesson:${key}:set`

/** The member resources already on the platform, by index. */
export function deliveredMembers(db: Database, key: string, count: number): (Resource | null)[] {
  const get = db.prepare('SELECT value FROM sync_meta WHERE key = ?')
  return Array.from({ length: count }, (_, i) => {
    const row = get.get(memberKey(key, i)) as { value: string } | undefined
    const parsed = row ? Resource.safeParse(JSON.parse(row.value)) : null
    return parsed?.success ? parsed.data : null
  })
}

/** The grouped set once the platform has answered, else null. */
export function deliveredSet(db: Database, key: string): OpenLesson | null {
  const row = db.prepare('SELECT value FROM sync_meta WHERE key = ?').get(setKey(key)) as { value: string } | undefined
  const parsed = row ? OpenLesson.safeParse(JSON.parse(row.value)) : null
  return parsed?.success ? parsed.data : null
}

function remember(db: Database, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO sync_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
  ).run(key, JSON.stringify(value))
}

export async function deliverOpenLesson(
  deps: UploadDeps,
  outboxId: number,
  key: string,
  job: OpenLessonJob,
  onProgress: (done: number, total: number) => void
): Promise<OpenLesson> {
  const { db } = deps
  const total = job.members.reduce((s, m) => s + m.size, 0)
  const have = deliveredMembers(db, key, job.members.length)
  let before = 0
  const resources: Resource[] = []
  for (const [i, m] of job.members.entries()) {
    let r = have[i]
    if (!r) {
      const { role: _role, size: _size, ...upload } = m
      r = await uploadResource(deps, outboxId, `${key}:m${i}`, upload, (done) => onProgress(before + done, total))
      remember(db, memberKey(key, i), r)
    }
    before += m.size
    onProgress(before, total)
    resources.push(r)
  }
  const set = await postOpenLesson(
    deps.client,
    {
      level: job.level,
      chapterId: job.chapterId,
      title: job.title,
      resources: resources.map((r, i) => ({ resourceId: r.id, role: job.members[i]!.role }))
    },
    key
  )
  remember(db, setKey(key), set)
  return set
}
