/** Chunked resumable uploads (init → parts → complete, sha256-checked), search, download, collect. */
import { createHash, type Hash } from 'node:crypto'
import { createReadStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { open, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ResourceQuery, UploadComplete, UploadInit } from '../../src-shared/platform/dto'
import { PlatformCode } from '../../src-shared/platform/envelope'
import {
  PlatformError,
  authenticate,
  idempotencyLookup,
  idempotent,
  newId,
  parseBody,
  sha256Hex,
  type PlatformContext
} from './context'

const UPLOAD_TTL_MS = 24 * 3600 * 1000

interface UploadRow {
  id: string
  teacher_id: string
  file_name: string
  size: number
  part_size: number
  expires_at: number
  completed_resource_id: string | null
}

export interface ResourceRow {
  id: string
  title: string
  type: string
  chapter_id: string
  file_name: string
  size: number
  sha256: string
  original: number
  public: number
  owner_id: string
  created_at: string
  downloads: number
}

export function registerResourceRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  const uploadDir = join(ctx.dataDir, 'uploads')
  const resourceDir = join(ctx.dataDir, 'resources')
  mkdirSync(uploadDir, { recursive: true })
  mkdirSync(resourceDir, { recursive: true })
  // The whole file is hashed as its parts come in (in order; a part that arrives early is read
  // back from disk when the gap before it closes), so `complete` need not read the file again.
  // After a restart the map is empty and `complete` hashes the file from disk instead.
  const running = new Map<string, { next: number; hash: Hash; chain: Promise<void>; broken: boolean }>()
  const partLength = (u: { size: number; part_size: number }, n: number) =>
    n === partCount(u) - 1 ? u.size - u.part_size * n : u.part_size
  const advance = (u: UploadRow, n: number, data: readonly Buffer[]) => {
    const r = running.get(u.id)
    if (!r) return
    r.chain = r.chain.then(async () => {
      if (r.broken) return
      try {
        const has = ctx.db.prepare('SELECT 1 FROM upload_parts WHERE upload_id = ? AND part_number = ?')
        while (r.next < partCount(u) && has.get(u.id, r.next)) {
          let bufs = data
          if (r.next !== n) {
            const buf = Buffer.allocUnsafe(partLength(u, r.next))
            const fh = await open(join(uploadDir, `${u.id}.bin`), 'r')
            try {
              await fh.read(buf, 0, buf.length, r.next * u.part_size)
            } finally {
              await fh.close()
            }
            bufs = [buf]
          }
          for (const b of bufs) r.hash.update(b)
          r.next++
        }
      } catch {
        r.broken = true
      }
    })
  }

  const partCount = (u: { size: number; part_size: number }) => Math.ceil(u.size / u.part_size)
  const status = (u: UploadRow) => ({
    uploadId: u.id,
    size: u.size,
    partSize: u.part_size,
    partCount: partCount(u),
    receivedParts: (
      ctx.db.prepare('SELECT part_number FROM upload_parts WHERE upload_id = ? ORDER BY part_number').all(u.id) as {
        part_number: number
      }[]
    ).map((r) => r.part_number),
    expiresAt: new Date(u.expires_at).toISOString()
  })
  const loadUpload = (req: FastifyRequest, teacherId: string): UploadRow => {
    const { uploadId } = req.params as { uploadId: string }
    const u = ctx.db.prepare('SELECT * FROM uploads WHERE id = ?').get(uploadId) as UploadRow | undefined
    if (!u || u.teacher_id !== teacherId || u.expires_at <= ctx.now())
      throw new PlatformError(PlatformCode.NOT_FOUND, '上传任务不存在或已过期，请重新上传')
    return u
  }
  const resourceView = (r: ResourceRow) => resourceViewOf(ctx, r)
  const loadResource = (req: FastifyRequest, teacherId: string | null): ResourceRow => {
    const { resourceId } = req.params as { resourceId: string }
    const r = ctx.db.prepare('SELECT * FROM resources WHERE id = ?').get(resourceId) as ResourceRow | undefined
    if (!r || (!r.public && r.owner_id !== teacherId))
      throw new PlatformError(PlatformCode.NOT_FOUND, '资源不存在或未公开')
    return r
  }

  app.post('/api/v1/resources/uploads', async (req) => {
    const { teacherId } = authenticate(ctx, req, 'user')
    const body = parseBody(UploadInit, req.body)
    return idempotent(ctx, req, teacherId!, 'uploads', () => {
      const id = newId('up')
      const partSize = body.partSize ?? ctx.partSize
      ctx.db
        .prepare('INSERT INTO uploads VALUES (?, ?, ?, ?, ?, ?, ?, NULL)')
        .run(id, teacherId, body.fileName, body.mimeType ?? null, body.size, partSize, ctx.now() + UPLOAD_TTL_MS)
      running.set(id, { next: 0, hash: createHash('sha256'), chain: Promise.resolve(), broken: false })
      return status(ctx.db.prepare('SELECT * FROM uploads WHERE id = ?').get(id) as UploadRow)
    })
  })

  app.get('/api/v1/resources/uploads/:uploadId', async (req) => {
    const { teacherId } = authenticate(ctx, req, 'user')
    return status(loadUpload(req, teacherId!))
  })

  app.put('/api/v1/resources/uploads/:uploadId/parts/:partNumber', async (req) => {
    const { teacherId } = authenticate(ctx, req, 'user')
    const u = loadUpload(req, teacherId!)
    if (u.completed_resource_id) throw new PlatformError(PlatformCode.BAD_REQUEST, '该上传任务已完成')
    const n = Number((req.params as { partNumber: string }).partNumber)
    const count = partCount(u)
    if (!Number.isInteger(n) || n < 0 || n >= count)
      throw new PlatformError(PlatformCode.BAD_REQUEST, `分片序号 ${n} 超出范围（共 ${count} 片）`)
    const expected = n === count - 1 ? u.size - u.part_size * (count - 1) : u.part_size
    // The part stays as the chunks it arrived in: hashed and written (writev) without a copy.
    const { chunks, size } = await readBody(req.body as Readable | undefined, expected)
    if (size !== expected)
      throw new PlatformError(PlatformCode.BAD_REQUEST, `分片 ${n} 大小应为 ${expected} 字节，实际 ${size} 字节`)
    const claimed = req.headers['x-part-sha256']
    let sum: string | null = null
    if (claimed !== undefined) {
      const h = createHash('sha256')
      for (const c of chunks) h.update(c)
      sum = h.digest('hex')
      if (claimed !== sum) throw new PlatformError(PlatformCode.BAD_REQUEST, `分片 ${n} 校验失败，请重新上传该分片`)
    }
    const file = join(uploadDir, `${u.id}.bin`)
    const fh = await open(file, existsSync(file) ? 'r+' : 'w')
    try {
      let at = n * u.part_size
      // writev takes at most IOV_MAX buffers at a time.
      for (let i = 0; i < chunks.length; i += 512) {
        const batch = chunks.slice(i, i + 512)
        await fh.writev(batch, at)
        at += batch.reduce((s, b) => s + b.length, 0)
      }
    } finally {
      await fh.close()
    }
    ctx.db.prepare('INSERT OR REPLACE INTO upload_parts VALUES (?, ?, ?, ?)').run(u.id, n, size, sum ?? '')
    advance(u, n, chunks)
    ctx.counters.partsReceived++
    ctx.counters.partBytesReceived += size
    return { partNumber: n, size }
  })

  app.post('/api/v1/resources/uploads/:uploadId/complete', async (req) => {
    const { teacherId } = authenticate(ctx, req, 'user')
    const body = parseBody(UploadComplete, req.body)
    const first = idempotencyLookup(ctx, req, teacherId!, 'complete')
    if (first.stored) return first.stored.body
    const u = loadUpload(req, teacherId!)
    if (u.completed_resource_id) {
      return resourceView(
        ctx.db.prepare('SELECT * FROM resources WHERE id = ?').get(u.completed_resource_id) as ResourceRow
      )
    }
    if (
      !ctx.db.prepare("SELECT 1 FROM catalogue WHERE id = ? AND level IN ('chapter', 'section')").get(body.chapterId)
    ) {
      throw new PlatformError(PlatformCode.BAD_REQUEST, `章节 ${body.chapterId} 不存在，请在教材目录中重新选择章节`)
    }
    const have = status(u).receivedParts.length
    if (have !== partCount(u))
      throw new PlatformError(PlatformCode.BAD_REQUEST, `还有 ${partCount(u) - have} 个分片未上传`)
    const file = join(uploadDir, `${u.id}.bin`)
    if (u.size === 0) await writeFile(file, '')
    const r = running.get(u.id)
    await r?.chain
    const actual =
      r && !r.broken && r.next === partCount(u)
        ? r.hash.digest('hex')
        : u.size === 0
          ? sha256Hex('')
          : await hashFile(file)
    running.delete(u.id)
    if (actual !== body.sha256)
      throw new PlatformError(PlatformCode.BAD_REQUEST, '文件校验失败（sha256 不一致），请重新上传')
    return idempotent(ctx, req, teacherId!, 'complete', () => {
      const again = ctx.db.prepare('SELECT completed_resource_id FROM uploads WHERE id = ?').get(u.id) as {
        completed_resource_id: string | null
      }
      if (again.completed_resource_id)
        return resourceView(
          ctx.db.prepare('SELECT * FROM resources WHERE id = ?').get(again.completed_resource_id) as ResourceRow
        )
      const id = newId('res')
      const title = body.original && !body.title.startsWith('【原创】') ? `【原创】${body.title}` : body.title
      renameSync(file, join(resourceDir, `${id}.bin`))
      ctx.db
        .prepare(
          'INSERT INTO resources(id, title, type, chapter_id, file_name, size, sha256, original, public, owner_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
        )
        .run(
          id,
          title,
          body.type,
          body.chapterId,
          u.file_name,
          u.size,
          actual,
          body.original ? 1 : 0,
          body.public ? 1 : 0,
          teacherId,
          new Date(ctx.now()).toISOString()
        )
      ctx.db.prepare('UPDATE uploads SET completed_resource_id = ? WHERE id = ?').run(id, u.id)
      ctx.db.prepare('DELETE FROM upload_parts WHERE upload_id = ?').run(u.id)
      return resourceView(ctx.db.prepare('SELECT * FROM resources WHERE id = ?').get(id) as ResourceRow)
    })
  })

  app.get('/api/v1/resources', async (req) => {
    const { teacherId } = authenticate(ctx, req, 'any')
    const q = parseBody(ResourceQuery, req.query)
    const where: string[] = ['(public = 1 OR owner_id = ?)']
    const args: unknown[] = [teacherId ?? '']
    if (q.chapterId) {
      where.push('(chapter_id = ? OR chapter_id IN (SELECT id FROM catalogue WHERE parent_id = ?))')
      args.push(q.chapterId, q.chapterId)
    }
    if (q.type) {
      where.push('type = ?')
      args.push(q.type)
    }
    if (q.q) {
      where.push("title LIKE ? ESCAPE '\\'")
      args.push(`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    }
    const sql = `FROM resources WHERE ${where.join(' AND ')}`
    const total = (ctx.db.prepare(`SELECT COUNT(*) AS n ${sql}`).get(...args) as { n: number }).n
    const rows = ctx.db
      .prepare(`SELECT * ${sql} ORDER BY created_at DESC, id LIMIT ? OFFSET ?`)
      .all(...args, q.pageSize, (q.page - 1) * q.pageSize) as ResourceRow[]
    return { items: rows.map(resourceView), total, page: q.page, pageSize: q.pageSize }
  })

  app.get('/api/v1/resources/:resourceId', async (req) => {
    const { teacherId } = authenticate(ctx, req, 'any')
    return resourceView(loadResource(req, teacherId))
  })

  app.get('/api/v1/resources/:resourceId/content', async (req, reply) => {
    const { teacherId } = authenticate(ctx, req, 'any')
    const r = loadResource(req, teacherId)
    const file = join(resourceDir, `${r.id}.bin`)
    const size = statSync(file).size
    const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '')
    reply.header('x-content-sha256', r.sha256).header('accept-ranges', 'bytes').type('application/octet-stream')
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(r.file_name)}`)
    if (m) {
      const start = Number(m[1])
      const end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1
      if (start >= size || start > end) throw new PlatformError(PlatformCode.BAD_REQUEST, '请求的范围超出文件大小')
      reply
        .code(206)
        .header('content-range', `bytes ${start}-${end}/${size}`)
        .header('content-length', end - start + 1)
      return reply.send(createReadStream(file, { start, end }))
    }
    ctx.db.prepare('UPDATE resources SET downloads = downloads + 1 WHERE id = ?').run(r.id)
    reply.header('content-length', size)
    return reply.send(createReadStream(file))
  })

  app.post('/api/v1/resources/:resourceId/collect', async (req) => {
    const { teacherId } = authenticate(ctx, req, 'user')
    const r = loadResource(req, teacherId)
    return idempotent(ctx, req, teacherId!, 'collect', () => {
      ctx.db.prepare('INSERT OR IGNORE INTO collections VALUES (?, ?)').run(teacherId, r.id)
      return resourceView(r)
    })
  })
}

/** A resource as the API shows it: the owner's name and its collections counted. */
export function resourceViewOf(ctx: PlatformContext, r: ResourceRow) {
  const owner = ctx.db.prepare('SELECT name FROM teachers WHERE id = ?').get(r.owner_id) as { name: string } | undefined
  const collections = (
    ctx.db.prepare('SELECT COUNT(*) AS n FROM collections WHERE resource_id = ?').get(r.id) as { n: number }
  ).n
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    chapterId: r.chapter_id,
    fileName: r.file_name,
    size: r.size,
    sha256: r.sha256,
    original: r.original === 1,
    public: r.public === 1,
    ownerId: r.owner_id,
    ownerName: owner?.name ?? '',
    createdAt: r.created_at,
    downloads: r.downloads,
    collections
  }
}

async function readBody(stream: Readable | undefined, limit: number): Promise<{ chunks: Buffer[]; size: number }> {
  // A PUT without a body (or with another Content-Type) has no stream: the client's error, not ours.
  if (!stream || typeof (stream as Partial<Readable>)[Symbol.asyncIterator] !== 'function')
    throw new PlatformError(PlatformCode.BAD_REQUEST, '分片必须以 application/octet-stream 请求体上传')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    size += (chunk as Buffer).length
    if (size > limit) throw new PlatformError(PlatformCode.TOO_LARGE, `分片超过约定大小 ${limit} 字节`)
    chunks.push(chunk as Buffer)
  }
  return { chunks, size }
}

async function hashFile(file: string): Promise<string> {
  const h = createHash('sha256')
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) h.update(chunk as Buffer)
  return h.digest('hex')
}
