/**
 * What the other services put in the outbox, as the platform's DTOs. The lessons service
 * queues its LessonRecord (kind 'lesson') and the classroom service its question run's
 * results (kind 'quiz-result'); a payload already in the platform's shape is taken as it is.
 * The schemas here read only the fields sync needs, so those services may add fields freely.
 */
import { z } from 'zod'
import { AppError } from '../../../src-shared/errors'
import { LessonRecordInput, QuizResultInput } from '../../../src-shared/platform/dto'

const LessonFromLessons = z.object({
  id: z.string().min(1),
  classId: z.string().min(1),
  chapterId: z.string().nullable().optional(),
  deckTitle: z.string().optional(),
  className: z.string().optional(),
  startedAt: z.string(),
  endedAt: z.string(),
  activeMs: z.number().nonnegative(),
  questionsRun: z.number().int().nonnegative().optional()
})

const RunFromClassroom = z.object({
  runId: z.string().min(1),
  classId: z.string().optional(),
  lessonSessionId: z.string().nullable().optional(),
  spec: z.object({ kind: z.string(), prompt: z.string().optional(), correct: z.unknown().optional() }).passthrough(),
  launchedAt: z.string(),
  closedAt: z.string().nullable(),
  answers: z.array(
    z.object({
      rosterId: z.string().nullable().optional(),
      name: z.string(),
      answer: z.unknown(),
      correct: z.boolean().nullable().optional(),
      receivedAt: z.string().nullable().optional()
    })
  )
})

const kindMap: Record<string, z.infer<typeof QuizResultInput>['question']['kind']> = {
  single: 'single',
  multiple: 'multiple',
  truefalse: 'judge',
  fillin: 'fill',
  poll: 'vote'
}

function incomplete(what: string, issues: readonly z.core.$ZodIssue[]): AppError {
  const fields = issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(记录)'}: ${i.message}`)
    .join('；')
  return new AppError(
    'VALIDATION',
    `这条${what}的数据不完整，无法上传（${fields}）。`,
    `This ${what === '授课记录' ? 'lesson record' : 'quiz result'} is incomplete and cannot be sent (${fields}).`,
    { kind: 'permanent' }
  )
}

const iso = (s: string) => new Date(s).toISOString()

export function toLessonRecordInput(payload: unknown): z.output<typeof LessonRecordInput> {
  const direct = LessonRecordInput.safeParse(payload)
  if (direct.success) return direct.data
  const l = LessonFromLessons.safeParse(payload)
  if (!l.success) throw incomplete('授课记录', l.error.issues)
  const r = l.data
  const mapped = LessonRecordInput.safeParse({
    clientRecordId: r.id,
    classId: r.classId,
    ...(r.chapterId ? { chapterId: r.chapterId } : {}),
    title: (r.deckTitle || r.className || '课堂教学').slice(0, 200),
    startedAt: iso(r.startedAt),
    endedAt: iso(r.endedAt),
    activeSeconds: Math.round(r.activeMs / 1000),
    // A lesson session is the presenter on the classroom display.
    usedClassroomDisplay: true,
    questionCount: r.questionsRun ?? 0
  })
  if (!mapped.success) throw incomplete('授课记录', mapped.error.issues)
  return mapped.data
}

/** `classOfLesson` finds the platform class of the lesson a question ran in. */
export function toQuizResultInput(
  payload: unknown,
  classOfLesson: (lessonSessionId: string) => string | null
): z.output<typeof QuizResultInput> {
  const direct = QuizResultInput.safeParse(payload)
  if (direct.success) return direct.data
  const q = RunFromClassroom.safeParse(payload)
  if (!q.success) throw incomplete('答题结果', q.error.issues)
  const r = q.data
  const classId = r.classId ?? (r.lessonSessionId ? classOfLesson(r.lessonSessionId) : null)
  if (!classId) {
    throw new AppError(
      'VALIDATION',
      '这道题不在任何班级的授课中进行，平台不知道记到哪个班，无法上传。以后请先开始授课（选择班级）再发题。',
      'This question did not run inside a lesson with a class, so the platform cannot file it. Start a lesson for a class before running questions.',
      { kind: 'permanent' }
    )
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))
  const mapped = QuizResultInput.safeParse({
    clientResultId: r.runId,
    classId,
    ...(r.lessonSessionId ? { lessonRecordId: r.lessonSessionId } : {}),
    question: {
      stem: r.spec.prompt?.trim() || '（课堂提问）',
      kind: kindMap[r.spec.kind] ?? 'open',
      ...(r.spec.correct !== undefined ? { correctAnswer: text(r.spec.correct).slice(0, 2000) } : {})
    },
    startedAt: iso(r.launchedAt),
    closedAt: iso(r.closedAt ?? r.launchedAt),
    answers: r.answers.slice(0, 300).map((a) => ({
      ...(a.rosterId ? { studentId: a.rosterId } : {}),
      studentName: a.name.slice(0, 50) || '匿名',
      answer: text(a.answer).slice(0, 2000),
      ...(typeof a.correct === 'boolean' ? { correct: a.correct } : {}),
      ...(a.receivedAt ? { answeredAt: iso(a.receivedAt) } : {})
    }))
  })
  if (!mapped.success) throw incomplete('答题结果', mapped.error.issues)
  return mapped.data
}
