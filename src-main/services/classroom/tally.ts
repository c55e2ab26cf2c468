/**
 * The teacher's view of a run, computed from its answers: counts per option, correct rate,
 * word cloud, buzz-in order, photos, and the per-student table.
 */
import { describeAnswer, normaliseText } from '../../../src-shared/classroom/question'
import { countLabels, type ResultRow, type RunResults, type RunTally } from '../../../src-shared/classroom/results'
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
  const optionCount =
    spec.kind === 'single' || spec.kind === 'multiple' || spec.kind === 'poll'
      ? spec.options.length
      : spec.kind === 'truefalse'
        ? 2
        : 0
  const counts = new Array<number>(optionCount).fill(0)
  const words = new Map<string, number>()
  let marked = 0
  let correct = 0
  const buzz: RunTally['buzz'] = []
  const photos: RunTally['photos'] = []
  const winners = spec.kind === 'buzz' ? spec.winners : 0

  for (const a of list) {
    const ans = a.answer
    if (ans.kind === 'single') counts[ans.choice] = (counts[ans.choice] ?? 0) + 1
    else if (ans.kind === 'multiple' || ans.kind === 'poll')
      for (const c of ans.choices) counts[c] = (counts[c] ?? 0) + 1
    else if (ans.kind === 'truefalse') counts[ans.value ? 0 : 1]! += 1
    else if (ans.kind === 'wordcloud') {
      for (const w of new Set(ans.words.map(normaliseText).filter(Boolean))) words.set(w, (words.get(w) ?? 0) + 1)
    } else if (ans.kind === 'buzz') {
      const rank = buzz.length + 1
      buzz.push({ rank, studentId: a.studentId, name: nameOf(a.studentId), at: a.receivedAt, won: rank <= winners })
    } else if (ans.kind === 'photo')
      photos.push({ studentId: a.studentId, name: nameOf(a.studentId), photoId: ans.photoId })
    if (a.correct !== null) {
      marked++
      if (a.correct) correct++
    }
  }

  return {
    runId: run.id,
    kind: spec.kind,
    prompt: spec.prompt,
    labels: countLabels(spec),
    state: run.state,
    closeReason: run.closeReason,
    revealed: run.revealedAt !== null,
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
