/**
 * The reference platform server: implements docs/platform-api.yaml on Fastify + SQLite, with a
 * sign-in page and, for tests, fault controls (in-process via `faults`, or over HTTP at
 * /__admin/* when started with `admin: true` / `--test-admin`).
 */
import { randomBytes } from 'node:crypto'
import { createWriteStream, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import type { Database } from 'better-sqlite3'
import { z } from 'zod'
import { PlatformCode, statusForCode } from '../../src-shared/platform/envelope'
import { PlatformError, newId, type Counters, type PlatformContext } from './context'
import { FaultControls, type AdminOp, type Fault } from './faults'
import { openPlatformDb } from './platform-db'
import { registerApiRoutes } from './routes-api'
import { registerAuthRoutes } from './routes-auth'
import { registerResourceRoutes } from './routes-resources'
import { registerOpenLessonRoutes } from './routes-open-lessons'
import { seedPlatformResources } from './seed-resources'

export interface PlatformServerOptions {
  readonly dataDir: string
  /** 0 (default) picks a free port. */
  readonly port?: number
  readonly host?: string
  /** Expose /__admin/faults, /__admin/stats and /__admin/plain-upload (tests and benchmarks only). */
  readonly admin?: boolean
  /** Injectable clock (ms since epoch) for token and code expiry. */
  readonly now?: () => number
  /** Access-token lifetime; 2 hours like the real platforms. */
  readonly tokenTtlSeconds?: number
  /** Part size the server chooses for uploads when the client does not ask (default 8 MiB). */
  readonly partSize?: number
}

export interface PlatformStats extends Counters {
  lessonRecords: number
  quizResults: number
  resources: number
}

export interface PlatformServer {
  readonly url: string
  readonly port: number
  readonly faults: FaultControls
  readonly db: Database
  stats(): PlatformStats
  close(): Promise<void>
}

const BYPASS_HEADER = 'x-platform-fault-bypass'

const AdminOpSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('fail'),
    count: z.number().int().positive(),
    status: z.number().int().min(400).max(599).optional(),
    path: z.string().optional(),
    method: z.string().optional()
  }),
  z.object({
    op: z.literal('slow'),
    delayMs: z.number().int().nonnegative(),
    count: z.number().int().positive().optional(),
    path: z.string().optional(),
    method: z.string().optional()
  }),
  z.object({
    op: z.literal('rate-limit'),
    count: z.number().int().positive(),
    retryAfterSeconds: z.number().int().nonnegative(),
    path: z.string().optional(),
    method: z.string().optional()
  }),
  z.object({
    op: z.literal('cut'),
    count: z.number().int().positive(),
    phase: z.enum(['request', 'response']).optional(),
    afterBytes: z.number().int().nonnegative().optional(),
    path: z.string().optional(),
    method: z.string().optional()
  }),
  z.object({ op: z.literal('expire-tokens') }),
  z.object({ op: z.literal('clear') })
])

export async function startPlatformServer(opts: PlatformServerOptions): Promise<PlatformServer> {
  mkdirSync(opts.dataDir, { recursive: true })
  const db = openPlatformDb(join(opts.dataDir, 'platform.db'))
  const now = opts.now ?? (() => Date.now())
  const faults = new FaultControls(
    () =>
      db
        .prepare("UPDATE tokens SET expires_at = ? WHERE kind IN ('app', 'user') AND revoked = 0 AND expires_at > ?")
        .run(now(), now()).changes
  )
  const counters: Counters = {
    requests: 0,
    appTokensIssued: 0,
    userTokensIssued: 0,
    refreshes: 0,
    partsReceived: 0,
    partBytesReceived: 0
  }
  const ctx: PlatformContext = {
    db,
    dataDir: opts.dataDir,
    now,
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 7200,
    partSize: opts.partSize ?? 8 * 1024 * 1024,
    faults,
    counters
  }
  const app = buildApp(ctx, opts.admin ?? false)
  seedPlatformResources(db, join(opts.dataDir, 'resources'), now())
  try {
    await app.listen({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1' })
  } catch (err) {
    db.close()
    throw err
  }
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0)
  const stats = (): PlatformStats => {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n
    return {
      ...counters,
      lessonRecords: n('SELECT COUNT(*) AS n FROM lesson_records'),
      quizResults: n('SELECT COUNT(*) AS n FROM quiz_results'),
      resources: n('SELECT COUNT(*) AS n FROM resources')
    }
  }
  let closed = false
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    faults,
    db,
    stats,
    async close() {
      if (closed) return
      closed = true
      await app.close()
      db.close()
    }
  }
}

function buildApp(ctx: PlatformContext, admin: boolean): FastifyInstance {
  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 2 * 1024 * 1024 })
  const bypass = randomBytes(16).toString('hex')
  const cuts = new WeakMap<FastifyRequest, Extract<Fault, { kind: 'cut' }>>()

  // Upload parts and the plain-upload baseline arrive as streams; the route reads them.
  app.addContentTypeParser('application/octet-stream', { bodyLimit: 80 * 1024 * 1024 }, (_req, payload, done) =>
    done(null, payload)
  )
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string)))
  )

  app.addHook('onRequest', async (req) => {
    ctx.counters.requests++
    const path = req.url.split('?')[0]!
    if (path.startsWith('/__admin') || req.headers[BYPASS_HEADER] === bypass) return
    const slow = ctx.faults.take('slow', req.method, path)
    if (slow) await new Promise((r) => setTimeout(r, slow.delayMs))
    const fail = ctx.faults.take('fail', req.method, path)
    if (fail) {
      throw fail.status >= 500
        ? new PlatformError(PlatformCode.INTERNAL, '平台内部错误，请稍后重试（测试注入）', undefined, fail.status)
        : new PlatformError(
            PlatformCode.BAD_REQUEST,
            `请求被拒绝（测试注入，HTTP ${fail.status}）`,
            undefined,
            fail.status
          )
    }
    const limited = ctx.faults.take('rate-limit', req.method, path)
    if (limited)
      throw new PlatformError(PlatformCode.RATE_LIMITED, '请求过于频繁，请稍后再试', limited.retryAfterSeconds)
    const cut = ctx.faults.take('cut', req.method, path)
    if (cut) cuts.set(req, cut)
  })

  app.addHook('preParsing', async (req, _reply, payload) => {
    const cut = cuts.get(req)
    const length = Number(req.headers['content-length'] ?? 0)
    if (!cut || cut.phase !== 'request' || !(length > 0)) return payload
    const limit = cut.afterBytes ?? Math.floor(length / 2)
    let seen = 0
    // Drop the connection partway through the request body: nothing of it is processed.
    const t = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        seen += chunk.length
        if (seen >= limit) {
          req.raw.socket.destroy()
          cb(new Error('connection cut by fault injection'))
          return
        }
        cb(null, chunk)
      }
    })
    return (payload as Readable).pipe(t)
  })

  app.addHook('preHandler', async (req, reply) => {
    const cut = cuts.get(req)
    if (!cut || (cut.phase === 'request' && Number(req.headers['content-length'] ?? 0) > 0)) return
    // Process the request for real, then drop the connection halfway through the answer.
    reply.hijack()
    const headers = { ...req.headers, [BYPASS_HEADER]: bypass }
    delete headers['content-length']
    delete headers['transfer-encoding']
    const res = await app.inject({
      method: req.method as 'GET',
      url: req.url,
      headers,
      payload: req.body as string | Buffer | Readable | undefined
    })
    const raw = reply.raw
    raw.writeHead(res.statusCode, {
      'content-type': res.headers['content-type'] ?? 'application/json',
      'content-length': res.rawPayload.length
    })
    raw.write(res.rawPayload.subarray(0, Math.floor(res.rawPayload.length / 2)), () => raw.socket?.destroy())
  })

  // Successful answers travel in the platform's envelope.
  app.addHook('preSerialization', async (_req, reply, payload) =>
    reply.statusCode < 400 ? { success: true, result: payload } : payload
  )

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof PlatformError) {
      if (err.retryAfterSeconds !== undefined) reply.header('retry-after', String(err.retryAfterSeconds))
      return reply
        .code(err.status ?? statusForCode[err.code] ?? 400)
        .send({ success: false, code: err.code, message: err.message })
    }
    const e = err as { statusCode?: number; message?: string }
    if (e.statusCode === 413)
      return reply.code(413).send({ success: false, code: PlatformCode.TOO_LARGE, message: '请求体过大' })
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply
        .code(400)
        .send({ success: false, code: PlatformCode.BAD_REQUEST, message: `请求格式错误：${e.message ?? ''}` })
    }
    return reply.code(500).send({ success: false, code: PlatformCode.INTERNAL, message: '平台内部错误，请稍后重试' })
  })
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({
      success: false,
      code: PlatformCode.NOT_FOUND,
      message: `接口不存在：${req.method} ${req.url.split('?')[0]}`
    })
  )

  registerAuthRoutes(app, ctx)
  registerApiRoutes(app, ctx)
  registerResourceRoutes(app, ctx)
  registerOpenLessonRoutes(app, ctx)
  if (admin) registerAdminRoutes(app, ctx)
  return app
}

function registerAdminRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/__admin/faults', async (req) => {
    const op = AdminOpSchema.safeParse(req.body)
    if (!op.success) throw new PlatformError(PlatformCode.BAD_REQUEST, op.error.message)
    return { applied: op.data.op, result: ctx.faults.apply(op.data as AdminOp) ?? null }
  })
  app.get('/__admin/stats', async () => {
    const n = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n
    return {
      ...ctx.counters,
      lessonRecords: n('SELECT COUNT(*) AS n FROM lesson_records'),
      quizResults: n('SELECT COUNT(*) AS n FROM quiz_results'),
      resources: n('SELECT COUNT(*) AS n FROM resources')
    }
  })
  // The benchmark's baseline: one plain streamed upload of a file to disk, no protocol around it.
  app.post('/__admin/plain-upload', async (req) => {
    const dir = join(ctx.dataDir, 'plain')
    mkdirSync(dir, { recursive: true })
    const file = join(dir, `${newId('plain')}.bin`)
    await pipeline(req.body as Readable, createWriteStream(file))
    return { file }
  })
}
