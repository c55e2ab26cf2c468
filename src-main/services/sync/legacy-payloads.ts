/**
 * Once, inside migration 10: the lesson and quiz-result rows older ClassDeck versions queued in
 * their producers' own shapes are rewritten as the platform's DTOs, so the worker reads every
 * kind with its one schema. A row that cannot be rewritten is left as it was; the worker then
 * marks it failed with the schema's reasons, where the teacher sees it and may delete it.
 */
import type { Database } from 'better-sqlite3'
import { z } from 'zod'
import { Answer, describeAnswer } from '../../../src-shared/classroom/question'
import { LessonRecordInput, QuizResultInput } from '../../../src-shared/platform/dto'
import { correctAnswerText, platformQuizKind } from './quiz-result-record'

const OldLesson = z.object({
  id: z.string().min(1),
  classId: z.string().min(1),
  className: z.string().optional(),
  deckTitle: z.string().optional(),
  chapterId: z.string().nullable().optional(),
  startedAt: z.string(),
  endedAt: z.string(),
  activeMs: z.number().nonnegative(),
  questionsRun: z.number().int().nonnegative().optional()
})

const OldRun = z.object({
  runId: z.string().min(1),
  lessonSessionId: z.string().nullable().optional(),
  spec: z.object({ kind: z.string(), prompt: z.string().optional() }).passthrough(),
  launchedAt: z.string(),
  closedAt: z.string().nullable(),
  answers: z.array(
    z.object({
      name: z.string(),
      answer: z.unknown(),
      correct: z.boolean().nullable().optional(),
      receivedAt: z.string().nullable().optional()
    })
  )
})

const iso = (s: string) => new Date(s).toISOString()

function upgradeLesson(raw: unknown): { payload: unknown; display: unknown } | null {
  if (LessonRecordInput.safeParse(raw).success) return null
  const l = OldLesson.safeParse(raw)
  if (!l.success) return null
  const r = l.data
  const dto = LessonRecordInput.safeParse({
    clientRecordId: r.id,
    classId: r.classId,
    ...(r.chapterId ? { chapterId: r.chapterId } : {}),
    title: (r.deckTitle || r.className || '课堂教学').slice(0, 200),
    startedAt: iso(r.startedAt),
    endedAt: iso(r.endedAt),
    activeSeconds: Math.min(24 * 3600, Math.round(r.activeMs / 1000)),
    usedClassroomDisplay: true,
    questionCount: r.questionsRun ?? 0
  })
  if (!dto.success) return null
  return {
    payload: dto.data,
    display: { className: r.className ?? null, title: dto.data.title, at: dto.data.startedAt }
  }
}

function upgradeRun(db: Database, raw: unknown): { payload: unknown; display: unknown } | null {
  if (QuizResultInput.safeParse(raw).success) return null
  const q = OldRun.safeParse(raw)
  if (!q.success || !q.data.lessonSessionId) return null
  const r = q.data
  const lesson = db.prepare('SELECT class_id, class_name FROM lesson_sessions WHERE id = ?').get(r.lessonSessionId) as
    { class_id: string; class_name: string } | undefined
  if (!lesson) return null
  const spec = r.spec as Record<string, unknown> & { kind: string }
  const correct = correctAnswerText(spec)
  const dto = QuizResultInput.safeParse({
    clientResultId: r.runId,
    classId: lesson.class_id,
    lessonRecordId: r.lessonSessionId,
    question: {
      stem: r.spec.prompt?.trim() || '（课堂提问）',
      kind: platformQuizKind(spec.kind),
      ...(correct !== null ? { correctAnswer: correct } : {})
    },
    startedAt: iso(r.launchedAt),
    closedAt: iso(r.closedAt ?? r.launchedAt),
    answers: r.answers.slice(0, 300).map((a) => {
      const parsed = Answer.safeParse(a.answer)
      const text = parsed.success ? describeAnswer(parsed.data) : typeof a.answer === 'string' ? a.answer : ''
      return {
        studentName: a.name.slice(0, 50) || '匿名',
        answer: text.slice(0, 2000),
        ...(typeof a.correct === 'boolean' ? { correct: a.correct } : {}),
        ...(a.receivedAt ? { answeredAt: iso(a.receivedAt) } : {})
      }
    })
  })
  if (!dto.success) return null
  return {
    payload: dto.data,
    display: { className: lesson.class_name, title: dto.data.question.stem.slice(0, 200), at: dto.data.startedAt }
  }
}

export function legacyPayloadUpgrade(db: Database): number {
  const rows = db
    .prepare("SELECT id, kind, payload FROM outbox WHERE state != 'sent' AND kind IN ('lesson', 'quiz-result')")
    .all() as { id: number; kind: string; payload: string }[]
  const write = db.prepare('UPDATE outbox SET payload = ?, display = ? WHERE id = ?')
  let n = 0
  for (const row of rows) {
    let raw: unknown
    try {
      raw = JSON.parse(row.payload)
    } catch {
      continue
    }
    const up = row.kind === 'lesson' ? upgradeLesson(raw) : upgradeRun(db, raw)
    if (!up) continue
    write.run(JSON.stringify(up.payload), JSON.stringify(up.display), row.id)
    n++
  }
  return n
}
