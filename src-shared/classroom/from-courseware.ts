/**
 * A slide's question element (src-shared/courseware/question.ts) as a QuestionSpec the
 * classroom can launch. Differences the mapping settles: option ids become indexes, long
 * texts are shortened to what a tablet shows, and fill-in answers are always compared
 * case-insensitively (the classroom's normalisation), whatever `caseSensitive` says.
 */
import { AppError } from '../errors'
import type { Question } from '../courseware/question'
import { QuestionSpec, type QuestionSpecInput } from './question'
import type { QuestionKind } from './kinds'

type SpecInputOf<K extends QuestionKind> = Extract<QuestionSpecInput, { kind: K }>

const MAX_OPTIONS = 10
const clip = (s: string, n: number): string => ([...s].length <= n ? s : [...s].slice(0, n - 1).join('') + '…')

/** `pictures`: names in the media store the tablet shows under the stem (the slide's pictures). */
export function questionSpecFromCourseware(q: Question, pictures: readonly string[] = []): QuestionSpec {
  const common = {
    prompt: clip(q.prompt, 2000),
    pictures: pictures.slice(0, 4),
    ...(q.timeLimitSec !== undefined ? { timeLimitSec: Math.max(5, q.timeLimitSec) } : {})
  }
  const options = 'options' in q ? q.options : []
  if (options.length > MAX_OPTIONS) {
    throw new AppError(
      'VALIDATION',
      `这道题有 ${options.length} 个选项，课堂互动最多支持 ${MAX_OPTIONS} 个，请在课件中删减选项后再发布`,
      `This question has ${options.length} options; classroom questions allow at most ${MAX_OPTIONS}`,
      { options: options.length }
    )
  }
  const texts = options.map((o) => clip(o.text.trim() || '（空）', 200))
  const indexOf = (id: string): number => options.findIndex((o) => o.id === id)
  // One entry per courseware kind, giving the classroom kind of the same name: a slide kind the
  // classroom cannot run, or one left out here, does not compile.
  const toSpec: { [K in Question['kind']]: (q: Extract<Question, { kind: K }>) => SpecInputOf<K> } = {
    single: (q) => ({ kind: 'single', ...common, options: texts, correct: indexOf(q.answer) }),
    multiple: (q) => ({ kind: 'multiple', ...common, options: texts, correct: q.answers.map(indexOf) }),
    truefalse: (q) => ({ kind: 'truefalse', ...common, correct: q.answer }),
    fillin: (q) => ({
      kind: 'fillin',
      ...common,
      blanks: [{ accepted: q.accepted.slice(0, 20).map((a) => clip(a, 200)) }]
    }),
    poll: (q) => ({ kind: 'poll', ...common, options: texts, multi: q.allowMultiple })
  }
  return QuestionSpec.parse((toSpec[q.kind] as (q: Question) => QuestionSpecInput)(q))
}
