/**
 * The question bank (题库): questions kept apart from any deck, filed by chapter, kind and
 * difficulty, so one question can be inserted into many decks or launched straight in class.
 * A question is the deck model's own Question, so inserting it into a deck is a copy, not a conversion.
 */
import { z } from 'zod'
import { Question } from '../courseware/question'
import type { QuestionSpecInput } from '../classroom/question'
import { ChapterPath, Tags } from './resource'

/** 1 容易 … 5 困难, the five steps Chinese test papers use. */
export const Difficulty = z.number().int().min(1).max(5)
export type Difficulty = z.infer<typeof Difficulty>
export const DIFFICULTY_ZH: Record<number, string> = { 1: '容易', 2: '较易', 3: '中等', 4: '较难', 5: '困难' }

export const BankQuestion = z.object({
  id: z.string(),
  question: Question,
  chapter: ChapterPath,
  difficulty: Difficulty,
  tags: z.array(z.string()),
  /** Where it came from: typed in, or the Word file it was imported from. */
  source: z.string(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type BankQuestion = z.infer<typeof BankQuestion>

export const BankQuestionInput = z
  .object({
    question: Question,
    chapter: ChapterPath.default({}),
    difficulty: Difficulty.default(3),
    tags: Tags.default([])
  })
  .strict()
export type BankQuestionInput = z.input<typeof BankQuestionInput>

/**
 * The classroom's QuestionSpec for a bank (or deck) question, so it can be launched in class
 * directly. Option keys become indices; the classroom's limits (prompt 2000 characters, options
 * 200, time limit ≥ 5 s) are applied here rather than failing the launch.
 */
export function classroomSpecOf(q: Question): QuestionSpecInput {
  const prompt = q.prompt.slice(0, 2000)
  const timeLimitSec = q.timeLimitSec !== undefined ? Math.max(5, q.timeLimitSec) : undefined
  const timing = timeLimitSec === undefined ? {} : { timeLimitSec }
  const texts = (opts: readonly { text: string }[]): string[] => opts.map((o) => o.text.slice(0, 200) || ' ')
  switch (q.kind) {
    case 'single':
      return { kind: 'single', prompt, options: texts(q.options), correct: q.options.findIndex((o) => o.id === q.answer), ...timing }
    case 'multiple':
      return {
        kind: 'multiple',
        prompt,
        options: texts(q.options),
        correct: q.options.flatMap((o, i) => (q.answers.includes(o.id) ? [i] : [])),
        ...timing
      }
    case 'true-false':
      return { kind: 'truefalse', prompt, correct: q.answer, ...timing }
    case 'fill-in':
      return { kind: 'fillin', prompt, blanks: [{ accepted: q.accepted.map((a) => a.slice(0, 200)).slice(0, 20) }], ...timing }
    case 'poll':
      return { kind: 'poll', prompt, options: texts(q.options), multi: q.allowMultiple, ...timing }
  }
}
