/** SQL for local class rosters. Every function takes the open database; callers own transactions. */
import type { Database } from 'better-sqlite3'

export interface ClassRow {
  id: string
  name: string
  locked: 0 | 1
  /** JSON `{ name, members }[]`, read through zod by the service. */
  groups_json: string
  created_at: string
  updated_at: string
}

export interface ClassWithStudents {
  readonly row: ClassRow
  readonly students: string[]
}

export function listClasses(db: Database): ClassWithStudents[] {
  const rows = db
    .prepare('SELECT id, name, locked, groups_json, created_at, updated_at FROM roster_classes ORDER BY seq')
    .all() as ClassRow[]
  const students = db.prepare('SELECT class_id, name FROM roster_students ORDER BY class_id, position').all() as {
    class_id: string
    name: string
  }[]
  const byClass = new Map<string, string[]>()
  for (const s of students) {
    const list = byClass.get(s.class_id)
    if (list) list.push(s.name)
    else byClass.set(s.class_id, [s.name])
  }
  return rows.map((row) => ({ row, students: byClass.get(row.id) ?? [] }))
}

export function getClass(db: Database, id: string): ClassWithStudents | null {
  const row = db
    .prepare('SELECT id, name, locked, groups_json, created_at, updated_at FROM roster_classes WHERE id = ?')
    .get(id) as ClassRow | undefined
  if (!row) return null
  const students = db
    .prepare('SELECT name FROM roster_students WHERE class_id = ? ORDER BY position')
    .pluck()
    .all(id) as string[]
  return { row, students }
}

/** Creates the class or replaces its name, lock and whole student list. */
export function putClass(
  db: Database,
  c: {
    id: string
    name: string
    locked: boolean
    students: readonly string[]
    groups: readonly { name: string; members: readonly string[] }[]
    at: string
  }
): void {
  db.prepare(
    `INSERT INTO roster_classes(id, name, locked, groups_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, locked = excluded.locked, groups_json = excluded.groups_json,
       updated_at = excluded.updated_at`
  ).run(c.id, c.name, c.locked ? 1 : 0, JSON.stringify(c.groups), c.at, c.at)
  db.prepare('DELETE FROM roster_students WHERE class_id = ?').run(c.id)
  const insert = db.prepare('INSERT INTO roster_students(class_id, name, position) VALUES (?, ?, ?)')
  c.students.forEach((name, i) => insert.run(c.id, name, i))
}

export function deleteClass(db: Database, id: string): boolean {
  return db.prepare('DELETE FROM roster_classes WHERE id = ?').run(id).changes > 0
}
