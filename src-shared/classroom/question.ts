/**
 * Questions asked in class: what the teacher launches (QuestionSpec, with the key),
 * what a student's device is shown (StudentQuestion, the key removed), what a student
 * sends back (Answer), and how an answer is marked. Pure: used by the server, the
 * student page and the teacher console alike.
 */
import { z } from 'zod'
import { QUESTION_KIND_ZH, normaliseText } from './wire'

export { QUESTION_KIND_ZH, normaliseText }

export const QuestionKind = z.enum(['single', 'multiple', 'truefalse', 'fillin', 'poll', 'wordcloud', 'buzz', 'photo'])
export type QuestionKind = z.infer<typeof QuestionKind>

const Prompt = z.string().max(2000).default('')
const Options = z.array(z.string().min(1).max(200)).min(2).max(10)
/** Seconds until the question closes by itself; absent = the teacher closes it. */
const TimeLimit = z.number().int().min(5).max(3600).optional()

const Single = z.object({
  kind: z.literal('single'),
  prompt: Prompt,
  options: Options,
  /** Index of the correct option; absent = no key (nothing is marked). */
  correct: z.number().int().min(0).max(9).optional(),
  timeLimitSec: TimeLimit
})
const Multiple = z.object({
  kind: z.literal('multiple'),
  prompt: Prompt,
  options: Options,
  correct: z.array(z.number().int().min(0).max(9)).min(1).max(10).optional(),
  timeLimitSec: TimeLimit
})
const TrueFalse = z.object({
  kind: z.literal('truefalse'),
  prompt: Prompt,
  correct: z.boolean().optional(),
  timeLimitSec: TimeLimit
})
const FillIn = z.object({
  kind: z.literal('fillin'),
  prompt: Prompt,
  /** One entry per blank; each blank accepts any of its answers (after normaliseText). */
  blanks: z
    .array(z.object({ accepted: z.array(z.string().min(1).max(200)).max(20) }))
    .min(1)
    .max(10),
  timeLimitSec: TimeLimit
})
const Poll = z.object({
  kind: z.literal('poll'),
  prompt: Prompt,
  options: Options,
  multi: z.boolean().default(false),
  timeLimitSec: TimeLimit
})
const WordCloud = z.object({
  kind: z.literal('wordcloud'),
  prompt: Prompt,
  /** Words one student may give. */
  maxWords: z.number().int().min(1).max(5).default(3),
  timeLimitSec: TimeLimit
})
const Buzz = z.object({
  kind: z.literal('buzz'),
  prompt: Prompt,
  /** The first N to buzz win. */
  winners: z.number().int().min(1).max(50).default(1),
  timeLimitSec: TimeLimit
})
const Photo = z.object({
  kind: z.literal('photo'),
  prompt: Prompt,
  timeLimitSec: TimeLimit
})

export const QuestionSpec = z
  .discriminatedUnion('kind', [Single, Multiple, TrueFalse, FillIn, Poll, WordCloud, Buzz, Photo])
  .superRefine((q, ctx) => {
    if ((q.kind === 'single' || q.kind === 'multiple') && q.correct !== undefined) {
      const keys = Array.isArray(q.correct) ? q.correct : [q.correct]
      for (const k of keys) {
        if (k >= q.options.length)
          ctx.addIssue({ code: 'custom', path: ['correct'], message: `没有第 ${k + 1} 个选项` })
      }
    }
  })
export type QuestionSpec = z.output<typeof QuestionSpec>
export type QuestionSpecInput = z.input<typeof QuestionSpec>

/** What a student's device receives: the question without its key. */
export const StudentQuestion = z.object({
  runId: z.string(),
  kind: QuestionKind,
  prompt: z.string(),
  options: z.array(z.string()).optional(),
  multi: z.boolean().optional(),
  blanks: z.number().int().optional(),
  maxWords: z.number().int().optional(),
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
  const q: StudentQuestion = { runId, kind: spec.kind, prompt: spec.prompt, launchedAt: launchedAt.toISOString() }
  if (deadline) q.deadline = deadline.toISOString()
  switch (spec.kind) {
    case 'single':
    case 'multiple':
      q.options = spec.options
      q.multi = spec.kind === 'multiple'
      break
    case 'poll':
      q.options = spec.options
      q.multi = spec.multi
      break
    case 'fillin':
      q.blanks = spec.blanks.length
      break
    case 'wordcloud':
      q.maxWords = spec.maxWords
      break
    default:
      break
  }
  return q
}

const ShortText = z.string().max(200)

/** What a student answers; the shape is checked against the question with answerFits(). */
export const Answer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('single'), choice: z.number().int().min(0).max(9) }).strict(),
  z.object({ kind: z.literal('multiple'), choices: z.array(z.number().int().min(0).max(9)).min(1).max(10) }).strict(),
  z.object({ kind: z.literal('truefalse'), value: z.boolean() }).strict(),
  z.object({ kind: z.literal('fillin'), texts: z.array(ShortText).min(1).max(10) }).strict(),
  z.object({ kind: z.literal('poll'), choices: z.array(z.number().int().min(0).max(9)).min(1).max(10) }).strict(),
  z.object({ kind: z.literal('wordcloud'), words: z.array(z.string().max(30)).min(1).max(5) }).strict(),
  z.object({ kind: z.literal('buzz') }).strict(),
  /** Set by the server after an HTTP upload; a socket may not send it. */
  z.object({ kind: z.literal('photo'), photoId: z.string().max(80) }).strict()
])
export type Answer = z.infer<typeof Answer>

/** Null when the answer suits the question, else a Chinese reason a student can act on. */
function inRange(i: number, n: number): boolean {
  return i >= 0 && i < n
}

export function answerMisfit(spec: QuestionSpec, a: Answer): { zh: string; en: string } | null {
  if (a.kind !== spec.kind)
    return {
      zh: `这道题是${QUESTION_KIND_ZH[spec.kind]}，请按题型作答`,
      en: `This is a ${spec.kind} question; answer it as one`
    }
  const noOption = { zh: '没有这个选项', en: 'There is no such option' }
  switch (a.kind) {
    case 'single':
      return spec.kind === 'single' && inRange(a.choice, spec.options.length) ? null : noOption
    case 'multiple':
    case 'poll': {
      const n = spec.kind === 'multiple' || spec.kind === 'poll' ? spec.options.length : 0
      if (!a.choices.every((c) => inRange(c, n))) return noOption
      if (new Set(a.choices).size !== a.choices.length)
        return { zh: '同一个选项只能选一次', en: 'Each option can be chosen only once' }
      if (spec.kind === 'poll' && !spec.multi && a.choices.length !== 1)
        return { zh: '这次投票只能选一项', en: 'This poll takes one choice only' }
      return null
    }
    case 'fillin':
      if (spec.kind !== 'fillin' || a.texts.length !== spec.blanks.length) {
        const n = spec.kind === 'fillin' ? spec.blanks.length : ''
        return { zh: `请填写全部 ${n} 个空`, en: `Fill in all ${n} blanks` }
      }
      return a.texts.some((t) => normaliseText(t) === '')
        ? { zh: '还有空没有填写', en: 'A blank is still empty' }
        : null
    case 'wordcloud': {
      const words = a.words.map(normaliseText).filter((w) => w !== '')
      if (words.length === 0) return { zh: '请至少写一个词', en: 'Write at least one word' }
      return spec.kind === 'wordcloud' && words.length > spec.maxWords
        ? { zh: `最多写 ${spec.maxWords} 个词`, en: `Write at most ${spec.maxWords} words` }
        : null
    }
    default:
      return null
  }
}

/** True/false when the question has a key, null when it has none (poll, word cloud, photo, buzz). */
export function markAnswer(spec: QuestionSpec, a: Answer): boolean | null {
  switch (spec.kind) {
    case 'single':
      return spec.correct === undefined || a.kind !== 'single' ? null : a.choice === spec.correct
    case 'multiple': {
      if (spec.correct === undefined || a.kind !== 'multiple') return null
      const want = [...new Set(spec.correct)].sort()
      const got = [...new Set(a.choices)].sort()
      return want.length === got.length && want.every((v, i) => v === got[i])
    }
    case 'truefalse':
      return spec.correct === undefined || a.kind !== 'truefalse' ? null : a.value === spec.correct
    case 'fillin': {
      if (a.kind !== 'fillin' || spec.blanks.every((b) => b.accepted.length === 0)) return null
      return spec.blanks.every((b, i) => {
        const given = normaliseText(a.texts[i] ?? '')
        return b.accepted.some((acc) => normaliseText(acc) === given)
      })
    }
    default:
      return null
  }
}

/** The key as a student may see it after the teacher reveals it. */
export const RevealedKey = z.object({
  runId: z.string(),
  options: z.array(z.number().int()).optional(),
  value: z.boolean().optional(),
  accepted: z.array(z.array(z.string())).optional()
})
export type RevealedKey = z.infer<typeof RevealedKey>

export function revealedKey(runId: string, spec: QuestionSpec): RevealedKey {
  switch (spec.kind) {
    case 'single':
      return spec.correct === undefined ? { runId } : { runId, options: [spec.correct] }
    case 'multiple':
      return spec.correct === undefined ? { runId } : { runId, options: spec.correct }
    case 'truefalse':
      return spec.correct === undefined ? { runId } : { runId, value: spec.correct }
    case 'fillin':
      return { runId, accepted: spec.blanks.map((b) => b.accepted) }
    default:
      return { runId }
  }
}

/** Short human text of an answer, for tables and CSV (option letters, joined blanks). */
export function describeAnswer(a: Answer): string {
  const letter = (i: number): string => String.fromCharCode(65 + i)
  switch (a.kind) {
    case 'single':
      return letter(a.choice)
    case 'multiple':
    case 'poll':
      return [...a.choices].sort().map(letter).join('')
    case 'truefalse':
      return a.value ? '对' : '错'
    case 'fillin':
      return a.texts.join(' | ')
    case 'wordcloud':
      return a.words.join('、')
    case 'buzz':
      return '抢答'
    case 'photo':
      return `照片 ${a.photoId}`
  }
}
