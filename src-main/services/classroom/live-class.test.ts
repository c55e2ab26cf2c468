import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { QuestionSpec } from '../../../src-shared/classroom/question'
import type { AnswerResult } from '../../../src-shared/classroom/protocol'
import type { StorageService } from '../storage'
import { ClassroomRepo } from './classroom-repo'
import { openStorage } from './classroom-test-kit'
import { LiveClass } from './live-class'

let dir = ''
let storage: StorageService | null = null
afterEach(() => {
  storage?.close()
  storage = null
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function liveClass(): LiveClass {
  dir = mkdtempSync(join(tmpdir(), 'classdeck-live-'))
  storage = openStorage(join(dir, 'classdeck.db'))
  const repo = new ClassroomRepo(storage.db)
  const session = {
    id: 'cs',
    title: '三年级二班',
    lessonSessionId: null,
    roster: null,
    openedAt: new Date().toISOString(),
    closedAt: null
  }
  repo.insertSession(session)
  return new LiveClass({
    storage,
    repo,
    session,
    photosDir: join(dir, 'photos'),
    now: () => new Date(),
    onTally: () => undefined,
    onChange: () => undefined,
    onRemote: () => undefined
  })
}

const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r))

describe('LiveClass group commit', () => {
  it('acks every answer of a batch even when one device’s ack throws', async () => {
    const live = liveClass()
    const a = live.join({ name: '小明' }, 'socket-a').student.id
    const b = live.join({ name: '小红' }, 'socket-b').student.id
    const run = live.launch(
      QuestionSpec.parse({ kind: 'single', prompt: '1+1=?', options: ['1', '2'], correct: 1 }),
      null
    )
    const got: (AnswerResult | undefined)[] = []
    const original = console.error
    console.error = () => undefined // the failing ack is reported there; keep the test output clean
    try {
      live.answer(a, { runId: run.runId, seq: 1, answer: { kind: 'single', choice: 1 } }, () => {
        throw new Error('socket gone')
      })
      live.answer(b, { runId: run.runId, seq: 1, answer: { kind: 'single', choice: 0 } }, (err, r) => {
        expect(err).toBeNull()
        got.push(r)
      })
      await nextTurn()
      await nextTurn()
    } finally {
      console.error = original
    }
    expect(got).toEqual([expect.objectContaining({ runId: run.runId, seq: 1, duplicate: false })])
    // Both answers were committed together, the throwing ack notwithstanding.
    expect(live.tally()).toMatchObject({ answered: 2, counts: [1, 1] })
  })
})
