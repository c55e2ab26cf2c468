/** Shared set-up for the sync tests and the benchmark: real SQLite, real reference server. */
import { join } from 'node:path'
import { StorageService, allMigrations } from '../storage'
import { browserSignIn } from '../../../tools/platform-server/testing'
import type { LessonRecordInput, QuizResultInput } from '../../../src-shared/platform/dto'
import { enqueueOutbox } from './outbox-repo'
import { SyncService, type SyncServiceDeps } from './sync-service'
import { FileTokenStore } from './token-store'

export function openStorage(dir: string): StorageService {
  return StorageService.open({ file: join(dir, 'classdeck.db'), migrations: allMigrations, appVersion: 'test' })
}

/** Fast timings so faults play out in milliseconds; everything else as in the app. */
export function makeSync(
  storage: StorageService,
  dir: string,
  url: string | (() => string),
  extra: Partial<SyncServiceDeps> = {}
): SyncService {
  return new SyncService({
    storage,
    dataDir: dir,
    platformUrl: typeof url === 'string' ? () => url : url,
    tokenStore: new FileTokenStore(join(dir, 'platform-tokens.json')),
    retry: { retries: 3, baseDelayMs: 10, maxDelayMs: 80 },
    backoff: { baseMs: 20, maxMs: 200 },
    probe: { baseMs: 30, maxMs: 150 },
    pollMs: 50,
    ...extra
  })
}

/** Signs in as a teacher through the real sign-in page and the service's loopback port. */
export async function signIn(sync: SyncService, username = 'wanglihua'): Promise<void> {
  const { authorizeUrl } = await sync.signInStart()
  const done = sync.signInComplete(10_000)
  const browser = await browserSignIn(authorizeUrl, username, 'classdeck')
  if (browser.status !== 200) throw new Error(`sign-in page answered ${browser.status}`)
  await done
}

export function lesson(id: string, extra: Partial<LessonRecordInput> = {}): LessonRecordInput {
  return {
    clientRecordId: id,
    classId: 'c-301',
    chapterId: 'xx-sx-rj-3a-c1-s1',
    title: `秒的认识 ${id}`,
    startedAt: '2026-09-08T00:50:00.000Z',
    endedAt: '2026-09-08T01:30:00.000Z',
    activeSeconds: 1900,
    usedClassroomDisplay: true,
    ...extra
  }
}

export function quiz(id: string): QuizResultInput {
  return {
    clientResultId: id,
    classId: 'c-301',
    question: { stem: '1 分 = ( ) 秒', kind: 'fill', correctAnswer: '60' },
    startedAt: '2026-09-08T01:00:00.000Z',
    closedAt: '2026-09-08T01:02:00.000Z',
    answers: [
      { studentName: '李子轩', answer: '60', correct: true },
      { studentName: '王欣怡', answer: '100', correct: false }
    ]
  }
}

/** The reference platform's seeded teachers (tools/platform-server/seed-data.ts). */
export const WANG = { id: 't-1001', name: '王丽华', username: 'wanglihua' } as const
export const LI = { id: 't-1002', name: '李建国', username: 'lijianguo' } as const

/** Queues a record made by `teacher` (王丽华 unless said otherwise, the teacher signIn() signs in). */
export function enqueue(
  storage: StorageService,
  kind: string,
  entityId: string,
  payload: unknown,
  teacher: { id: string; name: string } | null = WANG
): number {
  return storage.transaction((db) =>
    enqueueOutbox(db, { kind, entityId, payload, teacher: teacher ? { id: teacher.id, name: teacher.name } : null })
  )
}

/** Waits for a condition, bounded; fails with `what` when it does not come true. */
export async function until(
  what: string,
  cond: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  stepMs = 10
): Promise<void> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await cond()) return
    await new Promise((r) => setTimeout(r, stepMs))
  }
  throw new Error(`timed out waiting for: ${what}`)
}

export async function within<T>(ms: number, p: Promise<T>, what = 'operation'): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      p,
      new Promise<never>(
        (_r, rej) => (timer = setTimeout(() => rej(new Error(`${what} took longer than ${ms} ms`)), ms))
      )
    ])
  } finally {
    clearTimeout(timer)
  }
}
