/**
 * Read-only SQL over other domains' tables: lesson_sessions and lesson_events (migration 3,
 * lessons), class_sessions, class_students, question_runs and answers (migration 4, classroom),
 * and the library's own. A class's question runs are found through its lessons:
 * question_runs.lesson_session_id, or the class session's lesson when the run has none.
 */
import type { Database } from 'better-sqlite3'

export interface LessonRow {
  id: string
  class_name: string
  deck_title: string
  chapter_id: string | null
  started_at: string
  ended_at: string | null
  active_ms: number
  effective: 0 | 1 | null
}

export function lessonsOfClass(db: Database, classId: string, from: string, to: string): LessonRow[] {
  return db
    .prepare(
      `SELECT id, class_name, deck_title, chapter_id, started_at, ended_at, active_ms, effective
       FROM lesson_sessions WHERE class_id = ? AND started_at >= ? AND started_at < ? ORDER BY started_at`
    )
    .all(classId, from, to) as LessonRow[]
}

export function toolsOfLessons(db: Database, lessonIds: readonly string[]): { tool: string; count: number }[] {
  return db
    .prepare(
      `SELECT ref AS tool, count(*) AS count FROM lesson_events
       WHERE kind = 'tool' AND session_id IN (SELECT value FROM json_each(?))
       GROUP BY ref ORDER BY count DESC, ref`
    )
    .all(JSON.stringify(lessonIds)) as { tool: string; count: number }[]
}

export interface RunRow {
  id: string
  kind: string
  spec: string
  launched_at: string
  lesson_id: string | null
  students: number
  answered: number
  correct: number
  marked: number
}

export function runsOfLessons(db: Database, lessonIds: readonly string[], from: string, to: string): RunRow[] {
  const ids = JSON.stringify(lessonIds)
  return db
    .prepare(
      `SELECT q.id, q.kind, q.spec, q.launched_at,
              COALESCE(q.lesson_session_id, (SELECT c.lesson_session_id FROM class_sessions c WHERE c.id = q.class_session_id)) AS lesson_id,
              (SELECT count(*) FROM class_students s WHERE s.class_session_id = q.class_session_id) AS students,
              (SELECT count(*) FROM answers a WHERE a.run_id = q.id) AS answered,
              (SELECT count(*) FROM answers a WHERE a.run_id = q.id AND a.correct = 1) AS correct,
              (SELECT count(a.correct) FROM answers a WHERE a.run_id = q.id) AS marked
       FROM question_runs q
       WHERE q.launched_at >= ? AND q.launched_at < ?
         AND (q.lesson_session_id IN (SELECT value FROM json_each(?))
              OR (q.lesson_session_id IS NULL AND q.class_session_id IN
                  (SELECT c.id FROM class_sessions c WHERE c.lesson_session_id IN (SELECT value FROM json_each(?)))))
       ORDER BY q.launched_at, q.id`
    )
    .all(from, to, ids, ids) as RunRow[]
}

export interface StudentRow {
  key: string
  name: string
  offered: number
  answered: number
  correct: number
  marked: number
}

export function studentsOfRuns(db: Database, runIds: readonly string[]): StudentRow[] {
  // The bare s.name beside max(s.joined_at) is the name of the latest join (SQLite's documented rule).
  return db
    .prepare(
      `SELECT s.identity_key AS key, s.name AS name, max(s.joined_at) AS last_joined,
              count(q.id) AS offered, count(a.run_id) AS answered,
              coalesce(sum(a.correct = 1), 0) AS correct, count(a.correct) AS marked
       FROM question_runs q
       JOIN class_students s ON s.class_session_id = q.class_session_id
       LEFT JOIN answers a ON a.run_id = q.id AND a.student_id = s.id
       WHERE q.id IN (SELECT value FROM json_each(?))
       GROUP BY s.identity_key`
    )
    .all(JSON.stringify(runIds)) as StudentRow[]
}

/** A chapter's name as the library or question bank filed it; null when nothing names it. */
export function chapterName(db: Database, chapterId: string): string | null {
  const r = db
    .prepare(
      `SELECT chapter_name AS name FROM library_resources WHERE chapter_id = ? AND chapter_name IS NOT NULL
       UNION ALL SELECT chapter_name FROM question_bank WHERE chapter_id = ? AND chapter_name IS NOT NULL LIMIT 1`
    )
    .get(chapterId, chapterId) as { name: string } | undefined
  return r?.name ?? null
}

export function classes(db: Database): { classId: string; className: string; lessons: number; lastTaughtAt: string }[] {
  return db
    .prepare(
      `SELECT class_id AS classId, class_name AS className, count(*) AS lessons, max(started_at) AS lastTaughtAt
       FROM lesson_sessions GROUP BY class_id ORDER BY lastTaughtAt DESC`
    )
    .all() as { classId: string; className: string; lessons: number; lastTaughtAt: string }[]
}

// ---- facts for the activity estimate (every class, one teacher) -----------------------------
// `teacherId` null: the lessons nobody was known for (no teacher has signed in on this computer).

export function lessonFacts(
  db: Database,
  from: string,
  to: string,
  teacherId: string | null,
  minActiveMs: number
): { at: string; activeMs: number }[] {
  return db
    .prepare(
      `SELECT started_at AS at, active_ms AS activeMs FROM lesson_sessions
       WHERE started_at >= ? AND started_at < ? AND ended_at IS NOT NULL AND teacher_id IS ? AND active_ms >= ?`
    )
    .all(from, to, teacherId, minActiveMs) as { at: string; activeMs: number }[]
}

export function uploadFacts(db: Database, from: string, to: string): { at: string; original: 0 | 1; type: string }[] {
  return db
    .prepare('SELECT shared_at AS at, original, type FROM library_resources WHERE shared_at >= ? AND shared_at < ?')
    .all(from, to) as { at: string; original: 0 | 1; type: string }[]
}

/** A run's lesson: its own, or its class session's (a class opened from a lesson). */
const RUN_LESSON =
  'COALESCE(q.lesson_session_id, (SELECT c.lesson_session_id FROM class_sessions c WHERE c.id = q.class_session_id))'

/** Question runs in the teacher's lessons (a run's teacher is its lesson's). */
export function quizFacts(
  db: Database,
  from: string,
  to: string,
  teacherId: string | null
): { at: string; students: number }[] {
  return db
    .prepare(
      `SELECT q.launched_at AS at, (SELECT count(*) FROM answers a WHERE a.run_id = q.id) AS students
       FROM question_runs q LEFT JOIN lesson_sessions l ON l.id = ${RUN_LESSON}
       WHERE q.launched_at >= ? AND q.launched_at < ? AND l.teacher_id IS ?`
    )
    .all(from, to, teacherId) as { at: string; students: number }[]
}

/** Local days on which ClassDeck recorded anything the teacher did. */
export function activeDays(
  db: Database,
  from: string,
  to: string,
  tzOffsetMinutes: number,
  teacherId: string | null
): string[] {
  const shift = `${tzOffsetMinutes >= 0 ? '+' : ''}${tzOffsetMinutes} minutes`
  return db
    .prepare(
      `SELECT DISTINCT date(at, @shift) AS day FROM (
         SELECT started_at AS at FROM lesson_sessions WHERE started_at >= @from AND started_at < @to AND teacher_id IS @teacher
         UNION ALL SELECT q.launched_at FROM question_runs q LEFT JOIN lesson_sessions l ON l.id = ${RUN_LESSON}
           WHERE q.launched_at >= @from AND q.launched_at < @to AND l.teacher_id IS @teacher
         UNION ALL SELECT created_at FROM library_resources WHERE created_at >= @from AND created_at < @to
         UNION ALL SELECT created_at FROM question_bank WHERE created_at >= @from AND created_at < @to
       ) ORDER BY day`
    )
    .pluck()
    .all({ shift, from, to, teacher: teacherId }) as string[]
}
