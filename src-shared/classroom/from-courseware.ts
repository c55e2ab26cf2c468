/**
 * A slide's question element (src-shared/courseware/question.ts) as a QuestionSpec the
 * classroom can launch. Differences the mapping settles: option ids become indexes, long
 * texts are shortened to what a tablet shows, and fill-in answers are always compared
 * case-insensitively (the classroom's normalisation), whatever `caseSensitive` says.
 */
import { AppError } from '../errors'
import type { Question } from '../courseware/question'
import { QuestionSpec } from './question'

const MAX_OPTIONS = 10
const clip = (s: string, n: number): string => ([...s].length <= n ? s : [...s].slice(0, n - 1).join('') + '…')

export function questionSpecFromCourseware(q: Question): QuestionSpec {
  const common = {
    prompt: clip(q.prompt, 2000),
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
  switch (q.kind) {
    case 'single':
      return QuestionSpec.parse({ kind: 'single', ...common, options: texts, correct: indexOf(q.answer) })
    case 'multiple':
      return QuestionSpec.parse({ kind: 'multiple', ...common, options: texts, correct: q.answers.map(indexOf) })
    case 'true-false':
      return QuestionSpec.parse({ kind: 'truefalse', ...common, correct: q.answer })
    case 'fill-in':
      return QuestionSpec.parse({
        kind: 'fillin',
        ...common,
        blanks: [{ accepted: q.accepted.slice(0, 20).map((a) => clip(a, 200)) }]
      })
    case 'poll':
      return QuestionSpec.parse({ kind: 'poll', ...common, options: texts, multi: q.allowMultiple })
  }
}
