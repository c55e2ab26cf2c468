/**
 * The teacher's view of a run, computed from its answers: counts per option, correct rate,
 * word cloud, buzz-in order, photos, and the per-student table.
 */
import { describeAnswer } from '../../../src-shared/classroom/question'
import { kindModule, type TallySink } from '../../../src-shared/classroom/kinds'
import { type ResultRow, type RunResults, type RunTally } from '../../../src-shared/classroom/results'
import type { AnswerRow, RunRow } from './classroom-repo'

export interface TallyPerson {
  id: string
  name: string
  online: boolean
  /** False for roster entries nobody has claimed yet. */
  joined: boolean
}

export function buildTally(run: RunRow, people: readonly TallyPerson[], answers: Iterable<AnswerRow>): RunTally {
  const spec = run.spec
  // Answers come in receive order already (SQL ORDER BY recv_order; a live Map keeps first-insert order).
  const list = [...answers]
  const byStudent = new Set(list.map((a) => a.studentId))
  let names: Map<string, string> | null = null
  const nameOf = (id: string): string => (names ??= new Map(people.map((p) => [p.id, p.name]))).get(id) ?? '?'
  const m = kindModule(spec.kind)
  const labels = m.bars(spec)
  const keyText = run.revealedAt !== null ? m.keyText(spec) : null
  const counts = new Array<number>(labels.length).fill(0)
  const words = new Map<string, number>()
  let marked = 0
  let correct = 0
  const buzz: RunTally['buzz'] = []
  const photos: RunTally['photos'] = []
  const sink: TallySink = {
    counts,
    words,
    buzz(studentId, at, winners) {
      const rank = buzz.length + 1
      buzz.push({ rank, studentId, name: nameOf(studentId), at, won: rank <= winners })
    },
    photo(studentId, photoId) {
      photos.push({ studentId, name: nameOf(studentId), photoId })
    }
  }

  for (const a of list) {
    // An answer is stored only after it fitted its run's spec, so its kind is the spec's.
    if (a.answer.kind === spec.kind) m.tally(sink, a.answer, a, spec)
    if (a.correct !== null) {
      marked++
      if (a.correct) correct++
    }
  }

  return {
    runId: run.id,
    kind: spec.kind,
    prompt: spec.prompt,
    labels,
    state: run.state,
    closeReason: run.closeReason,
    revealed: run.revealedAt !== null,
    ...(keyText !== null ? { keyText } : {}),
    launchedAt: run.launchedAt,
    deadline: run.deadline,
    total: people.length,
    answered: byStudent.size,
    students: people.map((p) => ({ id: p.id, name: p.name, answered: byStudent.has(p.id), online: p.online })),
    counts,
    marked,
    correct,
    words: [...words]
      .map(([word, count]) => ({ word, count }))
      .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)),
    buzz,
    photos
  }
}

export function buildResults(run: RunRow, people: readonly TallyPerson[], answers: readonly AnswerRow[]): RunResults {
  const tally = buildTally(run, people, answers)
  const byStudent = new Map(answers.map((a) => [a.studentId, a]))
  const rankOf = new Map(tally.buzz.map((b) => [b.studentId, b.rank]))
  const rows: ResultRow[] = people.map((p) => {
    const a = byStudent.get(p.id)
    return {
      studentId: p.id,
      name: p.name,
      answer: a?.answer ?? null,
      text: a ? describeAnswer(a.answer) : '',
      correct: a?.correct ?? null,
      seq: a?.seq ?? null,
      receivedAt: a?.receivedAt ?? null,
      rank: rankOf.get(p.id) ?? null
    }
  })
  return {
    ...tally,
    spec: run.spec,
    lessonSessionId: run.lessonSessionId,
    classSessionId: run.classSessionId,
    closedAt: run.closedAt,
    rows
  }
}
