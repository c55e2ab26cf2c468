import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { StorageService } from '../storage'
import { ClassroomRepo, type AnswerRow } from './classroom-repo'
import { openStorage } from './classroom-test-kit'

let dir = ''
let storage: StorageService | null = null
afterEach(() => {
  storage?.close()
  storage = null
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function setUp(students: number): { repo: ClassroomRepo; ids: string[] } {
  dir = mkdtempSync(join(tmpdir(), 'classdeck-repo-'))
  storage = openStorage(join(dir, 'classdeck.db'))
  const repo = new ClassroomRepo(storage.db)
  const at = '2026-11-25T08:00:00.000Z'
  repo.insertSession({
    id: 'cs',
    title: '三年级二班',
    lessonSessionId: null,
    roster: null,
    openedAt: at,
    closedAt: null
  })
  const ids = Array.from({ length: students }, (_, i) => `st${i}`)
  ids.forEach((id, i) =>
    repo.insertStudent(
      { id, classSessionId: 'cs', identityKey: `name:${i}`, rosterId: null, name: `学生${i}`, tokenHash: `h${i}` },
      at
    )
  )
  repo.insertRun({
    id: 'run',
    classSessionId: 'cs',
    lessonSessionId: null,
    spec: { kind: 'single', prompt: '1+1=?', pictures: [], options: ['1', '2'], correct: 1 },
    state: 'open',
    launchedAt: at,
    deadline: null,
    closedAt: null,
    closeReason: null,
    revealedAt: null
  })
  return { repo, ids }
}

const row = (studentId: string, seq: number, choice: number, recvOrder: number): AnswerRow => ({
  runId: 'run',
  studentId,
  seq,
  answer: { kind: 'single', choice },
  correct: choice === 1,
  receivedAt: `2026-11-25T08:00:0${seq}.000Z`,
  recvOrder
})

describe('ClassroomRepo.upsertAnswers', () => {
  it('stores a batch larger than one statement chunk, applying rows in order like single upserts', () => {
    const { repo, ids } = setUp(80)
    // 80 first answers, then within the same batch: a newer answer from st0 (wins), an
    // older one from st1 after its newer one (ignored), and st2 answering twice in a row.
    const batch: AnswerRow[] = ids.map((id, i) => row(id, 2, i % 2, i + 1))
    batch.push(row('st0', 3, 1, 999), row('st1', 1, 1, 999), row('st2', 4, 0, 999), row('st2', 5, 1, 999))
    storage!.transaction(() => repo.upsertAnswers(batch))

    const stored = repo.answers('run')
    expect(stored).toHaveLength(80)
    const by = new Map(stored.map((a) => [a.studentId, a]))
    expect(by.get('st0')).toMatchObject({ seq: 3, answer: { kind: 'single', choice: 1 }, correct: true, recvOrder: 1 })
    expect(by.get('st1')).toMatchObject({ seq: 2, answer: { kind: 'single', choice: 1 }, recvOrder: 2 })
    expect(by.get('st2')).toMatchObject({ seq: 5, answer: { kind: 'single', choice: 1 }, recvOrder: 3 })
    expect(by.get('st79')).toMatchObject({
      seq: 2,
      answer: { kind: 'single', choice: 1 },
      correct: true,
      recvOrder: 80
    })
    // Receive order is kept: answers come back ranked as they arrived.
    expect(stored.map((a) => a.recvOrder)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1))
  })

  it('writes nothing of a batch whose transaction fails', () => {
    const { repo, ids } = setUp(40)
    const batch = ids.map((id, i) => row(id, 1, 0, i + 1))
    batch.push(row('nobody', 1, 0, 41)) // no such student: the foreign key refuses the row
    expect(() => storage!.transaction(() => repo.upsertAnswers(batch))).toThrow()
    expect(repo.answers('run')).toEqual([])
  })
})

describe('ClassroomRepo answer journal', () => {
  it('folds each student’s last journalled answer into answers, in receive order, and empties the journal', () => {
    const { repo } = setUp(3)
    storage!.transaction(() => repo.appendJournal('run', [row('st0', 1, 0, 1), row('st1', 1, 1, 2)]))
    storage!.transaction(() => repo.appendJournal('run', [row('st0', 2, 1, 1), row('st2', 1, 1, 3)]))
    // While the run is open, nothing is in answers yet, but the answers are stored.
    expect(repo.answers('run')).toEqual([])
    expect(repo.storedAnswers('run').map((a) => [a.studentId, a.seq])).toEqual([
      ['st0', 2],
      ['st1', 1],
      ['st2', 1]
    ])

    expect(storage!.transaction(() => repo.foldJournal('run'))).toBe(3)
    const stored = repo.answers('run')
    expect(stored.map((a) => [a.studentId, a.seq, a.recvOrder, a.correct])).toEqual([
      ['st0', 2, 1, true],
      ['st1', 1, 2, true],
      ['st2', 1, 3, true]
    ])
    expect(stored[0]!.answer).toEqual({ kind: 'single', choice: 1 })
    expect(repo.journal('run')).toEqual([])
    expect(repo.journalRunIds()).toEqual([])
  })

  it('drops journal entries it cannot trust: unknown students and entries that do not parse', () => {
    const { repo } = setUp(1)
    storage!.transaction(() => repo.appendJournal('run', [row('st0', 1, 1, 1), row('nobody', 1, 0, 2)]))
    // A damaged row and a wrong-shaped entry, as a bad disk or an old bug might leave them.
    storage!.db
      .prepare('INSERT INTO answer_journal(run_id, rows) VALUES (?, ?)')
      .run('run', '[["st0", 5, {"kind": "single"}, 1, "x", 1]]')
    storage!.db.prepare('INSERT INTO answer_journal(run_id, rows) VALUES (?, ?)').run('run', '{not json')
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => void errors.push(args)
    try {
      storage!.transaction(() => repo.foldJournal('run'))
    } finally {
      console.error = original
    }
    expect(errors).toHaveLength(2)
    expect(repo.answers('run').map((a) => [a.studentId, a.seq])).toEqual([['st0', 1]])
  })
})
