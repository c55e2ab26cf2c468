/** SQL for lesson sessions. Every function takes the open database; callers own transactions. */
import type { Database } from 'better-sqlite3'
import type { LessonEvent, LessonSummary, LessonTool } from '../../../src-shared/contract/lessons'
import type { ActiveClock } from '../../../src-shared/lessons/active-time'

export interface SessionRow {
  id: string
  class_id: string
  class_name: string
  deck_id: string
  deck_title: string
  chapter_id: string | null
  started_at: string
  ended_at: string | null
  end_reason: LessonSummary['endReason']
  last_heartbeat_at: string
  accounted_at: string
  last_activity_at: string
  visible: 0 | 1
  active_ms: number
  effective: 0 | 1 | null
  effective_minutes: number | null
  teacher_id: string | null
  teacher_name: string | null
}

export interface NewSession {
  id: string
  classId: string
  className: string
  deckId: string
  deckTitle: string
  chapterId: string | null
  at: string
  teacher: { id: string; name: string } | null
}

export function insertSession(db: Database, s: NewSession): void {
  db.prepare(
    `INSERT INTO lesson_sessions(id, class_id, class_name, deck_id, deck_title, chapter_id, started_at,
       last_heartbeat_at, accounted_at, last_activity_at, visible, active_ms, teacher_id, teacher_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?)`
  ).run(
    s.id,
    s.classId,
    s.className,
    s.deckId,
    s.deckTitle,
    s.chapterId,
    s.at,
    s.at,
    s.at,
    s.at,
    s.teacher?.id ?? null,
    s.teacher?.name ?? null
  )
}

export function getSession(db: Database, id: string): SessionRow | undefined {
  return db.prepare('SELECT * FROM lesson_sessions WHERE id = ?').get(id) as SessionRow | undefined
}

export function openSessions(db: Database): SessionRow[] {
  return db.prepare('SELECT * FROM lesson_sessions WHERE ended_at IS NULL ORDER BY started_at').all() as SessionRow[]
}

export function clockOf(row: SessionRow): ActiveClock {
  return {
    activeMs: row.active_ms,
    accountedAt: Date.parse(row.accounted_at),
    lastActivityAt: Date.parse(row.last_activity_at),
    visible: row.visible === 1
  }
}

/** Writes the clock and the heartbeat together: one UPDATE, so they never disagree on disk. */
export function saveClock(db: Database, id: string, c: ActiveClock, heartbeatAt: string): void {
  db.prepare(
    `UPDATE lesson_sessions SET active_ms = ?, accounted_at = ?, last_activity_at = ?, visible = ?,
       last_heartbeat_at = max(last_heartbeat_at, ?)
     WHERE id = ? AND ended_at IS NULL`
  ).run(
    Math.round(c.activeMs),
    new Date(c.accountedAt).toISOString(),
    new Date(c.lastActivityAt).toISOString(),
    c.visible ? 1 : 0,
    heartbeatAt,
    id
  )
}

export function closeSession(
  db: Database,
  id: string,
  end: { at: string; reason: NonNullable<LessonSummary['endReason']>; effective: boolean; effectiveMinutes: number }
): void {
  db.prepare(
    `UPDATE lesson_sessions SET ended_at = ?, end_reason = ?, effective = ?, effective_minutes = ?
     WHERE id = ? AND ended_at IS NULL`
  ).run(end.at, end.reason, end.effective ? 1 : 0, end.effectiveMinutes, id)
}

export function insertEvent(
  db: Database,
  e: { sessionId: string; at: string; kind: LessonEvent['kind']; ref: string; detail: string | null }
): void {
  db.prepare('INSERT INTO lesson_events(session_id, at, kind, ref, detail) VALUES (?, ?, ?, ?, ?)').run(
    e.sessionId,
    e.at,
    e.kind,
    e.ref,
    e.detail
  )
}

export function eventsOf(db: Database, sessionId: string): LessonEvent[] {
  return db
    .prepare('SELECT at, kind, ref, detail FROM lesson_events WHERE session_id = ? ORDER BY id')
    .all(sessionId) as LessonEvent[]
}

interface Counts {
  slides: number
  questions: number
  tools: string | null
}

function countsOf(db: Database, sessionId: string): Counts {
  return db
    .prepare(
      `SELECT
         (SELECT count(DISTINCT ref) FROM lesson_events WHERE session_id = @id AND kind = 'slide') AS slides,
         (SELECT count(DISTINCT ref) FROM lesson_events WHERE session_id = @id AND kind = 'question') AS questions,
         (SELECT json_group_array(ref) FROM (SELECT ref, min(id) AS first FROM lesson_events
            WHERE session_id = @id AND kind = 'tool' GROUP BY ref ORDER BY first)) AS tools`
    )
    .get({ id: sessionId }) as Counts
}

export function summaryOf(db: Database, row: SessionRow): LessonSummary {
  const c = countsOf(db, row.id)
  return {
    id: row.id,
    classId: row.class_id,
    className: row.class_name,
    teacher: row.teacher_id ? { id: row.teacher_id, name: row.teacher_name ?? row.teacher_id } : null,
    deckId: row.deck_id,
    deckTitle: row.deck_title,
    chapterId: row.chapter_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    endReason: row.end_reason,
    activeMs: row.active_ms,
    effective: row.effective === null ? null : row.effective === 1,
    effectiveMinutes: row.effective_minutes,
    slidesShown: c.slides,
    toolsUsed: c.tools ? (JSON.parse(c.tools) as LessonTool[]) : [],
    questionsRun: c.questions
  }
}

export function listSessions(
  db: Database,
  q: { classId?: string | undefined; limit: number; offset: number }
): { rows: SessionRow[]; total: number } {
  const where = q.classId === undefined ? '' : 'WHERE class_id = ?'
  const args = q.classId === undefined ? [] : [q.classId]
  const rows = db
    .prepare(`SELECT * FROM lesson_sessions ${where} ORDER BY started_at DESC, id LIMIT ? OFFSET ?`)
    .all(...args, q.limit, q.offset) as SessionRow[]
  const total = (db.prepare(`SELECT count(*) AS n FROM lesson_sessions ${where}`).get(...args) as { n: number }).n
  return { rows, total }
}
