/**
 * The question bank (题库): questions kept apart from any deck, filed by chapter, kind and
 * difficulty, so one question can be inserted into many decks or launched straight in class.
 * A question is the deck model's own Question, so inserting it into a deck is a copy, not a conversion,
 * and launching it in class goes through questionSpecFromCourseware (src-shared/classroom).
 */
import { z } from 'zod'
import { Question } from '../courseware/question'
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
