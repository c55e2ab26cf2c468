/**
 * Every question kind the classroom runs, one module each. `KINDS` is the only list of kinds:
 * QuestionKind, the spec and answer unions and every per-kind rule elsewhere are read from it, and
 * each module `satisfies KindModule`, so a kind with a piece missing does not compile.
 * Adding a kind: docs/classroom-protocol.md, "Adding a question kind".
 */
import { z } from 'zod'
import type { KindModule, Reason } from './kind-module'
import { single } from './single'
import { multiple } from './multiple'
import { truefalse } from './truefalse'
import { fillin } from './fillin'
import { poll } from './poll'
import { wordcloud } from './wordcloud'
import { buzz } from './buzz'
import { photo } from './photo'
import { number } from './number'
import { ordering } from './ordering'
import { drawing } from './drawing'

export * from './kind-module'

export const KINDS = { single, multiple, truefalse, fillin, poll, wordcloud, buzz, photo, number, ordering, drawing }

type Kinds = typeof KINDS
/** Fails to compile when a key names another kind than its module's (`single: multiple`). */
type KeysAgree<T extends { [K in keyof T]: { kind: K } }> = T
export type CheckedKinds = KeysAgree<Kinds>
export type QuestionKind = keyof Kinds
export const QUESTION_KINDS = Object.keys(KINDS) as QuestionKind[]
export const QuestionKind = z.enum(QUESTION_KINDS as [QuestionKind, ...QuestionKind[]])

export type QuestionSpec = { [K in QuestionKind]: z.output<Kinds[K]['spec']> }[QuestionKind]
export type QuestionSpecInput = { [K in QuestionKind]: z.input<Kinds[K]['spec']> }[QuestionKind]
export type Answer = { [K in QuestionKind]: z.output<Kinds[K]['answer']> }[QuestionKind]
export type SpecOf<K extends QuestionKind> = Extract<QuestionSpec, { kind: K }>
export type AnswerOf<K extends QuestionKind> = Extract<Answer, { kind: K }>

/** The module of a kind, typed for any spec: callers pass it a spec (and answer) of that kind. */
export function kindModule(kind: QuestionKind): KindModule<QuestionSpec, Answer> {
  return KINDS[kind] as unknown as KindModule<QuestionSpec, Answer>
}

const modules = Object.values(KINDS) as unknown as readonly KindModule<QuestionSpec, Answer>[]
type SpecObject = Kinds['single']['spec']

export const QuestionSpec = z
  .discriminatedUnion('kind', modules.map((m) => m.spec) as unknown as [SpecObject, ...SpecObject[]])
  .superRefine((q, ctx) => {
    kindModule(q.kind).refine?.(q as QuestionSpec, (path, message) =>
      ctx.addIssue({ code: 'custom', path: [path], message })
    )
  }) as unknown as z.ZodType<QuestionSpec, QuestionSpecInput>

export const Answer = z.discriminatedUnion(
  'kind',
  modules.map((m) => m.answer) as unknown as [Kinds['single']['answer'], ...Kinds['single']['answer'][]]
) as unknown as z.ZodType<Answer>

export const KIND_LABELS = Object.fromEntries(modules.map((m) => [m.kind, m.label])) as Record<QuestionKind, Reason>
