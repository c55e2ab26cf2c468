/**
 * What the teacher's console sees of a question run: the live tally (while answers arrive)
 * and the full results (per student). Computed by the classroom service from SQLite rows.
 */
import { z } from 'zod'
import { Answer, QuestionKind, QuestionSpec, type QuestionSpec as Spec } from './question'
import { kindModule } from './kinds'
import { CloseReason } from './protocol'

export const RunState = z.enum(['open', 'closed'])

export const TallyStudent = z.object({
  id: z.string(),
  name: z.string(),
  answered: z.boolean(),
  online: z.boolean()
})

export const RunTally = z.object({
  runId: z.string(),
  kind: QuestionKind,
  prompt: z.string(),
  /** Bar labels matching `counts` (see countLabels). */
  labels: z.array(z.string()),
  state: RunState,
  closeReason: CloseReason.nullable(),
  revealed: z.boolean(),
  /** Once revealed, the key as the class sees it (B, 对, H2O/水); absent before, or when there is none. */
  keyText: z.string().optional(),
  launchedAt: z.string(),
  deadline: z.string().nullable(),
  /** Students who have joined this class (the denominator of "not yet"). */
  total: z.number().int(),
  answered: z.number().int(),
  students: z.array(TallyStudent),
  /** Per option (single, multiple, poll) or [对, 错] (true/false); empty otherwise. */
  counts: z.array(z.number().int()),
  /** Answers that could be marked, and how many of them were right. */
  marked: z.number().int(),
  correct: z.number().int(),
  /** Word cloud: normalised word → how many students gave it, most first. */
  words: z.array(z.object({ word: z.string(), count: z.number().int() })),
  /** Buzz-in order, by the server's receive time. */
  buzz: z.array(
    z.object({ rank: z.number().int(), studentId: z.string(), name: z.string(), at: z.string(), won: z.boolean() })
  ),
  photos: z.array(z.object({ studentId: z.string(), name: z.string(), photoId: z.string() }))
})
export type RunTally = z.infer<typeof RunTally>

export const ResultRow = z.object({
  studentId: z.string(),
  name: z.string(),
  answer: Answer.nullable(),
  /** describeAnswer(answer), or '' when not answered. */
  text: z.string(),
  correct: z.boolean().nullable(),
  seq: z.number().int().nullable(),
  receivedAt: z.string().nullable(),
  rank: z.number().int().nullable()
})
export type ResultRow = z.infer<typeof ResultRow>

export const RunResults = RunTally.extend({
  spec: QuestionSpec,
  lessonSessionId: z.string().nullable(),
  classSessionId: z.string(),
  closedAt: z.string().nullable(),
  rows: z.array(ResultRow)
})
export type RunResults = z.infer<typeof RunResults>

/** Percent of marked answers that were right, or null when nothing could be marked. */
export function correctRate(t: Pick<RunTally, 'marked' | 'correct'>): number | null {
  return t.marked === 0 ? null : Math.round((t.correct / t.marked) * 1000) / 10
}

/** Labels for the bars of a tally's `counts`. */
export function countLabels(spec: Spec): string[] {
  return kindModule(spec.kind).bars(spec)
}
