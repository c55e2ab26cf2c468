/**
 * A closed question run as the platform's QuizResultInput, written by the classroom service when
 * it queues the run (in the same transaction). Answers and keys are what the student saw on the
 * tablet ("B", "AC", "对"/"错", the text typed), never our option indexes; a student is named by
 * the platform's student id when the lesson's class came from the platform roster. The run is
 * filed under its lesson's class and teacher; a run outside any lesson has neither, so it is not
 * queued (its results stay in the classroom records and exports).
 * Only the DTO's schema is applied, once, here; the worker reads the row back with the same one.
 */
import type { Database } from 'better-sqlite3'
import { describeAnswer, keyText, QuestionSpec, type Answer } from '../../../src-shared/classroom/question'
import { KINDS, kindModule, type QuestionKind } from '../../../src-shared/classroom/kinds'
import { ClassWithRoster, type OutboxDisplay, type OutboxTeacher } from '../../../src-shared/contract/sync'
import { QuizResultInput } from '../../../src-shared/platform/dto'
import { getSession } from '../lessons/lessons-repo'
import { classesCacheKey } from './teacher-repo'
import { z } from 'zod'

type PlatformKind = z.output<typeof QuizResultInput>['question']['kind']

/** The platform's term for a kind; a kind this version does not know (an old row) is 'open'. */
export function platformQuizKind(kind: string): PlatformKind {
  return kind in KINDS ? kindModule(kind as QuestionKind).platform : 'open'
}

/** The key in the letters and words the student saw; null when the question has none or is unreadable. */
export function correctAnswerText(spec: unknown): string | null {
  const parsed = QuestionSpec.safeParse(spec)
  return parsed.success ? keyText(parsed.data) : null
}

export interface RunForPlatform {
  readonly id: string
  readonly lessonSessionId: string | null
  readonly spec: QuestionSpec
  readonly launchedAt: string
  readonly closedAt: string | null
  readonly answers: readonly {
    name: string
    answer: Answer
    correct: boolean | null
    receivedAt: string | null
  }[]
}

export interface QuizResultItem {
  readonly payload: z.output<typeof QuizResultInput>
  readonly teacher: OutboxTeacher | null
  readonly display: OutboxDisplay
}

/** Platform student ids by name, for a class in the teacher's cached platform classes; a name two students share gets none. */
function platformIds(db: Database, teacherId: string | null, classId: string): Map<string, string> {
  const out = new Map<string, string>()
  if (!teacherId) return out
  const row = db.prepare('SELECT value FROM sync_cache WHERE key = ?').get(classesCacheKey(teacherId)) as
    { value: string } | undefined
  if (!row) return out
  const parsed = z.object({ classes: z.array(ClassWithRoster) }).safeParse(JSON.parse(row.value))
  const cls = parsed.success ? parsed.data.classes.find((c) => c.id === classId) : undefined
  const seen = new Set<string>()
  for (const s of cls?.students ?? []) {
    if (seen.has(s.name)) out.delete(s.name)
    else out.set(s.name, s.id)
    seen.add(s.name)
  }
  return out
}

const iso = (s: string) => new Date(s).toISOString()

export function quizResultItem(db: Database, run: RunForPlatform): QuizResultItem | null {
  const lesson = run.lessonSessionId ? getSession(db, run.lessonSessionId) : undefined
  if (!lesson) return null
  const teacher = lesson.teacher_id && lesson.teacher_name ? { id: lesson.teacher_id, name: lesson.teacher_name } : null
  const ids = platformIds(db, teacher?.id ?? null, lesson.class_id)
  const correct = keyText(run.spec)
  const stem = run.spec.prompt.trim() || '（课堂提问）'
  const parsed = QuizResultInput.safeParse({
    clientResultId: run.id,
    classId: lesson.class_id,
    lessonRecordId: lesson.id,
    ...(lesson.chapter_id ? { chapterId: lesson.chapter_id } : {}),
    question: {
      stem: stem.slice(0, 5000),
      kind: platformQuizKind(run.spec.kind),
      ...(correct !== null ? { correctAnswer: correct.slice(0, 2000) } : {})
    },
    startedAt: iso(run.launchedAt),
    closedAt: iso(run.closedAt ?? run.launchedAt),
    answers: run.answers.slice(0, 300).map((a) => {
      const name = [...a.name].slice(0, 50).join('') || '匿名'
      const studentId = ids.get(a.name)
      return {
        ...(studentId ? { studentId } : {}),
        studentName: name,
        answer: describeAnswer(a.answer).slice(0, 2000),
        ...(a.correct === null ? {} : { correct: a.correct }),
        ...(a.receivedAt ? { answeredAt: iso(a.receivedAt) } : {})
      }
    })
  })
  // Only an id the platform cannot take (a local class id over 64 characters) fails here; closing
  // the run must not fail with it, so the results then stay in the classroom records only.
  if (!parsed.success) return null
  const payload = parsed.data
  return {
    payload,
    teacher,
    display: { className: lesson.class_name, title: [...stem].slice(0, 200).join(''), at: payload.startedAt }
  }
}
