/**
 * Closing a run durably: the state change and its quiz-result outbox record in one
 * transaction, so a closed run is always queued for sync exactly once. The record is the
 * platform's QuizResultInput, filed under the run's lesson (its class and teacher); a run
 * outside any lesson is not queued (see sync/quiz-result-record.ts).
 */
import type { StorageService } from '../storage'
import { enqueueOutbox } from '../sync/outbox-repo'
import { quizResultItem } from '../sync/quiz-result-record'
import type { CloseReason } from '../../../src-shared/classroom/protocol'
import type { ClassroomRepo, RunRow, SessionRow, StudentRow } from './classroom-repo'
import { buildResults, type TallyPerson } from './tally'

export const QUIZ_RESULT_KIND = 'quiz-result'

/** Everyone a run is counted over: joined students, then roster names nobody has claimed. */
export function peopleOf(
  session: SessionRow,
  students: readonly StudentRow[],
  online?: (id: string) => boolean
): TallyPerson[] {
  const people: TallyPerson[] = students.map((s) => ({
    id: s.id,
    name: s.name,
    online: online?.(s.id) ?? false,
    joined: true
  }))
  const claimed = new Set(students.map((s) => s.rosterId).filter((r): r is string => r !== null))
  for (const r of session.roster ?? []) {
    if (!claimed.has(r.id)) people.push({ id: `roster:${r.id}`, name: r.name, online: false, joined: false })
  }
  return people
}

/** The run as the platform's quiz result, or null when it ran outside a lesson. */
export function quizResultOutboxItem(repo: ClassroomRepo, run: RunRow, db: Parameters<typeof quizResultItem>[0]) {
  const session = repo.session(run.classSessionId)
  const students = repo.students(run.classSessionId)
  const results = buildResults(run, session ? peopleOf(session, students) : [], repo.answers(run.id))
  return quizResultItem(db, {
    id: run.id,
    lessonSessionId: run.lessonSessionId,
    spec: run.spec,
    launchedAt: run.launchedAt,
    closedAt: run.closedAt,
    answers: results.rows.flatMap((r) =>
      r.answer === null ? [] : [{ name: r.name, answer: r.answer, correct: r.correct, receivedAt: r.receivedAt }]
    )
  })
}

/** Closes the run, folds its answer journal and queues its results; false when it was already closed (nothing queued). */
export function closeRunDurably(
  storage: StorageService,
  repo: ClassroomRepo,
  runId: string,
  reason: CloseReason,
  at: Date
): boolean {
  return storage.transaction((db) => {
    if (!repo.closeRun(runId, at.toISOString(), reason)) return false
    // The run's answers move from the journal to `answers` in the same transaction.
    repo.foldJournal(runId)
    const run = repo.run(runId)!
    const item = quizResultOutboxItem(repo, run, db)
    if (item) {
      enqueueOutbox(
        db,
        {
          kind: QUIZ_RESULT_KIND,
          entityId: run.id,
          payload: item.payload,
          idempotencyKey: `${QUIZ_RESULT_KIND}:${run.id}`,
          teacher: item.teacher,
          display: item.display
        },
        at
      )
    }
    return true
  })
}
