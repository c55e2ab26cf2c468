/**
 * Closing a run durably: the state change and its quiz-result outbox record in one
 * transaction, so a closed run is always queued for sync exactly once.
 */
import type { StorageService } from '../storage'
import { enqueueOutbox } from '../sync/outbox-repo'
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

export function quizResultPayload(repo: ClassroomRepo, run: RunRow): unknown {
  const session = repo.session(run.classSessionId)
  const students = repo.students(run.classSessionId)
  const rosterOf = new Map(students.map((s) => [s.id, s.rosterId]))
  const results = buildResults(run, session ? peopleOf(session, students) : [], repo.answers(run.id))
  return {
    runId: run.id,
    classSessionId: run.classSessionId,
    lessonSessionId: run.lessonSessionId,
    title: session?.title ?? '',
    spec: run.spec,
    launchedAt: run.launchedAt,
    closedAt: run.closedAt,
    closeReason: run.closeReason,
    total: results.total,
    answered: results.answered,
    marked: results.marked,
    correct: results.correct,
    answers: results.rows
      .filter((r) => r.answer !== null)
      .map((r) => ({
        studentId: r.studentId,
        rosterId: rosterOf.get(r.studentId) ?? null,
        name: r.name,
        answer: r.answer,
        correct: r.correct,
        receivedAt: r.receivedAt,
        rank: r.rank
      }))
  }
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
    enqueueOutbox(
      db,
      {
        kind: QUIZ_RESULT_KIND,
        entityId: run.id,
        payload: quizResultPayload(repo, run),
        idempotencyKey: `${QUIZ_RESULT_KIND}:${run.id}`
      },
      at
    )
    return true
  })
}
