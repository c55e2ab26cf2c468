/**
 * LessonSession records: who taught what, for how long. Each call writes at once (every write
 * is also a heartbeat), so a crash loses at most the time since the last call; sessions found
 * open when the service starts are closed at their last heartbeat. A session is queued for the
 * platform in the same transaction that ends it.
 */
import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { z } from 'zod'
import {
  type LessonStart,
  type LessonDetail,
  type LessonEndReason,
  type LessonStatus,
  type LessonSummary,
  type LessonTool,
  type GroupScore
} from '../../../src-shared/contract/lessons'
import { AppError } from '../../../src-shared/errors'
import {
  advance,
  markActivity,
  pauseReason,
  setVisible,
  type ActiveClock
} from '../../../src-shared/lessons/active-time'
import type { StorageService } from '../storage'
import { enqueueOutbox } from '../sync/outbox-repo'
import { currentTeacher } from '../sync/teacher-repo'
import { LessonRecordInput } from '../../../src-shared/platform/dto'
import { Emitter } from '../../util/emitter'
import * as repo from './lessons-repo'

export interface LessonRules {
  /** Minutes without activity after which time stops counting. */
  readonly idleMinutes: number
  /** Active minutes for 有效授课. */
  readonly effectiveLessonMinutes: number
}

export interface LessonsServiceDeps {
  readonly storage: StorageService
  readonly clock: () => Date
  /** Read on every call, so a changed setting applies at once. */
  readonly rules: () => LessonRules
  readonly newId?: () => string
}

const MINUTE = 60_000

export class LessonsService {
  readonly #storage: StorageService
  readonly #clock: () => Date
  readonly #rules: () => LessonRules
  readonly #newId: () => string
  readonly #onDidEnd = new Emitter<LessonSummary>()
  readonly onDidEnd = this.#onDidEnd.event
  /** Sessions a crash left open, closed at their last heartbeat when this service started. */
  readonly recovered: readonly LessonSummary[]

  constructor(deps: LessonsServiceDeps) {
    this.#storage = deps.storage
    this.#clock = deps.clock
    this.#rules = deps.rules
    this.#newId = deps.newId ?? randomUUID
    this.recovered = this.#recoverOpenSessions()
  }

  get #db(): Database {
    return this.#storage.db
  }

  /** A lesson as the contract parsed it (chapterId null when the deck is on no chapter). */
  start(s: z.output<typeof LessonStart>): LessonStatus {
    const now = this.#clock()
    const at = now.toISOString()
    const id = this.#newId()
    const ended = this.#storage.transaction((db) => {
      // One lesson plays at a time: an open one is finished (and queued) before the next begins.
      const closed = repo.openSessions(db).map((row) => this.#close(db, row, now, 'replaced'))
      repo.insertSession(db, {
        id,
        classId: s.classId,
        className: s.className,
        deckId: s.deckId,
        deckTitle: s.deckTitle,
        chapterId: s.chapterId,
        at,
        // Stamped now: the teacher at this computer when the lesson begins is the one it is credited to.
        teacher: currentTeacher(db)
      })
      if (s.slideId !== undefined) {
        repo.insertEvent(db, {
          sessionId: id,
          at,
          kind: 'slide',
          ref: s.slideId,
          detail: s.slideIndex === undefined ? null : String(s.slideIndex)
        })
      }
      return closed
    })
    for (const e of ended) this.#onDidEnd.fire(e)
    return this.status(id)
  }

  heartbeat(sessionId: string): LessonStatus {
    return this.#update(sessionId, (c, now, idle) => advance(c, now, idle))
  }

  activity(sessionId: string): LessonStatus {
    return this.#update(sessionId, (c, now, idle) => markActivity(c, now, idle))
  }

  visibility(sessionId: string, visible: boolean): LessonStatus {
    return this.#update(sessionId, (c, now, idle) => setVisible(c, visible, now, idle))
  }

  recordSlide(sessionId: string, slideId: string, slideIndex: number): LessonStatus {
    return this.#update(
      sessionId,
      (c, now, idle) => markActivity(c, now, idle),
      (db, at) => repo.insertEvent(db, { sessionId, at, kind: 'slide', ref: slideId, detail: String(slideIndex) })
    )
  }

  /** A tool used; 小组PK's scores go into the record with it (the last such event holds the lesson's scores). */
  recordTool(sessionId: string, tool: LessonTool, scores?: readonly GroupScore[]): LessonStatus {
    const detail = scores ? JSON.stringify({ scores }) : null
    return this.#update(
      sessionId,
      (c, now, idle) => markActivity(c, now, idle),
      (db, at) => repo.insertEvent(db, { sessionId, at, kind: 'tool', ref: tool, detail })
    )
  }

  recordQuestion(sessionId: string, questionRunId: string, questionKind?: string): LessonStatus {
    return this.#update(
      sessionId,
      (c, now, idle) => markActivity(c, now, idle),
      (db, at) =>
        repo.insertEvent(db, { sessionId, at, kind: 'question', ref: questionRunId, detail: questionKind ?? null })
    )
  }

  end(sessionId: string): LessonSummary {
    const now = this.#clock()
    const [summary, endedNow] = this.#storage.transaction((db): [LessonSummary, boolean] => {
      const row = repo.getSession(db, sessionId)
      if (!row) throw notFound(sessionId)
      if (row.ended_at !== null) return [repo.summaryOf(db, row), false] // ending twice is harmless
      return [this.#close(db, row, now, 'teacher'), true]
    })
    if (endedNow) this.#onDidEnd.fire(summary)
    return summary
  }

  status(sessionId: string): LessonStatus {
    const row = repo.getSession(this.#db, sessionId)
    if (!row) throw notFound(sessionId)
    return this.#statusOf(row, this.#clock().getTime())
  }

  /** The open lesson, if one is playing (a renderer that reloads finds its session again). */
  current(): LessonStatus | null {
    const open = repo.openSessions(this.#db)
    const last = open[open.length - 1]
    return last ? this.#statusOf(last, this.#clock().getTime()) : null
  }

  list(q: { classId?: string | undefined; limit: number; offset: number }): { items: LessonSummary[]; total: number } {
    const { rows, total } = repo.listSessions(this.#db, q)
    return { items: rows.map((r) => repo.summaryOf(this.#db, r)), total }
  }

  get(id: string): LessonDetail {
    const row = repo.getSession(this.#db, id)
    if (!row) throw notFound(id)
    return { ...repo.summaryOf(this.#db, row), events: repo.eventsOf(this.#db, id) }
  }

  dispose(): void {
    this.#onDidEnd.dispose()
  }

  #update(
    sessionId: string,
    change: (c: ActiveClock, now: number, idleMs: number) => ActiveClock,
    record?: (db: Database, at: string) => void
  ): LessonStatus {
    const now = this.#clock()
    const idleMs = this.#idleMs()
    return this.#storage.transaction((db) => {
      const row = repo.getSession(db, sessionId)
      if (!row) throw notFound(sessionId)
      if (row.ended_at !== null) throw alreadyEnded(row)
      const at = now.toISOString()
      repo.saveClock(db, sessionId, change(repo.clockOf(row), now.getTime(), idleMs), at)
      record?.(db, at)
      return this.#statusOf(repo.getSession(db, sessionId)!, now.getTime())
    })
  }

  /** Ends one session inside the caller's transaction and queues it; returns its summary. */
  #close(db: Database, row: repo.SessionRow, now: Date, reason: LessonEndReason): LessonSummary {
    // A recovered session ends at its last heartbeat: the time after the crash never happened.
    const endAt = reason === 'recovered' ? row.last_heartbeat_at : now.toISOString()
    if (reason !== 'recovered') {
      repo.saveClock(db, row.id, advance(repo.clockOf(row), now.getTime(), this.#idleMs()), endAt)
    }
    const minutes = this.#rules().effectiveLessonMinutes
    const activeMs = reason === 'recovered' ? row.active_ms : repo.getSession(db, row.id)!.active_ms
    repo.closeSession(db, row.id, {
      at: endAt,
      reason,
      effective: activeMs >= minutes * MINUTE,
      effectiveMinutes: minutes
    })
    const summary = repo.summaryOf(db, repo.getSession(db, row.id)!)
    // The platform's DTO, checked once here; the sync worker reads it back with the same schema.
    const record = LessonRecordInput.safeParse({
      clientRecordId: summary.id,
      classId: summary.classId,
      ...(summary.chapterId ? { chapterId: summary.chapterId } : {}),
      title: [...(summary.deckTitle.trim() || summary.className.trim() || '课堂教学')].slice(0, 200).join(''),
      startedAt: new Date(summary.startedAt).toISOString(),
      endedAt: new Date(summary.endedAt ?? endAt).toISOString(),
      activeSeconds: Math.min(24 * 3600, Math.round(summary.activeMs / 1000)),
      // A lesson session is the presenter on the classroom display.
      usedClassroomDisplay: true,
      questionCount: summary.questionsRun
    })
    // LessonStart keeps ids within the platform's limits, so only a session from an older version
    // could fail here; ending it must not fail with it, and it then stays on this computer.
    if (record.success) {
      enqueueOutbox(
        db,
        {
          kind: 'lesson',
          entityId: row.id,
          payload: record.data,
          idempotencyKey: `lesson:${row.id}`,
          teacher: summary.teacher,
          display: {
            className: [...summary.className].slice(0, 200).join(''),
            title: record.data.title,
            at: record.data.startedAt
          }
        },
        now
      )
    }
    return summary
  }

  #recoverOpenSessions(): LessonSummary[] {
    const now = this.#clock()
    return this.#storage.transaction((db) => repo.openSessions(db).map((row) => this.#close(db, row, now, 'recovered')))
  }

  #idleMs(): number {
    return this.#rules().idleMinutes * MINUTE
  }

  #statusOf(row: repo.SessionRow, nowMs: number): LessonStatus {
    const rules = this.#rules()
    const open = row.ended_at === null
    const idleMs = rules.idleMinutes * MINUTE
    const c = open ? advance(repo.clockOf(row), nowMs, idleMs) : repo.clockOf(row)
    const minutes = open ? rules.effectiveLessonMinutes : (row.effective_minutes ?? rules.effectiveLessonMinutes)
    const activeMs = Math.round(c.activeMs)
    const started = Date.parse(row.started_at)
    const until = open ? Math.max(nowMs, started) : Date.parse(row.ended_at!)
    return {
      sessionId: row.id,
      open,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      elapsedMs: Math.max(0, until - started),
      activeMs,
      effectiveMinutes: minutes,
      effective: open ? activeMs >= minutes * MINUTE : row.effective === 1,
      remainingMs: Math.max(0, minutes * MINUTE - activeMs),
      paused: open ? pauseReason(c, nowMs, idleMs) : null,
      idleMinutes: rules.idleMinutes
    }
  }
}

function notFound(id: string): AppError {
  return new AppError(
    'NOT_FOUND',
    `找不到这节课的记录（${id}）。请重新开始放映，系统会自动新建授课记录。`,
    `No lesson record ${id} was found. Start playback again and a new lesson record will be created.`,
    { id }
  )
}

function alreadyEnded(row: repo.SessionRow): AppError {
  return new AppError(
    'CONFLICT',
    `这节课已在 ${row.ended_at} 结束，不能再记录。请重新开始放映以开始新的一节课。`,
    `This lesson ended at ${row.ended_at} and cannot record more. Start playback again to begin a new lesson.`,
    { id: row.id, endedAt: row.ended_at, endReason: row.end_reason }
  )
}
