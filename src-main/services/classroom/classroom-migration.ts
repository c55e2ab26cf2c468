import type { Migration } from '../storage/migrations'

/**
 * Classroom: one row per opened class, the students who joined it, each question run and
 * each student's answer (at most one per run; a newer seq replaces it while the run is open).
 */
export const classroomMigration: Migration = {
  version: 4,
  name: 'classroom: question runs and answers',
  up(db) {
    db.exec(`
      CREATE TABLE class_sessions (
        id                TEXT PRIMARY KEY,
        title             TEXT NOT NULL,
        lesson_session_id TEXT,
        roster            TEXT,                 -- JSON RosterEntry[] or NULL (typed names)
        opened_at         TEXT NOT NULL,
        closed_at         TEXT
      ) STRICT;
      CREATE TABLE class_students (
        id               TEXT PRIMARY KEY,
        class_session_id TEXT NOT NULL REFERENCES class_sessions(id),
        identity_key     TEXT NOT NULL,          -- 'roster:<id>' or 'name:<nameKey>'
        roster_id        TEXT,
        name             TEXT NOT NULL,
        token_hash       TEXT NOT NULL UNIQUE,   -- sha256 of the device's token
        joined_at        TEXT NOT NULL,
        UNIQUE (class_session_id, identity_key)
      ) STRICT;
      CREATE TABLE question_runs (
        id                TEXT PRIMARY KEY,
        class_session_id  TEXT NOT NULL REFERENCES class_sessions(id),
        lesson_session_id TEXT,
        kind              TEXT NOT NULL,
        spec              TEXT NOT NULL,         -- JSON QuestionSpec
        state             TEXT NOT NULL CHECK (state IN ('open','closed')),
        launched_at       TEXT NOT NULL,
        deadline          TEXT,
        closed_at         TEXT,
        close_reason      TEXT,
        revealed_at       TEXT
      ) STRICT;
      CREATE INDEX question_runs_session ON question_runs(class_session_id, launched_at);
      CREATE TABLE answers (
        run_id      TEXT NOT NULL REFERENCES question_runs(id),
        student_id  TEXT NOT NULL REFERENCES class_students(id),
        seq         INTEGER NOT NULL,
        answer      TEXT NOT NULL,               -- JSON Answer
        correct     INTEGER,                     -- 1/0, NULL when the question has no key
        received_at TEXT NOT NULL,
        recv_order  INTEGER NOT NULL,            -- server receive order of the first answer (buzz-in rank)
        PRIMARY KEY (run_id, student_id)
      ) STRICT;
      CREATE TABLE class_photos (
        id          TEXT PRIMARY KEY,
        class_session_id TEXT NOT NULL REFERENCES class_sessions(id),
        student_id  TEXT,                        -- NULL for the teacher's phone
        mime        TEXT NOT NULL,
        bytes       INTEGER NOT NULL,
        file        TEXT NOT NULL,               -- relative to the photos folder
        created_at  TEXT NOT NULL
      ) STRICT;
    `)
  }
}

/**
 * The answer journal. Answers are group-committed here (one row per commit: every answer that
 * arrived in one turn of the event loop, as JSON) before they are acknowledged, and folded into
 * `answers` (one row per student) when the run closes, or at start-up after a crash. One small
 * insert per commit instead of one upsert per answer: under load the upserts were most of the
 * server's cost of an answer beyond Socket.IO's own.
 */
export const answerJournalMigration: Migration = {
  version: 9,
  name: 'classroom: answer journal',
  up(db) {
    db.exec(`
      CREATE TABLE answer_journal (
        id     INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES question_runs(id),
        rows   TEXT NOT NULL   -- JSON [[studentId, seq, answer, correct 1/0/null, receivedAt, recvOrder], …] in receive order
      ) STRICT;
      CREATE INDEX answer_journal_run ON answer_journal(run_id, id);
    `)
  }
}
