/**
 * Questions asked in class: what the teacher launches (QuestionSpec, with the key),
 * what a student's device is shown (StudentQuestion, the key removed), what a student
 * sends back (Answer), and how an answer is marked. Each kind's rules live in its module
 * (kinds/<kind>.ts); these functions only pick the module. Pure: used by the server, the
 * student page and the teacher console alike.
 */
import { z } from 'zod'
import { normaliseText } from './wire'
import {
  Answer,
  KIND_LABELS,
  QuestionKind,
  QuestionSpec,
  kindModule,
  type QuestionSpecInput,
  type Reason
} from './kinds'

export { normaliseText, Answer, KIND_LABELS, QuestionKind, QuestionSpec, type QuestionSpecInput }

/** Chinese names of kinds, for tables and headings. */
export const QUESTION_KIND_ZH = Object.fromEntries(Object.entries(KIND_LABELS).map(([k, l]) => [k, l.zh])) as Record<
  QuestionKind,
  string
>

/** What a student's device receives: the question without its key. */
export const StudentQuestion = z.object({
  runId: z.string(),
  kind: QuestionKind,
  /** The kind's Chinese name, so the tablet needs no table of kinds. */
  label: z.string(),
  prompt: z.string(),
  /** Pictures under the stem: fetch each from HTTP_PATHS.studentPicture + name, with the student token. */
  pictures: z.array(z.string()).optional(),
  options: z.array(z.string()).optional(),
  multi: z.boolean().optional(),
  blanks: z.number().int().optional(),
  maxWords: z.number().int().optional(),
  /** Number questions: the unit after the input and the range an answer must fall in. */
  unit: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** ISO time the question closes by itself, if it has a time limit. */
  deadline: z.string().optional(),
  launchedAt: z.string()
})
export type StudentQuestion = z.infer<typeof StudentQuestion>

export function toStudentQuestion(
  runId: string,
  spec: QuestionSpec,
  launchedAt: Date,
  deadline?: Date
): StudentQuestion {
  const m = kindModule(spec.kind)
  return {
    runId,
    kind: spec.kind,
    label: m.label.zh,
    prompt: spec.prompt,
    ...(spec.pictures.length ? { pictures: [...spec.pictures] } : {}),
    ...m.student(spec),
    ...(deadline ? { deadline: deadline.toISOString() } : {}),
    launchedAt: launchedAt.toISOString()
  }
}

/**
 * A raw answer checked against the question it answers, by that kind's strict schema and its
 * fit rules; the reason says what is wrong in words a student can act on.
 */
export function checkAnswer(
  spec: QuestionSpec,
  raw: unknown
): { ok: true; answer: Answer } | { ok: false; refusal: 'invalid' | 'wrong-kind'; reason: Reason } {
  const m = kindModule(spec.kind)
  const kind = (raw as { kind?: unknown } | null)?.kind
  if (kind !== spec.kind) return { ok: false, refusal: 'wrong-kind', reason: wrongKind(spec) }
  const parsed = m.answer.safeParse(raw)
  if (!parsed.success) return { ok: false, refusal: 'invalid', reason: m.badShape }
  const misfit = m.misfit(spec, parsed.data)
  return misfit ? { ok: false, refusal: 'wrong-kind', reason: misfit } : { ok: true, answer: parsed.data }
}

function wrongKind(spec: QuestionSpec): Reason {
  const l = kindModule(spec.kind).label
  return { zh: `这道题是${l.zh}，请按题型作答`, en: `This is a ${l.en.toLowerCase()} question; answer it as one` }
}

/** Null when the answer suits the question, else a Chinese reason a student can act on. */
export function answerMisfit(spec: QuestionSpec, a: Answer): Reason | null {
  return a.kind !== spec.kind ? wrongKind(spec) : kindModule(spec.kind).misfit(spec, a)
}

/** True/false when the question has a key, null when it has none (poll, word cloud, photo, buzz). */
export function markAnswer(spec: QuestionSpec, a: Answer): boolean | null {
  return a.kind !== spec.kind ? null : kindModule(spec.kind).mark(spec, a)
}

/** The key as a student may see it after the teacher reveals it. */
export const RevealedKey = z.object({
  runId: z.string(),
  /** Right option indexes; true/false: 0 = 对, 1 = 错. */
  options: z.array(z.number().int()).optional(),
  value: z.boolean().optional(),
  /** Per blank, the answers that count as right. */
  accepted: z.array(z.array(z.string())).optional(),
  /** Number questions: the right value and the tolerance. */
  number: z.object({ value: z.number(), tolerance: z.number() }).optional(),
  /** The key as the tablet shows it: B, AC, 对, H2O/水 | 100 (keyText); absent when there is none. */
  text: z.string().optional()
})
export type RevealedKey = z.infer<typeof RevealedKey>

export function revealedKey(runId: string, spec: QuestionSpec): RevealedKey {
  const m = kindModule(spec.kind)
  const text = m.keyText(spec)
  return { runId, ...m.key(spec), ...(text !== null ? { text } : {}) }
}

/** Short human text of an answer, for tables and CSV (option letters, joined blanks). */
export function describeAnswer(a: Answer): string {
  return kindModule(a.kind).describe(a)
}

/** The key in the letters and words the student saw; null when the question has none. */
export function keyText(spec: QuestionSpec): string | null {
  return kindModule(spec.kind).keyText(spec)
}
