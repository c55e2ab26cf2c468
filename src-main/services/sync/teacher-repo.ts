/**
 * Whose records these are, on this computer: the teachers who have signed in here, and the one
 * new records are stamped with (sync_meta 'current_teacher'): set when a teacher signs in, or
 * by the lesson-start chooser on a shared classroom PC, and kept across restarts and sign-outs.
 */
import type { Database } from 'better-sqlite3'
import { KnownTeacher, OutboxTeacher } from '../../../src-shared/contract/sync'

const CURRENT = 'current_teacher'

/** Each teacher's platform classes are cached apart, so one teacher never sees another's. */
export function classesCacheKey(teacherId: string): string {
  return `classes:${teacherId}`
}

export function currentTeacher(db: Database): OutboxTeacher | null {
  const r = db.prepare('SELECT value FROM sync_meta WHERE key = ?').get(CURRENT) as { value: string } | undefined
  if (!r) return null
  try {
    const p = OutboxTeacher.safeParse(JSON.parse(r.value))
    return p.success ? p.data : null
  } catch {
    return null
  }
}

export function setCurrentTeacher(db: Database, t: OutboxTeacher): void {
  db.prepare(
    'INSERT INTO sync_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
  ).run(CURRENT, JSON.stringify(OutboxTeacher.parse(t)))
}

export function rememberTeacher(db: Database, t: { id: string; name: string; schoolName: string }, at: string): void {
  db.prepare(
    `INSERT INTO sync_teachers(id, name, school_name, last_signed_in_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, school_name = excluded.school_name,
       last_signed_in_at = excluded.last_signed_in_at`
  ).run(t.id, t.name, t.schoolName, at)
}

export function knownTeachers(db: Database): KnownTeacher[] {
  return (
    db
      .prepare(
        'SELECT id, name, school_name AS schoolName, last_signed_in_at AS lastSignedInAt FROM sync_teachers ORDER BY last_signed_in_at DESC'
      )
      .all() as KnownTeacher[]
  ).map((t) => KnownTeacher.parse(t))
}

export function knownTeacher(db: Database, id: string): KnownTeacher | undefined {
  return knownTeachers(db).find((t) => t.id === id)
}
