/**
 * Issue 13, items 11–12: on a shared classroom PC every record reaches the platform under the
 * teacher who made it, in the platform's terms. Real SQLite files, the real reference platform,
 * the real sign-in page; the platform's own database says whose account a record was credited to.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { startPlatformServer, type PlatformServer } from '../../../tools/platform-server/server'
import { tempDir } from '../../test-utils/temp-dir'
import { StorageService, allMigrations } from '../storage'
import { LessonsService } from '../lessons'
import type { QuestionSpec } from '../../../src-shared/classroom/question'
import { QuizResultInput } from '../../../src-shared/platform/dto'
import { enqueueOutbox } from './outbox-repo'
import { quizResultItem } from './quiz-result-record'
import type { SyncService } from './sync-service'
import { LI, WANG, enqueue, lesson, makeSync, openStorage, signIn, until, within } from './test-kit'

describe('records credited to the teacher who made them', () => {
  let t: ReturnType<typeof tempDir>
  let server: PlatformServer
  let storage: StorageService
  let sync: SyncService
  let lessons: LessonsService
  let now = Date.parse('2026-09-08T00:50:00.000Z')

  beforeEach(async () => {
    t = tempDir('teacher-credit-')
    server = await startPlatformServer({ dataDir: join(t.dir, 'platform') })
    storage = openStorage(join(t.dir, 'app'))
    sync = makeSync(storage, join(t.dir, 'app'), server.url)
    lessons = new LessonsService({
      storage,
      clock: () => new Date(now),
      rules: () => ({ idleMinutes: 5, effectiveLessonMinutes: 15 })
    })
    sync.start()
  })
  afterEach(async () => {
    lessons.dispose()
    sync.dispose()
    storage.close()
    await server.close()
    t.cleanup()
  })

  const credited = (table: 'lesson_records' | 'quiz_results') =>
    server.db.prepare(`SELECT teacher_id FROM ${table}`).all() as { teacher_id: string }[]

  /** A 20-minute lesson of 三年级(1)班, which 王丽华 and 李建国 both teach on the platform. */
  function teachLesson(): string {
    const { sessionId } = lessons.start({
      classId: 'c-301',
      className: '三年级(1)班',
      deckId: 'd-1',
      deckTitle: '秒的认识',
      chapterId: 'xx-sx-rj-3a-c1-s1'
    })
    for (let i = 0; i < 240; i++) {
      now += 5000
      lessons.heartbeat(sessionId)
      if (i % 30 === 0) lessons.activity(sessionId)
    }
    lessons.end(sessionId)
    return sessionId
  }

  it('keeps teacher A’s lesson queued while teacher B syncs, and sends it under A once A signs in', async () => {
    await signIn(sync, WANG.username)
    sync.signOut()
    // 王丽华 signed out; her lesson is still hers (this computer's teacher until someone else is chosen).
    const id = teachLesson()
    await signIn(sync, LI.username)
    await within(
      5000,
      sync.syncNow().then(() => sync.whenIdle())
    )
    expect(credited('lesson_records')).toEqual([])
    const [item] = sync.items(undefined, 10)
    expect(item).toMatchObject({
      entityId: id,
      state: 'pending',
      waitingForTeacher: true,
      teacher: { id: WANG.id, name: WANG.name },
      className: '三年级(1)班',
      label: '秒的认识',
      madeAt: '2026-09-08T00:50:00.000Z'
    })
    expect(sync.status()).toMatchObject({
      teacher: { id: LI.id },
      waiting: [{ teacher: { id: WANG.id, name: WANG.name }, count: 1 }],
      phase: 'waiting'
    })

    sync.signOut()
    await signIn(sync, WANG.username)
    await until('delivered under 王丽华', () => credited('lesson_records').length === 1)
    expect(credited('lesson_records')).toEqual([{ teacher_id: WANG.id }])
    await until('marked sent', () => sync.items('sent', 10).length === 1)
    expect(sync.status()).toMatchObject({ phase: 'idle', waiting: [] })
  })

  it('stamps the lesson with the teacher chosen at lesson start, not the one signed in when it is sent', async () => {
    await signIn(sync, WANG.username)
    await signIn(sync, LI.username)
    sync.signOut()
    // On the shared PC 李建国 was the last to sign in; 王丽华 picks herself in the lesson-start chooser.
    expect(sync.teachers().current).toEqual({ id: LI.id, name: LI.name })
    expect(sync.chooseTeacher(WANG.id).current).toEqual({ id: WANG.id, name: WANG.name })
    teachLesson()
    await signIn(sync, LI.username)
    await within(
      5000,
      sync.syncNow().then(() => sync.whenIdle())
    )
    expect(credited('lesson_records')).toEqual([])
    sync.signOut()
    await signIn(sync, WANG.username)
    await until('delivered under 王丽华', () => credited('lesson_records').length === 1)
    expect(credited('lesson_records')).toEqual([{ teacher_id: WANG.id }])
  })

  it('stops a retry in flight when another teacher signs in, so it never goes out with the new token', async () => {
    sync.dispose()
    // Patient request retries, as in the app: the first attempt fails, the retry waits 1.5 s.
    sync = makeSync(storage, join(t.dir, 'app'), server.url, {
      retry: { retries: 2, baseDelayMs: 1500, maxDelayMs: 1500 },
      random: () => 1
    })
    sync.start()
    await signIn(sync, WANG.username)
    server.faults.failNext(1, { path: '/api/v1/lesson-records', status: 503 })
    const before = server.stats().requests
    const id = teachLesson()
    await until(
      'the first attempt refused',
      () => server.stats().requests > before && sync.status().phase === 'syncing'
    )
    // 李建国 signs in on the same PC while 王丽华's retry is waiting.
    await signIn(sync, LI.username)
    await new Promise((r) => setTimeout(r, 2000))
    expect(credited('lesson_records')).toEqual([])
    expect(sync.items(undefined, 10)).toMatchObject([{ entityId: id, state: 'pending', waitingForTeacher: true }])
    await signIn(sync, WANG.username)
    await until('sent under 王丽华', () => credited('lesson_records').length === 1)
    expect(credited('lesson_records')).toEqual([{ teacher_id: WANG.id }])
  })

  it('refuses to choose a teacher who never signed in on this computer', () => {
    expect(() => sync.chooseTeacher('t-9999')).toThrow(/还没有在这台电脑上登录过/)
  })

  it('leaves a record made before teachers were stamped alone until a signed-in teacher claims it', async () => {
    const legacy = enqueue(storage, 'lesson', 'OLD-1', lesson('OLD-1'), null)
    await signIn(sync, WANG.username)
    await within(
      5000,
      sync.syncNow().then(() => sync.whenIdle())
    )
    expect(credited('lesson_records')).toEqual([])
    expect(sync.status().waiting).toEqual([{ teacher: null, count: 1 }])
    sync.claim(legacy)
    await until('claimed and delivered', () => credited('lesson_records').length === 1)
    expect(credited('lesson_records')).toEqual([{ teacher_id: WANG.id }])
  })

  it('caches each teacher’s classes apart, refreshed when the teacher signs in', async () => {
    await signIn(sync, WANG.username)
    await until('王丽华’s classes fetched at sign-in', async () => {
      const v = await sync.classes(false).catch(() => null)
      return v !== null && v.teacher?.id === WANG.id
    })
    expect((await sync.classes(false)).classes.map((c) => c.id)).toEqual(['c-301', 'c-302'])
    await signIn(sync, LI.username)
    await until('李建国’s classes fetched at sign-in', async () => {
      const v = await sync.classes(false).catch(() => null)
      return v !== null && v.teacher?.id === LI.id && !v.classes.some((c) => c.id === 'c-302')
    })
    expect((await sync.classes(false)).classes.map((c) => c.id)).toEqual(['c-301', 'c-303'])
    // Back to 王丽华 in the chooser while 李建国 is signed in: her own cache, never his token's answer.
    sync.chooseTeacher(WANG.id)
    const hers = await sync.classes(true)
    expect(hers).toMatchObject({ teacher: { id: WANG.id }, fromCache: true })
    expect(hers.classes.map((c) => c.id)).toEqual(['c-301', 'c-302'])
    expect(hers.staleBecause?.message).toContain('王丽华老师登录')
  })

  it('refreshes a teacher’s cached classes once they are a day old', async () => {
    sync.dispose()
    let clock = Date.parse('2026-09-08T07:00:00.000Z')
    sync = makeSync(storage, join(t.dir, 'app'), server.url, { clock: () => new Date(clock) })
    sync.start()
    await signIn(sync, WANG.username)
    await until('fetched at sign-in', async () => (await sync.classes(false).catch(() => null)) !== null)
    const first = (await sync.classes(false)).fetchedAt
    clock += 23 * 3600_000
    await new Promise((r) => setTimeout(r, 200))
    expect((await sync.classes(false)).fetchedAt).toBe(first)
    clock += 2 * 3600_000
    await until('refetched after a day', async () => (await sync.classes(false)).fetchedAt !== first)
  })

  it('sends a quiz result as the students saw it, with platform student ids, under the lesson’s teacher', async () => {
    await signIn(sync, WANG.username)
    await until('classes cached', async () => (await sync.classes(false).catch(() => null)) !== null)
    const roster = (await sync.classes(false)).classes.find((c) => c.id === 'c-301')!.students
    const [s1, s2, s3] = roster
    const { sessionId } = lessons.start({
      classId: 'c-301',
      className: '三年级(1)班',
      deckId: 'd',
      deckTitle: '秒',
      chapterId: null
    })
    const spec = (s: unknown) => s as QuestionSpec
    const runs = [
      {
        id: 'run-single',
        spec: spec({ kind: 'single', prompt: '1 分 = ( ) 秒', options: ['30', '60', '100'], correct: 1 }),
        answers: [
          { name: s1!.name, answer: { kind: 'single', choice: 1 }, correct: true },
          { name: s2!.name, answer: { kind: 'single', choice: 2 }, correct: false }
        ]
      },
      {
        id: 'run-multiple',
        spec: spec({ kind: 'multiple', prompt: '哪些是时间单位', options: ['时', '米', '秒'], correct: [2, 0] }),
        answers: [{ name: s1!.name, answer: { kind: 'multiple', choices: [2, 0] }, correct: true }]
      },
      {
        id: 'run-judge',
        spec: spec({ kind: 'truefalse', prompt: '1 时 = 60 分', correct: true }),
        answers: [{ name: s3!.name, answer: { kind: 'truefalse', value: false }, correct: false }]
      },
      {
        id: 'run-fill',
        spec: spec({ kind: 'fillin', prompt: '1 分 = ___ 秒', blanks: [{ accepted: ['60', '六十'] }] }),
        answers: [{ name: '临时来的同学', answer: { kind: 'fillin', texts: ['六十'] }, correct: true }]
      }
    ] as const
    storage.transaction((db) => {
      for (const r of runs) {
        const item = quizResultItem(db, {
          id: r.id,
          lessonSessionId: sessionId,
          spec: r.spec,
          launchedAt: '2026-09-08T01:00:00.000Z',
          closedAt: '2026-09-08T01:01:00.000Z',
          answers: r.answers.map((a) => ({ ...a, answer: a.answer as never, receivedAt: '2026-09-08T01:00:30.000Z' }))
        })!
        enqueueOutbox(db, { kind: 'quiz-result', entityId: r.id, ...item })
      }
    })
    await until('four results on the platform', () => credited('quiz_results').length === 4)
    expect(credited('quiz_results').map((r) => r.teacher_id)).toEqual([WANG.id, WANG.id, WANG.id, WANG.id])
    const body = (id: string) =>
      QuizResultInput.parse(
        JSON.parse(
          (
            server.db.prepare('SELECT body FROM quiz_results WHERE client_result_id = ?').get(id) as {
              body: string
            }
          ).body
        )
      )
    expect(body('run-single').question).toEqual({ stem: '1 分 = ( ) 秒', kind: 'single', correctAnswer: 'B' })
    expect(body('run-single').answers.map((a) => [a.studentId, a.answer, a.correct])).toEqual([
      [s1!.id, 'B', true],
      [s2!.id, 'C', false]
    ])
    expect(body('run-multiple').question.correctAnswer).toBe('AC')
    expect(body('run-multiple').answers[0]!.answer).toBe('AC')
    expect(body('run-judge').question).toMatchObject({ kind: 'judge', correctAnswer: '对' })
    expect(body('run-judge').answers[0]).toMatchObject({ studentId: s3!.id, answer: '错' })
    // A name not on the platform roster is sent by name only.
    expect(body('run-fill').question).toMatchObject({ kind: 'fill', correctAnswer: '60/六十' })
    expect(body('run-fill').answers[0]).toEqual({
      studentName: '临时来的同学',
      answer: '六十',
      correct: true,
      answeredAt: '2026-09-08T01:00:30.000Z'
    })
  })

  it('does not queue a question that ran outside any lesson (the platform could not file it)', () => {
    const item = storage.transaction((db) =>
      quizResultItem(db, {
        id: 'r',
        lessonSessionId: null,
        spec: { kind: 'poll', prompt: '喜欢吗', options: ['喜欢', '不喜欢'], multi: false } as QuestionSpec,
        launchedAt: '2026-09-08T01:00:00.000Z',
        closedAt: null,
        answers: []
      })
    )
    expect(item).toBeNull()
  })

  it('deletes a failed item only, and says so for any other', async () => {
    await signIn(sync, WANG.username)
    // 三年级(3)班 is not 王丽华’s: the platform refuses it for good.
    const bad = enqueue(storage, 'lesson', 'P1', lesson('P1', { classId: 'c-303' }))
    const good = enqueue(storage, 'lesson', 'P2', lesson('P2'))
    await until(
      'one failed, one sent',
      () => sync.status().counts.failed === 1 && credited('lesson_records').length === 1
    )
    await until('the headline says a row needs the teacher', () => sync.status().phase === 'failed')
    expect(() => sync.remove(good)).toThrow(/只能删除上传失败的记录/)
    expect(sync.remove(bad).counts).toMatchObject({ failed: 0, sent: 1 })
    expect(sync.items(undefined, 10).map((i) => i.id)).toEqual([good])
  })
})

describe('migration 10 on a database from before teachers were stamped', () => {
  it('backs the file up, then rewrites the old lesson and quiz payloads as the platform’s DTOs', () => {
    const t = tempDir('outbox-migration-')
    const file = join(t.dir, 'classdeck.db')
    const old = StorageService.open({ file, migrations: allMigrations.slice(0, 9), appVersion: 'old' })
    old.db
      .prepare(
        `INSERT INTO lesson_sessions(id, class_id, class_name, deck_id, deck_title, started_at, ended_at, end_reason,
           last_heartbeat_at, accounted_at, last_activity_at, active_ms, effective, effective_minutes)
         VALUES ('sess-1', 'c-301', '三年级(1)班', 'd1', '分数的初步认识', '2026-09-08T00:50:00.000Z',
           '2026-09-08T01:30:00.000Z', 'teacher', '2026-09-08T01:30:00.000Z', '2026-09-08T01:30:00.000Z',
           '2026-09-08T01:30:00.000Z', 1234567, 1, 15)`
      )
      .run()
    const put = old.db.prepare(
      `INSERT INTO outbox(kind, entity_id, idempotency_key, payload, created_at, updated_at) VALUES (?, ?, ?, ?, 'x', 'x')`
    )
    put.run(
      'lesson',
      'sess-1',
      'lesson:sess-1',
      JSON.stringify({
        id: 'sess-1',
        classId: 'c-301',
        className: '三年级(1)班',
        deckId: 'd1',
        deckTitle: '分数的初步认识',
        chapterId: null,
        startedAt: '2026-09-08T00:50:00.000Z',
        endedAt: '2026-09-08T01:30:00.000Z',
        activeMs: 1_234_567,
        questionsRun: 2,
        slideIds: []
      })
    )
    put.run(
      'quiz-result',
      'run-1',
      'quiz-result:run-1',
      JSON.stringify({
        runId: 'run-1',
        lessonSessionId: 'sess-1',
        spec: { kind: 'single', prompt: '哪个大', options: ['1/2', '1/3'], correct: 0 },
        launchedAt: '2026-09-08T01:00:00.000Z',
        closedAt: '2026-09-08T01:01:00.000Z',
        answers: [{ name: '李子轩', answer: { kind: 'single', choice: 0 }, correct: true, receivedAt: null }]
      })
    )
    old.close()

    const s = StorageService.open({ file, migrations: allMigrations, appVersion: 'new' })
    try {
      expect(existsSync(join(t.dir, 'backups')) && readdirSync(join(t.dir, 'backups')).length).toBeGreaterThan(0)
      const rows = s.db.prepare('SELECT kind, payload, display, teacher_id FROM outbox ORDER BY id').all() as {
        kind: string
        payload: string
        display: string
        teacher_id: string | null
      }[]
      expect(JSON.parse(rows[0]!.payload)).toEqual({
        clientRecordId: 'sess-1',
        classId: 'c-301',
        title: '分数的初步认识',
        startedAt: '2026-09-08T00:50:00.000Z',
        endedAt: '2026-09-08T01:30:00.000Z',
        activeSeconds: 1235,
        usedClassroomDisplay: true,
        questionCount: 2
      })
      expect(JSON.parse(rows[0]!.display)).toEqual({
        className: '三年级(1)班',
        title: '分数的初步认识',
        at: '2026-09-08T00:50:00.000Z'
      })
      expect(QuizResultInput.parse(JSON.parse(rows[1]!.payload))).toMatchObject({
        classId: 'c-301',
        lessonRecordId: 'sess-1',
        question: { kind: 'single', correctAnswer: 'A' },
        answers: [{ studentName: '李子轩', answer: 'A', correct: true }]
      })
      // Whose they were is not known: they wait for a teacher to claim them.
      expect(rows.map((r) => r.teacher_id)).toEqual([null, null])
    } finally {
      s.close()
      t.cleanup()
    }
  })
})
