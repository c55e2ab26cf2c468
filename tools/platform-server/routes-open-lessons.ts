/**
 * 公开课 sets: a teacher's own uploaded resources on one chapter (the Word 教学设计, the courseware,
 * the 微课) grouped under a level. Validated whole before anything is written, and idempotent by
 * the Idempotency-Key, so a share retried after a cut arrives once. Its tables are created here,
 * beside the rest of the schema, so a platform database made before sets existed gains them.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { OpenLessonInput, ROLE_TYPE, levelMark, type OpenLessonRole } from '../../src-shared/platform/open-lesson'
import { PlatformCode } from '../../src-shared/platform/envelope'
import { PlatformError, authenticate, idempotent, newId, parseBody, type PlatformContext } from './context'
import { resourceViewOf, type ResourceRow } from './routes-resources'

interface SetRow {
  id: string
  owner_id: string
  level: string
  chapter_id: string
  title: string
  created_at: string
}

export function registerOpenLessonRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  ctx.db.exec(`
    CREATE TABLE IF NOT EXISTS open_lessons (
      id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, level TEXT NOT NULL, chapter_id TEXT NOT NULL,
      title TEXT NOT NULL, created_at TEXT NOT NULL) STRICT;
    -- A resource belongs to one set at most.
    CREATE TABLE IF NOT EXISTS open_lesson_members (
      open_lesson_id TEXT NOT NULL, resource_id TEXT NOT NULL UNIQUE, role TEXT NOT NULL, ord INTEGER NOT NULL,
      PRIMARY KEY (open_lesson_id, resource_id)) STRICT;
  `)

  const view = (s: SetRow) => {
    const owner = ctx.db.prepare('SELECT name FROM teachers WHERE id = ?').get(s.owner_id) as
      { name: string } | undefined
    const members = ctx.db
      .prepare(
        'SELECT r.*, m.role FROM open_lesson_members m JOIN resources r ON r.id = m.resource_id WHERE m.open_lesson_id = ? ORDER BY m.ord'
      )
      .all(s.id) as (ResourceRow & { role: OpenLessonRole })[]
    return {
      id: s.id,
      level: s.level,
      chapterId: s.chapter_id,
      title: s.title,
      ownerId: s.owner_id,
      ownerName: owner?.name ?? '',
      createdAt: s.created_at,
      resources: members.map((m) => ({ role: m.role, resource: resourceViewOf(ctx, m) }))
    }
  }
  const load = (req: FastifyRequest, teacherId: string | null): SetRow => {
    const { openLessonId } = req.params as { openLessonId: string }
    const s = ctx.db.prepare('SELECT * FROM open_lessons WHERE id = ?').get(openLessonId) as SetRow | undefined
    // A set is as visible as its members: its owner's always, everyone's once they are all public.
    const hidden =
      s &&
      s.owner_id !== teacherId &&
      ctx.db
        .prepare(
          'SELECT 1 FROM open_lesson_members m JOIN resources r ON r.id = m.resource_id WHERE m.open_lesson_id = ? AND r.public = 0'
        )
        .get(s.id)
    if (!s || hidden) throw new PlatformError(PlatformCode.NOT_FOUND, '公开课不存在或未公开')
    return s
  }

  app.post('/api/v1/open-lessons', async (req) => {
    const { teacherId } = authenticate(ctx, req, 'user')
    const body = parseBody(OpenLessonInput, req.body)
    return idempotent(ctx, req, teacherId!, 'open-lessons', () => {
      if (
        !ctx.db.prepare("SELECT 1 FROM catalogue WHERE id = ? AND level IN ('chapter', 'section')").get(body.chapterId)
      )
        throw new PlatformError(PlatformCode.BAD_REQUEST, `章节 ${body.chapterId} 不存在，请在教材目录中重新选择章节`)
      const seen = new Set<string>()
      const mark = levelMark(body.level)
      for (const m of body.resources) {
        if (seen.has(m.resourceId))
          throw new PlatformError(PlatformCode.BAD_REQUEST, `资源 ${m.resourceId} 在公开课中出现了两次`)
        seen.add(m.resourceId)
        const r = ctx.db.prepare('SELECT * FROM resources WHERE id = ?').get(m.resourceId) as ResourceRow | undefined
        if (!r || r.owner_id !== teacherId)
          throw new PlatformError(PlatformCode.BAD_REQUEST, `资源 ${m.resourceId} 不存在或不是您上传的`)
        if (r.type !== ROLE_TYPE[m.role])
          throw new PlatformError(
            PlatformCode.BAD_REQUEST,
            `“${r.title}”的类型是${r.type}，作为${m.role}应为${ROLE_TYPE[m.role]}`
          )
        if (r.chapter_id !== body.chapterId)
          throw new PlatformError(PlatformCode.BAD_REQUEST, `“${r.title}”挂在另一个章节上，公开课的资源应在同一章节`)
        if (!r.title.replace(/^【原创】/, '').startsWith(mark))
          throw new PlatformError(PlatformCode.BAD_REQUEST, `“${r.title}”的标题应以${mark}开头（【原创】可在其前）`)
        if (ctx.db.prepare('SELECT 1 FROM open_lesson_members WHERE resource_id = ?').get(r.id))
          throw new PlatformError(PlatformCode.BAD_REQUEST, `“${r.title}”已属于另一节公开课`)
      }
      const roles = new Set(body.resources.map((m) => m.role))
      if (!roles.has('教学设计') || !roles.has('课件'))
        throw new PlatformError(PlatformCode.BAD_REQUEST, '公开课至少要有一份教学设计和一份课件')
      const id = newId('ol')
      ctx.db
        .prepare('INSERT INTO open_lessons VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, teacherId, body.level, body.chapterId, body.title, new Date(ctx.now()).toISOString())
      const member = ctx.db.prepare('INSERT INTO open_lesson_members VALUES (?, ?, ?, ?)')
      body.resources.forEach((m, i) => member.run(id, m.resourceId, m.role, i))
      return view(ctx.db.prepare('SELECT * FROM open_lessons WHERE id = ?').get(id) as SetRow)
    })
  })

  app.get('/api/v1/open-lessons/:openLessonId', async (req) => {
    const { teacherId } = authenticate(ctx, req, 'any')
    return view(load(req, teacherId))
  })

  /** The signed-in teacher's own sets, newest first. */
  app.get('/api/v1/teacher/open-lessons', async (req) => {
    const { teacherId } = authenticate(ctx, req, 'user')
    const rows = ctx.db
      .prepare('SELECT * FROM open_lessons WHERE owner_id = ? ORDER BY created_at DESC, id')
      .all(teacherId) as SetRow[]
    return rows.map(view)
  })
}
