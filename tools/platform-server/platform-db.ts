/** The reference platform's own SQLite database: schema and seed. */
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { appClients, catalogueNodes, classes, roster, school, teachers, term } from './seed-data'

export function openPlatformDb(file: string): Database {
  const db = new BetterSqlite3(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  if ((db.pragma('user_version', { simple: true }) as number) === 0) {
    db.transaction(() => {
      createSchema(db)
      seed(db)
      db.pragma('user_version = 1')
    }).immediate()
  }
  return db
}

function createSchema(db: Database): void {
  db.exec(`
    CREATE TABLE clients (client_id TEXT PRIMARY KEY, secret TEXT NOT NULL, name TEXT NOT NULL) STRICT;
    CREATE TABLE schools (id TEXT PRIMARY KEY, name TEXT NOT NULL) STRICT;
    CREATE TABLE teachers (
      id TEXT PRIMARY KEY, school_id TEXT NOT NULL REFERENCES schools(id), username TEXT NOT NULL UNIQUE,
      password TEXT NOT NULL, name TEXT NOT NULL, subjects TEXT NOT NULL) STRICT;
    CREATE TABLE classes (id TEXT PRIMARY KEY, school_id TEXT NOT NULL, name TEXT NOT NULL, grade TEXT NOT NULL, term TEXT NOT NULL) STRICT;
    CREATE TABLE class_teachers (class_id TEXT NOT NULL, teacher_id TEXT NOT NULL, subject TEXT NOT NULL, PRIMARY KEY (class_id, teacher_id)) STRICT;
    CREATE TABLE students (id TEXT PRIMARY KEY, class_id TEXT NOT NULL, name TEXT NOT NULL, student_no TEXT NOT NULL, gender TEXT NOT NULL) STRICT;
    CREATE TABLE catalogue (id TEXT PRIMARY KEY, parent_id TEXT, level TEXT NOT NULL, name TEXT NOT NULL, ord INTEGER NOT NULL) STRICT;
    CREATE INDEX catalogue_parent ON catalogue(parent_id, ord);

    -- kind: 'app' | 'user' | 'refresh'. A new app token revokes the client's previous one;
    -- a refresh revokes the whole old pair.
    CREATE TABLE tokens (
      token TEXT PRIMARY KEY, kind TEXT NOT NULL, client_id TEXT NOT NULL, teacher_id TEXT,
      expires_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0, pair TEXT) STRICT;
    CREATE TABLE auth_codes (
      code TEXT PRIMARY KEY, client_id TEXT NOT NULL, teacher_id TEXT NOT NULL, redirect_uri TEXT NOT NULL,
      challenge TEXT NOT NULL, expires_at INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0) STRICT;

    -- The first answer for each Idempotency-Key, replayed for repeats.
    CREATE TABLE idempotency (
      key TEXT NOT NULL, owner TEXT NOT NULL, route TEXT NOT NULL, body_hash TEXT NOT NULL,
      status INTEGER NOT NULL, response TEXT NOT NULL, created_at INTEGER NOT NULL,
      PRIMARY KEY (owner, key)) STRICT;

    CREATE TABLE lesson_records (
      id TEXT PRIMARY KEY, teacher_id TEXT NOT NULL, client_record_id TEXT NOT NULL, class_id TEXT NOT NULL,
      chapter_id TEXT, title TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT NOT NULL,
      active_seconds INTEGER NOT NULL, used_display INTEGER NOT NULL, question_count INTEGER NOT NULL,
      counted INTEGER NOT NULL, received_at TEXT NOT NULL, UNIQUE (teacher_id, client_record_id)) STRICT;
    CREATE TABLE quiz_results (
      id TEXT PRIMARY KEY, teacher_id TEXT NOT NULL, client_result_id TEXT NOT NULL, class_id TEXT NOT NULL,
      lesson_record_id TEXT, body TEXT NOT NULL, answered INTEGER NOT NULL, correct INTEGER NOT NULL,
      received_at TEXT NOT NULL, UNIQUE (teacher_id, client_result_id)) STRICT;

    CREATE TABLE uploads (
      id TEXT PRIMARY KEY, teacher_id TEXT NOT NULL, file_name TEXT NOT NULL, mime_type TEXT,
      size INTEGER NOT NULL, part_size INTEGER NOT NULL, expires_at INTEGER NOT NULL,
      completed_resource_id TEXT) STRICT;
    CREATE TABLE upload_parts (upload_id TEXT NOT NULL, part_number INTEGER NOT NULL, size INTEGER NOT NULL,
      sha256 TEXT NOT NULL, PRIMARY KEY (upload_id, part_number)) STRICT;
    CREATE TABLE resources (
      id TEXT PRIMARY KEY, title TEXT NOT NULL, type TEXT NOT NULL, chapter_id TEXT NOT NULL,
      file_name TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, original INTEGER NOT NULL,
      public INTEGER NOT NULL, owner_id TEXT NOT NULL, created_at TEXT NOT NULL,
      downloads INTEGER NOT NULL DEFAULT 0) STRICT;
    CREATE TABLE collections (teacher_id TEXT NOT NULL, resource_id TEXT NOT NULL, PRIMARY KEY (teacher_id, resource_id)) STRICT;
  `)
}

function seed(db: Database): void {
  for (const c of appClients) db.prepare('INSERT INTO clients VALUES (?, ?, ?)').run(c.clientId, c.secret, c.name)
  db.prepare('INSERT INTO schools VALUES (?, ?)').run(school.id, school.name)
  for (const t of teachers) {
    db.prepare('INSERT INTO teachers VALUES (?, ?, ?, ?, ?, ?)').run(
      t.id,
      school.id,
      t.username,
      t.password,
      t.name,
      JSON.stringify(t.subjects)
    )
  }
  const node = db.prepare('INSERT INTO catalogue VALUES (?, ?, ?, ?, ?)')
  for (const n of catalogueNodes()) node.run(n.id, n.parentId, n.level, n.name, n.order)
  const student = db.prepare('INSERT INTO students VALUES (?, ?, ?, ?, ?)')
  for (const c of classes) {
    db.prepare('INSERT INTO classes VALUES (?, ?, ?, ?, ?)').run(c.id, school.id, c.name, c.grade, term)
    for (const [tid, subject] of Object.entries(c.teachers)) {
      db.prepare('INSERT INTO class_teachers VALUES (?, ?, ?)').run(c.id, tid, subject)
    }
    for (const s of roster(c.id, c.size)) student.run(s.id, c.id, s.name, s.studentNo, s.gender)
  }
}
