/**
 * The 题库 view's rules, kept pure so they are tested without a page: the chapter picked on the
 * catalogue as a list filter, how a question's key is shown on its card, and a question as the
 * classroom runs it (through the one mapping the board and the console use too).
 */
import type { ChapterFilter } from '../../../../src-shared/contract/library'
import type { ChapterPath } from '../../../../src-shared/library/resource'
import type { Question } from '../../../../src-shared/courseware/question'
import type { QuestionSpec } from '../../../../src-shared/classroom/question'
import { questionSpecFromCourseware } from '../../../../src-shared/classroom/from-courseware'
import { AppError } from '../../../../src-shared/errors'

/** Every level picked narrows the list; nothing picked = the whole bank. */
export function chapterFilterOf(c: ChapterPath): ChapterFilter | undefined {
  const f: ChapterFilter = {}
  if (c.stage) f.stageId = c.stage.id
  if (c.subject) f.subjectId = c.subject.id
  if (c.edition) f.editionId = c.edition.id
  if (c.volume) f.volumeId = c.volume.id
  if (c.chapter) f.chapterId = c.chapter.id
  return Object.keys(f).length ? f : undefined
}

export const optionLetter = (i: number): string => String.fromCharCode(65 + i)

/** The key as a teacher reads it on the card: B, AC, 对/错, the accepted fill-ins; '' for a poll. */
export function answerText(q: Question, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const letterOf = (id: string): string => {
    const i = 'options' in q ? q.options.findIndex((o) => o.id === id) : -1
    return i < 0 ? '?' : optionLetter(i)
  }
  switch (q.kind) {
    case 'single':
      return letterOf(q.answer)
    case 'multiple':
      return q.answers.map(letterOf).sort().join('')
    case 'truefalse':
      return lang === 'en' ? (q.answer ? 'True' : 'False') : q.answer ? '对' : '错'
    case 'fillin':
      return q.accepted.join(' ｜ ')
    case 'poll':
      return ''
  }
}

/** The question as the classroom launches it, or the reason it cannot be (e.g. too many options). */
export function launchSpec(q: Question): { spec: QuestionSpec } | { error: AppError } {
  try {
    return { spec: questionSpecFromCourseware(q) }
  } catch (err) {
    return { error: AppError.from(err) }
  }
}
