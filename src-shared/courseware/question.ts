import { z } from 'zod'
import { Id } from './primitives'

/**
 * A question a teacher launches in class (the Interact issue runs it). The answer and explanation
 * live here; the classroom protocol decides what students may see.
 */
export const QuestionOption = z.object({ id: Id, text: z.string().max(2000) }).strict()
export type QuestionOption = z.infer<typeof QuestionOption>

const base = {
  prompt: z.string().min(1).max(5000),
  explanation: z.string().max(10_000).default(''),
  /** Seconds students have; absent = until the teacher closes it. */
  timeLimitSec: z.number().int().positive().max(3600).optional(),
  points: z.number().nonnegative().max(1000).default(1)
}

const optionsOf = (min: number) => z.array(QuestionOption).min(min).max(26)

export const SingleChoiceQuestion = z
  .object({ kind: z.literal('single'), ...base, options: optionsOf(2), answer: Id })
  .strict()
  .refine((q) => q.options.some((o) => o.id === q.answer), {
    message: 'answer must be one of the options',
    path: ['answer']
  })

export const MultipleChoiceQuestion = z
  .object({ kind: z.literal('multiple'), ...base, options: optionsOf(2), answers: z.array(Id).min(1) })
  .strict()
  .refine((q) => q.answers.every((a) => q.options.some((o) => o.id === a)), {
    message: 'every answer must be one of the options',
    path: ['answers']
  })

export const TrueFalseQuestion = z.object({ kind: z.literal('truefalse'), ...base, answer: z.boolean() }).strict()

export const FillInQuestion = z
  .object({
    kind: z.literal('fillin'),
    ...base,
    /** Any of these counts as right (e.g. "1/2", "0.5", "二分之一"). */
    accepted: z.array(z.string().min(1).max(500)).min(1).max(50),
    caseSensitive: z.boolean().default(false)
  })
  .strict()

/** A poll has no right answer. */
export const PollQuestion = z
  .object({ kind: z.literal('poll'), ...base, options: optionsOf(2), allowMultiple: z.boolean().default(false) })
  .strict()

export const Question = z.discriminatedUnion('kind', [
  SingleChoiceQuestion,
  MultipleChoiceQuestion,
  TrueFalseQuestion,
  FillInQuestion,
  PollQuestion
])
export type Question = z.infer<typeof Question>
/** The kinds a slide can hold: each is spelt as the classroom's kind of the same name (kinds/). */
export type QuestionKind = Question['kind']
export const COURSEWARE_KINDS: readonly QuestionKind[] = Question.options.map((o) => o.shape.kind.value)

/** Spellings of kinds in files of format 1 (.edux) and in question banks written before format 2. */
export const OLD_KIND_SPELLINGS: Readonly<Record<string, QuestionKind>> = {
  'true-false': 'truefalse',
  'fill-in': 'fillin'
}
