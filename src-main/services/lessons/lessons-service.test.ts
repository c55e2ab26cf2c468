import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { StorageService, allMigrations } from '../storage'
import { LessonsService, type LessonRules } from './lessons-service'
import type { LessonSummary } from '../../../src-shared/contract/lessons'
import { LessonRecordInput } from '../../../src-shared/platform/dto'
import { setCurrentTeacher } from '../sync/teacher-repo'
import { AppError } from '../../../src-shared/errors'
import { tempDir } from '../../test-utils/temp-dir'

const SEC = 1000
const MIN = 60 * SEC
const T0 = Date.parse('2026-03-02T08:00:00.000Z')

const lesson = { classId: 'c-701', className: '七年级1班', deckId: 'd-1', deckTitle: '勾股定理', chapterId: 'ch-17.1' }

describe('LessonsService', () => {
  let t: ReturnType<typeof tempDir>
  let file: string
  let now: number
  let rules: LessonRules
  let storage: StorageService
  let lessons: LessonsService
  const clock = (): Date => new Date(now)

  function open(): void {
    storage = StorageService.open({ file, migrations: allMigrations, appVersion: 'test', now: clock })
    lessons = new LessonsService({ storage, clock, rules: () => rules })
  }

  /** The renderer's heartbeat every 5 s for `ms` (bounded: at most ms / 5 s beats). */
  function beatFor(id: string, ms: number): void {
    const end = now + ms
    while (now + 5 * SEC <= end) {
      now += 5 * SEC
      lessons.heartbeat(id)
    }
    now = end
  }

  function outboxRows(): { kind: string; entity_id: string; idempotency_key: string; payload: string }[] {
    return storage.db.prepare('SELECT kind, entity_id, idempotency_key, payload FROM outbox ORDER BY id').all() as never
  }

  beforeEach(() => {
    t = tempDir()
    file = join(t.dir, 'classdeck.db')
    now = T0
    rules = { idleMinutes: 5, effectiveLessonMinutes: 15 }
    open()
  })
  afterEach(() => {
    lessons.dispose()
    storage.close()
    t.cleanup()
  })

  it('writes the session the moment playback starts, readable by another connection', () => {
    const s = lessons.start({ ...lesson, slideId: 's1', slideIndex: 0 })
    const other = new BetterSqlite3(file, { readonly: true })
    const row = other
      .prepare('SELECT class_name, deck_title, chapter_id, started_at, ended_at FROM lesson_sessions WHERE id = ?')
      .get(s.sessionId)
    other.close()
    expect(row).toEqual({
      class_name: '七年级1班',
      deck_title: '勾股定理',
      chapter_id: 'ch-17.1',
      started_at: new Date(T0).toISOString(),
      ended_at: null
    })
    expect(s).toMatchObject({ open: true, activeMs: 0, effective: false, paused: null, remainingMs: 15 * MIN })
  })

  it('counts active time while the teacher keeps working, and the heartbeat stores it', () => {
    const { sessionId } = lessons.start(lesson)
    for (let m = 0; m < 4; m++) {
      beatFor(sessionId, MIN)
      lessons.activity(sessionId)
    }
    const other = new BetterSqlite3(file, { readonly: true })
    const row = other.prepare('SELECT active_ms FROM lesson_sessions WHERE id = ?').get(sessionId) as {
      active_ms: number
    }
    other.close()
    expect(row.active_ms).toBe(4 * MIN)
    expect(lessons.status(sessionId)).toMatchObject({ activeMs: 4 * MIN, elapsedMs: 4 * MIN, paused: null })
  })

  it('stops counting after the idle limit and starts again with the next activity', () => {
    const { sessionId } = lessons.start(lesson)
    beatFor(sessionId, 12 * MIN) // nobody touches anything
    let s = lessons.status(sessionId)
    expect(s.activeMs).toBe(5 * MIN)
    expect(s.paused).toBe('idle')
    expect(s.elapsedMs).toBe(12 * MIN)

    lessons.activity(sessionId)
    beatFor(sessionId, 2 * MIN)
    s = lessons.status(sessionId)
    expect(s.activeMs).toBe(7 * MIN)
    expect(s.paused).toBeNull()
  })

  it('follows a changed idle setting at once', () => {
    const { sessionId } = lessons.start(lesson)
    rules = { ...rules, idleMinutes: 2 }
    beatFor(sessionId, 5 * MIN)
    expect(lessons.status(sessionId).activeMs).toBe(2 * MIN)
  })

  it('does not count time while the lesson window is hidden', () => {
    const { sessionId } = lessons.start(lesson)
    beatFor(sessionId, MIN)
    lessons.visibility(sessionId, false)
    beatFor(sessionId, 3 * MIN)
    expect(lessons.status(sessionId)).toMatchObject({ activeMs: MIN, paused: 'hidden' })
    lessons.visibility(sessionId, true) // coming back is activity: the idle limit restarts
    beatFor(sessionId, 4 * MIN)
    expect(lessons.status(sessionId)).toMatchObject({ activeMs: 5 * MIN, paused: null, elapsedMs: 8 * MIN })
  })

  it('records slides shown, tools used and questions run, in order', () => {
    const { sessionId } = lessons.start({ ...lesson, slideId: 's1', slideIndex: 0 })
    now += 10 * SEC
    lessons.recordSlide(sessionId, 's2', 1)
    lessons.recordTool(sessionId, 'pen')
    lessons.recordSlide(sessionId, 's1', 0)
    lessons.recordTool(sessionId, 'name-picker')
    lessons.recordTool(sessionId, 'pen')
    lessons.recordQuestion(sessionId, 'run-1', 'single-choice')
    const d = lessons.get(sessionId)
    expect(d.slidesShown).toBe(2)
    expect(d.toolsUsed).toEqual(['pen', 'name-picker'])
    expect(d.questionsRun).toBe(1)
    expect(d.events.map((e) => `${e.kind}:${e.ref}`)).toEqual([
      'slide:s1',
      'slide:s2',
      'tool:pen',
      'slide:s1',
      'tool:name-picker',
      'tool:pen',
      'question:run-1'
    ])
  })

  it('marks a lesson effective once active time reaches the rule, and says so during class', () => {
    const { sessionId } = lessons.start(lesson)
    for (let m = 0; m < 14; m++) {
      beatFor(sessionId, MIN)
      lessons.activity(sessionId)
    }
    expect(lessons.status(sessionId)).toMatchObject({ activeMs: 14 * MIN, effective: false, remainingMs: MIN })
    beatFor(sessionId, MIN)
    expect(lessons.status(sessionId)).toMatchObject({ activeMs: 15 * MIN, effective: true, remainingMs: 0 })
    const summary = lessons.end(sessionId)
    expect(summary).toMatchObject({ effective: true, effectiveMinutes: 15, activeMs: 15 * MIN, endReason: 'teacher' })
  })

  it('judges a lesson by the configured rule: 14 active minutes do not count under a 20-minute rule', () => {
    rules = { ...rules, effectiveLessonMinutes: 20, idleMinutes: 60 }
    const { sessionId } = lessons.start(lesson)
    beatFor(sessionId, 14 * MIN)
    const summary = lessons.end(sessionId)
    expect(summary).toMatchObject({ effective: false, effectiveMinutes: 20, activeMs: 14 * MIN })
    // A finished lesson keeps the rule it was judged by, even if the setting changes later.
    rules = { ...rules, effectiveLessonMinutes: 10 }
    expect(lessons.status(sessionId)).toMatchObject({ open: false, effective: false, effectiveMinutes: 20 })
  })

  it('queues the finished lesson in the outbox with a stable idempotency key', () => {
    const { sessionId } = lessons.start({ ...lesson, slideId: 's1', slideIndex: 0 })
    beatFor(sessionId, 30 * SEC)
    lessons.recordSlide(sessionId, 's2', 1)
    lessons.recordTool(sessionId, 'countdown')
    const ended: LessonSummary[] = []
    lessons.onDidEnd((s) => ended.push(s))
    lessons.end(sessionId)
    lessons.end(sessionId) // a second end changes nothing and queues nothing
    const rows = outboxRows()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'lesson', entity_id: sessionId, idempotency_key: `lesson:${sessionId}` })
    // The platform's own DTO, exactly: the worker sends it as it is.
    expect(LessonRecordInput.strict().parse(JSON.parse(rows[0]!.payload))).toEqual({
      clientRecordId: sessionId,
      classId: 'c-701',
      chapterId: 'ch-17.1',
      title: '勾股定理',
      startedAt: new Date(T0).toISOString(),
      endedAt: new Date(T0 + 30 * SEC).toISOString(),
      activeSeconds: 30,
      usedClassroomDisplay: true,
      questionCount: 0
    })
    expect(ended).toHaveLength(1)
  })

  it('credits a lesson to the teacher at the computer when it started, even if another is current when it ends', () => {
    setCurrentTeacher(storage.db, { id: 't-1001', name: '王丽华' })
    const { sessionId } = lessons.start(lesson)
    beatFor(sessionId, MIN)
    // 李老师 takes over the shared PC (signs in, or is chosen) before the lesson is ended.
    setCurrentTeacher(storage.db, { id: 't-1002', name: '李建国' })
    const summary = lessons.end(sessionId)
    expect(summary.teacher).toEqual({ id: 't-1001', name: '王丽华' })
    const row = storage.db.prepare('SELECT teacher_id, teacher_name, display FROM outbox').get() as {
      teacher_id: string
      teacher_name: string
      display: string
    }
    expect(row).toMatchObject({ teacher_id: 't-1001', teacher_name: '王丽华' })
    expect(JSON.parse(row.display)).toEqual({
      className: '七年级1班',
      title: '勾股定理',
      at: new Date(T0).toISOString()
    })
  })

  it('records no teacher for a lesson nobody is known for, so it is never sent under a later account', () => {
    const { sessionId } = lessons.start(lesson)
    setCurrentTeacher(storage.db, { id: 't-1002', name: '李建国' })
    expect(lessons.end(sessionId).teacher).toBeNull()
    expect(storage.db.prepare('SELECT teacher_id FROM outbox').get()).toEqual({ teacher_id: null })
  })

  it('ends the lesson and queues it in one transaction: if queueing fails, the lesson stays open', () => {
    const { sessionId } = lessons.start(lesson)
    beatFor(sessionId, MIN)
    storage.db.exec(
      "CREATE TEMP TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    expect(() => lessons.end(sessionId)).toThrow(/disk full/)
    expect(lessons.status(sessionId).open).toBe(true)
    expect(outboxRows()).toHaveLength(0)
    storage.db.exec('DROP TRIGGER outbox_full')
    expect(lessons.end(sessionId).endedAt).not.toBeNull()
    expect(outboxRows()).toHaveLength(1)
  })

  it('closes a session left open by a crash at its last heartbeat, and queues it', () => {
    const { sessionId } = lessons.start(lesson)
    for (let m = 0; m < 3; m++) {
      beatFor(sessionId, MIN)
      lessons.activity(sessionId)
    }
    beatFor(sessionId, 7 * SEC) // one more beat at +3:05, then the app dies 2 s later
    const lastBeat = new Date(now - 2 * SEC).toISOString()
    // Crash: no end(), no dispose(); the process is gone. The app starts again an hour later.
    storage.close()
    now += 60 * MIN
    open()
    expect(lessons.recovered.map((r) => r.id)).toEqual([sessionId])
    const s = lessons.get(sessionId)
    expect(s).toMatchObject({
      endedAt: lastBeat,
      endReason: 'recovered',
      activeMs: 3 * MIN + 5 * SEC,
      effective: false
    })
    expect(outboxRows().map((r) => r.entity_id)).toEqual([sessionId])
    expect(lessons.current()).toBeNull()
  })

  it('finishes the open lesson when a new one starts', () => {
    const first = lessons.start(lesson)
    beatFor(first.sessionId, MIN)
    const second = lessons.start({ ...lesson, deckId: 'd-2', deckTitle: '平方根' })
    expect(lessons.get(first.sessionId)).toMatchObject({ endReason: 'replaced', activeMs: MIN })
    expect(lessons.current()?.sessionId).toBe(second.sessionId)
    expect(outboxRows().map((r) => r.entity_id)).toEqual([first.sessionId])
  })

  it('refuses to record into a lesson that has ended, saying what to do', () => {
    const { sessionId } = lessons.start(lesson)
    lessons.end(sessionId)
    let err: unknown
    try {
      lessons.heartbeat(sessionId)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('CONFLICT')
    expect((err as AppError).message).toMatch(/重新开始放映/)
    expect(() => lessons.status('nope')).toThrow(/找不到这节课/)
  })

  it('lists lessons newest first, filtered by class', () => {
    const a = lessons.start(lesson)
    lessons.end(a.sessionId)
    now += MIN
    const b = lessons.start({ ...lesson, classId: 'c-702', className: '七年级2班' })
    lessons.end(b.sessionId)
    expect(lessons.list({ limit: 10, offset: 0 }).items.map((i) => i.id)).toEqual([b.sessionId, a.sessionId])
    expect(lessons.list({ classId: 'c-701', limit: 10, offset: 0 })).toMatchObject({
      total: 1,
      items: [{ id: a.sessionId }]
    })
  })
})
