/** Catalogue, teacher, classes and rosters, lesson records and quiz results. */
import type { FastifyInstance } from 'fastify'
import { LessonRecordInput, QuizResultInput } from '../../src-shared/platform/dto'
import { PlatformCode } from '../../src-shared/platform/envelope'
import { PlatformError, authenticate, idempotent, newId, parseBody, sha256Hex, type PlatformContext } from './context'
import { teacherView } from './routes-auth'

/** An interactive lesson counts after 15 active minutes on the classroom display. */
const COUNTED_SECONDS = 15 * 60

export function registerApiRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/api/v1/ping', async () => ({ time: new Date(ctx.now()).toISOString() }))

  const catalogue = () => {
    const nodes = (
      ctx.db.prepare('SELECT id, parent_id, level, name, ord FROM catalogue ORDER BY rowid').all() as {
        id: string
        parent_id: string | null
        level: string
        name: string
        ord: number
      }[]
    ).map((n) => ({ id: n.id, parentId: n.parent_id, level: n.level, name: n.name, order: n.ord }))
    return { version: sha256Hex(JSON.stringify(nodes)).slice(0, 16), nodes }
  }

  app.get('/api/v1/catalogue', async (req, reply) => {
    authenticate(ctx, req, 'any')
    const c = catalogue()
    const etag = `"${c.version}"`
    reply.header('etag', etag)
    if (req.headers['if-none-match'] === etag) return reply.code(304).send()
    return c
  })

  app.get('/api/v1/catalogue/nodes', async (req) => {
    authenticate(ctx, req, 'any')
    const parentId = (req.query as { parentId?: string }).parentId ?? null
    return catalogue().nodes.filter((n) => n.parentId === parentId)
  })

  app.get('/api/v1/teacher/me', async (req) => teacherView(ctx, authenticate(ctx, req, 'user').teacherId!))

  app.get('/api/v1/teacher/classes', async (req) => {
    const { teacherId } = authenticate(ctx, req, 'user')
    return ctx.db
      .prepare(
        `SELECT c.id, c.name, c.grade, ct.subject, c.term, (SELECT COUNT(*) FROM students s WHERE s.class_id = c.id) AS studentCount
         FROM classes c JOIN class_teachers ct ON ct.class_id = c.id WHERE ct.teacher_id = ? ORDER BY c.id`
      )
      .all(teacherId)
  })

  const requireClass = (teacherId: string, classId: string, what: string) => {
    const cls = ctx.db.prepare('SELECT name FROM classes WHERE id = ?').get(classId) as { name: string } | undefined
    if (!cls) throw new PlatformError(PlatformCode.NOT_FOUND, `班级 ${classId} 不存在`)
    if (!ctx.db.prepare('SELECT 1 FROM class_teachers WHERE class_id = ? AND teacher_id = ?').get(classId, teacherId)) {
      throw new PlatformError(PlatformCode.NO_PERMISSION, `您不是${cls.name}的任课教师，无权${what}`)
    }
  }

  app.get('/api/v1/classes/:classId/students', async (req) => {
    const { teacherId } = authenticate(ctx, req, 'user')
    const { classId } = req.params as { classId: string }
    requireClass(teacherId!, classId, '查看该班学生名单')
    return ctx.db
      .prepare('SELECT id, name, student_no AS studentNo, gender FROM students WHERE class_id = ? ORDER BY student_no')
      .all(classId)
  })

  const lessonView = (r: {
    id: string
    client_record_id: string
    class_id: string
    title: string
    active_seconds: number
    counted: number
    received_at: string
  }) => ({
    id: r.id,
    clientRecordId: r.client_record_id,
    classId: r.class_id,
    title: r.title,
    activeSeconds: r.active_seconds,
    counted: r.counted === 1,
    receivedAt: r.received_at
  })

  app.post('/api/v1/lesson-records', async (req) => {
    const { teacherId } = authenticate(ctx, req, 'user')
    const body = parseBody(LessonRecordInput, req.body)
    if (Date.parse(body.endedAt) < Date.parse(body.startedAt))
      throw new PlatformError(PlatformCode.BAD_REQUEST, '请求参数错误：下课时间早于上课时间')
    requireClass(teacherId!, body.classId, '上报该班级的授课记录')
    return idempotent(ctx, req, teacherId!, 'lesson-records', () => {
      const counted = body.usedClassroomDisplay && body.activeSeconds >= COUNTED_SECONDS ? 1 : 0
      // One record per clientRecordId: a second key for the same lesson gets the first record.
      ctx.db
        .prepare(
          `INSERT INTO lesson_records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(teacher_id, client_record_id) DO NOTHING`
        )
        .run(
          newId('lr'),
          teacherId,
          body.clientRecordId,
          body.classId,
          body.chapterId ?? null,
          body.title,
          body.startedAt,
          body.endedAt,
          body.activeSeconds,
          body.usedClassroomDisplay ? 1 : 0,
          body.questionCount,
          counted,
          new Date(ctx.now()).toISOString()
        )
      return lessonView(
        ctx.db
          .prepare('SELECT * FROM lesson_records WHERE teacher_id = ? AND client_record_id = ?')
          .get(teacherId, body.clientRecordId) as Parameters<typeof lessonView>[0]
      )
    })
  })

  app.post('/api/v1/quiz-results', async (req) => {
    const { teacherId } = authenticate(ctx, req, 'user')
    const body = parseBody(QuizResultInput, req.body)
    requireClass(teacherId!, body.classId, '上报该班级的答题结果')
    // A student named by id must be on this class's roster: an answer is never filed under a
    // student of another class (or one the app made up).
    const onRoster = ctx.db.prepare('SELECT 1 FROM students WHERE id = ? AND class_id = ?')
    const stranger = body.answers.find((a) => a.studentId !== undefined && !onRoster.get(a.studentId, body.classId))
    if (stranger) {
      throw new PlatformError(
        PlatformCode.BAD_REQUEST,
        `答题记录里的学生 ${stranger.studentName}（${stranger.studentId}）不在该班级的学生名单上`
      )
    }
    return idempotent(ctx, req, teacherId!, 'quiz-results', () => {
      const correct = body.answers.filter((a) => a.correct === true).length
      ctx.db
        .prepare(
          `INSERT INTO quiz_results VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(teacher_id, client_result_id) DO NOTHING`
        )
        .run(
          newId('qr'),
          teacherId,
          body.clientResultId,
          body.classId,
          body.lessonRecordId ?? null,
          JSON.stringify(body),
          body.answers.length,
          correct,
          new Date(ctx.now()).toISOString()
        )
      const r = ctx.db
        .prepare('SELECT * FROM quiz_results WHERE teacher_id = ? AND client_result_id = ?')
        .get(teacherId, body.clientResultId) as {
        id: string
        client_result_id: string
        class_id: string
        answered: number
        correct: number
        received_at: string
      }
      return {
        id: r.id,
        clientResultId: r.client_result_id,
        classId: r.class_id,
        answeredCount: r.answered,
        correctCount: r.correct,
        receivedAt: r.received_at
      }
    })
  })
}
