/**
 * SQL for the classroom: class sessions, students, question runs, answers, photos.
 * Statements are prepared once; callers wrap multi-statement work in storage.transaction().
 */
import type { Database, Statement } from 'better-sqlite3'
import {
  Answer,
  QuestionSpec,
  markAnswer,
  type Answer as AnswerT,
  type QuestionSpec as Spec
} from '../../../src-shared/classroom/question'
import { RosterEntry, type CloseReason } from '../../../src-shared/classroom/protocol'
import { z } from 'zod'

export interface SessionRow {
  id: string
  title: string
  lessonSessionId: string | null
  roster: RosterEntry[] | null
  openedAt: string
  closedAt: string | null
}

export interface StudentRow {
  id: string
  classSessionId: string
  identityKey: string
  rosterId: string | null
  name: string
  tokenHash: string
}

export interface RunRow {
  id: string
  classSessionId: string
  lessonSessionId: string | null
  spec: Spec
  state: 'open' | 'closed'
  launchedAt: string
  deadline: string | null
  closedAt: string | null
  closeReason: CloseReason | null
  revealedAt: string | null
}

export interface AnswerRow {
  runId: string
  studentId: string
  seq: number
  answer: AnswerT
  correct: boolean | null
  receivedAt: string
  recvOrder: number
}

export interface PhotoRow {
  id: string
  classSessionId: string
  studentId: string | null
  mime: string
  bytes: number
  file: string
  createdAt: string
}

type Raw = Record<string, unknown>

/** Rows per multi-row upsert statement (7 parameters each, far below SQLite's limit). */
const ANSWER_CHUNK = 32

// A newer seq replaces the stored answer; recv_order (buzz-in rank) stays that of the first.
function upsertAnswersSql(rows: number): string {
  return `INSERT INTO answers(run_id, student_id, seq, answer, correct, received_at, recv_order)
    VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
    ON CONFLICT(run_id, student_id) DO UPDATE SET
      seq = excluded.seq, answer = excluded.answer, correct = excluded.correct, received_at = excluded.received_at
    WHERE excluded.seq > answers.seq`
}

function answerParams(a: AnswerRow): [string, string, number, string, number | null, string, number] {
  return [
    a.runId,
    a.studentId,
    a.seq,
    JSON.stringify(a.answer),
    a.correct === null ? null : a.correct ? 1 : 0,
    a.receivedAt,
    a.recvOrder
  ]
}

const RosterList = z.array(RosterEntry)

/** [studentId, seq, answer, correct 1/0/null, receivedAt, recvOrder]: a journal entry as stored. */
const JournalEntry = z.tuple([
  z.string().min(1),
  z.number().int().min(0),
  Answer,
  z.union([z.literal(0), z.literal(1), z.null()]),
  z.string(),
  z.number().int().min(1)
])

function journalEntry(a: AnswerRow): z.input<typeof JournalEntry> {
  return [a.studentId, a.seq, a.answer, a.correct === null ? null : a.correct ? 1 : 0, a.receivedAt, a.recvOrder]
}

/**
 * Each student's standing answer, by the same rule as the upsert: a newer seq replaces an older
 * one, and the receive order (buzz-in rank) stays that of the first. In receive order.
 */
export function latestPerStudent(rows: Iterable<AnswerRow>): AnswerRow[] {
  const by = new Map<string, AnswerRow>()
  for (const a of rows) {
    const had = by.get(a.studentId)
    if (!had) by.set(a.studentId, a)
    else if (a.seq > had.seq) by.set(a.studentId, { ...a, recvOrder: had.recvOrder })
  }
  return [...by.values()].sort((a, b) => a.recvOrder - b.recvOrder)
}

export class ClassroomRepo {
  readonly #s: Record<string, Statement>

  constructor(readonly db: Database) {
    const p = (sql: string): Statement => db.prepare(sql)
    this.#s = {
      insertSession: p(
        'INSERT INTO class_sessions(id, title, lesson_session_id, roster, opened_at) VALUES (?, ?, ?, ?, ?)'
      ),
      closeSession: p('UPDATE class_sessions SET closed_at = ? WHERE id = ? AND closed_at IS NULL'),
      openSessions: p('SELECT id FROM class_sessions WHERE closed_at IS NULL'),
      session: p('SELECT * FROM class_sessions WHERE id = ?'),
      lastSession: p('SELECT * FROM class_sessions ORDER BY opened_at DESC, rowid DESC LIMIT 1'),
      insertStudent: p(
        `INSERT INTO class_students(id, class_session_id, identity_key, roster_id, name, token_hash, joined_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`
      ),
      retoken: p('UPDATE class_students SET token_hash = ?, name = ? WHERE id = ?'),
      studentByKey: p('SELECT * FROM class_students WHERE class_session_id = ? AND identity_key = ?'),
      students: p('SELECT * FROM class_students WHERE class_session_id = ? ORDER BY joined_at, rowid'),
      insertRun: p(
        `INSERT INTO question_runs(id, class_session_id, lesson_session_id, kind, spec, state, launched_at, deadline)
         VALUES (?, ?, ?, ?, ?, 'open', ?, ?)`
      ),
      closeRun: p(
        "UPDATE question_runs SET state = 'closed', closed_at = ?, close_reason = ? WHERE id = ? AND state = 'open'"
      ),
      revealRun: p('UPDATE question_runs SET revealed_at = ? WHERE id = ? AND revealed_at IS NULL'),
      setRunSpec: p("UPDATE question_runs SET spec = ? WHERE id = ? AND state = 'open' AND revealed_at IS NULL"),
      run: p('SELECT * FROM question_runs WHERE id = ?'),
      openRuns: p("SELECT * FROM question_runs WHERE state = 'open'"),
      runs: p('SELECT * FROM question_runs WHERE class_session_id = ? ORDER BY launched_at, rowid'),
      upsertAnswer: p(upsertAnswersSql(1)),
      upsertAnswerChunk: p(upsertAnswersSql(ANSWER_CHUNK)),
      answers: p('SELECT * FROM answers WHERE run_id = ? ORDER BY recv_order'),
      appendJournal: p('INSERT INTO answer_journal(run_id, rows) VALUES (?, ?)'),
      journal: p('SELECT rows FROM answer_journal WHERE run_id = ? ORDER BY id'),
      dropJournal: p('DELETE FROM answer_journal WHERE run_id = ?'),
      journalRuns: p('SELECT DISTINCT run_id FROM answer_journal'),
      runStudentIds: p(
        'SELECT s.id FROM class_students s JOIN question_runs q ON q.class_session_id = s.class_session_id WHERE q.id = ?'
      ),
      insertPhoto: p(
        'INSERT INTO class_photos(id, class_session_id, student_id, mime, bytes, file, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
      ),
      photo: p('SELECT * FROM class_photos WHERE id = ?')
    }
  }

  insertSession(s: SessionRow): void {
    this.#s.insertSession!.run(s.id, s.title, s.lessonSessionId, s.roster ? JSON.stringify(s.roster) : null, s.openedAt)
  }
  closeSession(id: string, at: string): void {
    this.#s.closeSession!.run(at, id)
  }
  openSessionIds(): string[] {
    return (this.#s.openSessions!.all() as { id: string }[]).map((r) => r.id)
  }
  session(id: string): SessionRow | null {
    const r = this.#s.session!.get(id) as Raw | undefined
    return r ? toSession(r) : null
  }
  lastSession(): SessionRow | null {
    const r = this.#s.lastSession!.get() as Raw | undefined
    return r ? toSession(r) : null
  }

  insertStudent(s: StudentRow, at: string): void {
    this.#s.insertStudent!.run(s.id, s.classSessionId, s.identityKey, s.rosterId, s.name, s.tokenHash, at)
  }
  retoken(id: string, tokenHash: string, name: string): void {
    this.#s.retoken!.run(tokenHash, name, id)
  }
  studentByKey(sessionId: string, identityKey: string): StudentRow | null {
    const r = this.#s.studentByKey!.get(sessionId, identityKey) as Raw | undefined
    return r ? toStudent(r) : null
  }
  students(sessionId: string): StudentRow[] {
    return (this.#s.students!.all(sessionId) as Raw[]).map(toStudent)
  }

  insertRun(r: RunRow): void {
    this.#s.insertRun!.run(
      r.id,
      r.classSessionId,
      r.lessonSessionId,
      r.spec.kind,
      JSON.stringify(r.spec),
      r.launchedAt,
      r.deadline
    )
  }
  /** True when the run was open and is now closed. */
  closeRun(id: string, at: string, reason: CloseReason): boolean {
    return this.#s.closeRun!.run(at, reason, id).changes === 1
  }
  /** A new key for an open run (the same question otherwise); false when it is closed or revealed. */
  setRunSpec(id: string, spec: Spec): boolean {
    return this.#s.setRunSpec!.run(JSON.stringify(spec), id).changes === 1
  }

  revealRun(id: string, at: string): void {
    this.#s.revealRun!.run(at, id)
  }
  run(id: string): RunRow | null {
    const r = this.#s.run!.get(id) as Raw | undefined
    return r ? toRun(r) : null
  }
  openRuns(): RunRow[] {
    return (this.#s.openRuns!.all() as Raw[]).map(toRun)
  }
  runs(sessionId: string): RunRow[] {
    return (this.#s.runs!.all(sessionId) as Raw[]).map(toRun)
  }

  /** True when the row was inserted or replaced (false: an equal or newer seq was already stored). */
  upsertAnswer(a: AnswerRow): boolean {
    return this.#s.upsertAnswer!.run(...answerParams(a)).changes === 1
  }
  /**
   * The same upsert for many rows, ANSWER_CHUNK rows a statement: under load the classroom
   * commits a few hundred answers at a time, and one statement per row would cost more than
   * the write itself. Rows apply in order, so a later answer of the same student wins.
   */
  upsertAnswers(rows: readonly AnswerRow[]): void {
    let i = 0
    for (; i + ANSWER_CHUNK <= rows.length; i += ANSWER_CHUNK) {
      const params: unknown[] = []
      for (let k = i; k < i + ANSWER_CHUNK; k++) params.push(...answerParams(rows[k]!))
      this.#s.upsertAnswerChunk!.run(params)
    }
    for (; i < rows.length; i++) this.#s.upsertAnswer!.run(...answerParams(rows[i]!))
  }
  answers(runId: string): AnswerRow[] {
    return (this.#s.answers!.all(runId) as Raw[]).map(toAnswer)
  }

  // ---- the answer journal (see answerJournalMigration) ----

  /** One journal row for a group commit: these answers, in receive order. */
  appendJournal(runId: string, rows: readonly AnswerRow[]): void {
    this.#s.appendJournal!.run(runId, JSON.stringify(rows.map(journalEntry)))
  }

  /** The run's journalled answers in receive order; an entry that does not parse is skipped and reported. */
  journal(runId: string): AnswerRow[] {
    const out: AnswerRow[] = []
    for (const { rows } of this.#s.journal!.all(runId) as { rows: string }[]) {
      let list: unknown
      try {
        list = JSON.parse(rows)
      } catch {
        list = null
      }
      for (const e of Array.isArray(list) ? list : [list]) {
        const parsed = JournalEntry.safeParse(e)
        if (!parsed.success) {
          console.error(`classroom: skipped a journal entry of run ${runId} that does not parse`)
          continue
        }
        const [studentId, seq, answer, correct, receivedAt, recvOrder] = parsed.data
        out.push({
          runId,
          studentId,
          seq,
          answer,
          correct: correct === null ? null : correct === 1,
          receivedAt,
          recvOrder
        })
      }
    }
    return out
  }

  /**
   * Folds the run's journal into `answers` (call inside a transaction): each student's last
   * journalled answer is the one that stands, since only accepted answers are journalled (a
   * newer seq; for buzz-in the first). Entries of students not in the run's class are dropped.
   */
  foldJournal(runId: string): number {
    const latest = latestPerStudent(this.journal(runId))
    if (latest.length) {
      const known = new Set((this.#s.runStudentIds!.all(runId) as { id: string }[]).map((r) => r.id))
      // Marked again by the run's spec as it stands: the teacher may have set the key after these came in.
      const spec = this.run(runId)?.spec
      this.upsertAnswers(
        latest
          .filter((a) => known.has(a.studentId))
          .map((a) => (spec ? { ...a, correct: markAnswer(spec, a.answer) } : a))
      )
    }
    this.#s.dropJournal!.run(runId)
    return latest.length
  }

  /** Runs that still have journalled answers (open ones, or any a crash left behind). */
  journalRunIds(): string[] {
    return (this.#s.journalRuns!.all() as { run_id: string }[]).map((r) => r.run_id)
  }

  /** What is durably stored for a run right now: `answers` with the journal folded over it (not written). */
  storedAnswers(runId: string): AnswerRow[] {
    return latestPerStudent([...this.answers(runId), ...this.journal(runId)])
  }

  insertPhoto(p: PhotoRow): void {
    this.#s.insertPhoto!.run(p.id, p.classSessionId, p.studentId, p.mime, p.bytes, p.file, p.createdAt)
  }
  photo(id: string): PhotoRow | null {
    const r = this.#s.photo!.get(id) as Raw | undefined
    return r
      ? {
          id: String(r.id),
          classSessionId: String(r.class_session_id),
          studentId: r.student_id === null ? null : String(r.student_id),
          mime: String(r.mime),
          bytes: Number(r.bytes),
          file: String(r.file),
          createdAt: String(r.created_at)
        }
      : null
  }
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))

function toSession(r: Raw): SessionRow {
  let roster: RosterEntry[] | null = null
  if (typeof r.roster === 'string') {
    const parsed = RosterList.safeParse(JSON.parse(r.roster))
    roster = parsed.success ? parsed.data : null
  }
  return {
    id: String(r.id),
    title: String(r.title),
    lessonSessionId: str(r.lesson_session_id),
    roster,
    openedAt: String(r.opened_at),
    closedAt: str(r.closed_at)
  }
}

function toStudent(r: Raw): StudentRow {
  return {
    id: String(r.id),
    classSessionId: String(r.class_session_id),
    identityKey: String(r.identity_key),
    rosterId: str(r.roster_id),
    name: String(r.name),
    tokenHash: String(r.token_hash)
  }
}

function toRun(r: Raw): RunRow {
  return {
    id: String(r.id),
    classSessionId: String(r.class_session_id),
    lessonSessionId: str(r.lesson_session_id),
    spec: QuestionSpec.parse(JSON.parse(String(r.spec))),
    state: r.state === 'open' ? 'open' : 'closed',
    launchedAt: String(r.launched_at),
    deadline: str(r.deadline),
    closedAt: str(r.closed_at),
    closeReason: (str(r.close_reason) as CloseReason | null) ?? null,
    revealedAt: str(r.revealed_at)
  }
}

function toAnswer(r: Raw): AnswerRow {
  return {
    runId: String(r.run_id),
    studentId: String(r.student_id),
    seq: Number(r.seq),
    answer: Answer.parse(JSON.parse(String(r.answer))),
    correct: r.correct === null ? null : Number(r.correct) === 1,
    receivedAt: String(r.received_at),
    recvOrder: Number(r.recv_order)
  }
}
