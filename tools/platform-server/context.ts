/** What every route of the reference platform shares: database, clock, folders, counters, errors. */
import { createHash, randomBytes } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { PlatformCode } from '../../src-shared/platform/envelope'
import type { FaultControls } from './faults'

export interface Counters {
  requests: number
  appTokensIssued: number
  userTokensIssued: number
  refreshes: number
  partsReceived: number
  partBytesReceived: number
}

export interface PlatformContext {
  readonly db: Database
  readonly dataDir: string
  readonly now: () => number
  readonly tokenTtlSeconds: number
  readonly partSize: number
  readonly faults: FaultControls
  readonly counters: Counters
}

export class PlatformError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly retryAfterSeconds?: number,
    /** Overrides the code's usual HTTP status (fault injection answers 502/503 too). */
    readonly status?: number
  ) {
    super(message)
  }
}

export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('base64url')}`
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body)
  if (!r.success) {
    const fields = r.error.issues.map((i) => `${i.path.join('.') || '(请求体)'}：${i.message}`).join('；')
    throw new PlatformError(PlatformCode.BAD_REQUEST, `请求参数错误：${fields}`)
  }
  return r.data
}

export interface Caller {
  readonly clientId: string
  readonly teacherId: string | null
}

/** Checks the bearer token; `user` routes need a teacher's token, `any` routes accept an app token too. */
export function authenticate(ctx: PlatformContext, req: FastifyRequest, need: 'any' | 'user'): Caller {
  const header = req.headers.authorization ?? ''
  const token = /^Bearer (.+)$/i.exec(header)?.[1]
  if (!token) throw new PlatformError(PlatformCode.TOKEN_INVALID, '缺少访问令牌，请先登录')
  const row = ctx.db
    .prepare(
      "SELECT client_id, teacher_id, expires_at, revoked FROM tokens WHERE token = ? AND kind IN ('app', 'user')"
    )
    .get(token) as { client_id: string; teacher_id: string | null; expires_at: number; revoked: number } | undefined
  if (!row || row.revoked || row.expires_at <= ctx.now()) {
    throw new PlatformError(PlatformCode.TOKEN_INVALID, '访问令牌无效或已过期')
  }
  if (need === 'user' && !row.teacher_id) {
    throw new PlatformError(PlatformCode.NO_PERMISSION, '该操作需要教师登录')
  }
  return { clientId: row.client_id, teacherId: row.teacher_id }
}

interface StoredAnswer {
  status: number
  body: unknown
}

function idempotencyKey(req: FastifyRequest): string {
  const key = req.headers['idempotency-key']
  if (typeof key !== 'string' || key.length < 8 || key.length > 128) {
    throw new PlatformError(PlatformCode.BAD_REQUEST, '写操作必须带 Idempotency-Key 请求头（8–128 个字符）')
  }
  return key
}

/** The first answer stored for this key, or undefined; a key reused for a different request is -409. */
export function idempotencyLookup(
  ctx: PlatformContext,
  req: FastifyRequest,
  owner: string,
  route: string
): { key: string; hash: string; stored?: StoredAnswer } {
  const key = idempotencyKey(req)
  const hash = sha256Hex(JSON.stringify(req.body ?? null))
  const row = ctx.db
    .prepare('SELECT route, body_hash, status, response FROM idempotency WHERE owner = ? AND key = ?')
    .get(owner, key) as { route: string; body_hash: string; status: number; response: string } | undefined
  if (!row) return { key, hash }
  if (row.route !== route || row.body_hash !== hash) {
    throw new PlatformError(PlatformCode.IDEMPOTENCY_CONFLICT, 'Idempotency-Key 已用于另一个不同的请求')
  }
  return { key, hash, stored: { status: row.status, body: JSON.parse(row.response) } }
}

/**
 * Runs a write once per Idempotency-Key: inside one transaction it looks the key up, runs `fn`
 * and stores its answer, so a repeat (even one racing the first) gets the first answer.
 */
export function idempotent<T>(ctx: PlatformContext, req: FastifyRequest, owner: string, route: string, fn: () => T): T {
  return ctx.db
    .transaction(() => {
      const found = idempotencyLookup(ctx, req, owner, route)
      if (found.stored) return found.stored.body as T
      const result = fn()
      ctx.db
        .prepare(
          'INSERT INTO idempotency(key, owner, route, body_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
        )
        .run(found.key, owner, route, found.hash, 200, JSON.stringify(result), ctx.now())
      return result
    })
    .immediate()
}
