/** App tokens, the sign-in page (authorization code + PKCE, loopback redirect) and teacher tokens. */
import { createHash, randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { AppTokenRequest, RefreshRequest, UserTokenRequest } from '../../src-shared/platform/dto'
import { PlatformCode } from '../../src-shared/platform/envelope'
import { PlatformError, parseBody, type PlatformContext } from './context'

const CODE_TTL_MS = 5 * 60 * 1000
const REFRESH_TTL_MS = 30 * 24 * 3600 * 1000

function token(): string {
  return randomBytes(24).toString('base64url')
}

export function teacherView(ctx: PlatformContext, teacherId: string) {
  const t = ctx.db
    .prepare(
      'SELECT t.id, t.name, t.subjects, s.id AS school_id, s.name AS school_name FROM teachers t JOIN schools s ON s.id = t.school_id WHERE t.id = ?'
    )
    .get(teacherId) as { id: string; name: string; subjects: string; school_id: string; school_name: string }
  return {
    id: t.id,
    name: t.name,
    schoolId: t.school_id,
    schoolName: t.school_name,
    subjects: JSON.parse(t.subjects) as string[]
  }
}

function issueUserTokens(ctx: PlatformContext, clientId: string, teacherId: string) {
  const access = token()
  const refresh = token()
  const now = ctx.now()
  const ins = ctx.db.prepare(
    'INSERT INTO tokens(token, kind, client_id, teacher_id, expires_at, pair) VALUES (?, ?, ?, ?, ?, ?)'
  )
  ins.run(access, 'user', clientId, teacherId, now + ctx.tokenTtlSeconds * 1000, refresh)
  ins.run(refresh, 'refresh', clientId, teacherId, now + REFRESH_TTL_MS, access)
  ctx.counters.userTokensIssued++
  return {
    accessToken: access,
    refreshToken: refresh,
    expiresIn: ctx.tokenTtlSeconds,
    teacher: teacherView(ctx, teacherId)
  }
}

function isLoopback(uri: string): boolean {
  try {
    const u = new URL(uri)
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)
  } catch {
    return false
  }
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

interface AuthorizeParams {
  client_id: string
  redirect_uri: string
  state: string
  code_challenge: string
  code_challenge_method: string
}

function checkAuthorize(ctx: PlatformContext, q: Record<string, string | undefined>): AuthorizeParams | string {
  if (q.response_type !== undefined && q.response_type !== 'code') return 'response_type 必须为 code'
  const client = q.client_id && ctx.db.prepare('SELECT 1 FROM clients WHERE client_id = ?').get(q.client_id)
  if (!client) return '未知的应用（client_id）'
  if (!q.redirect_uri || !isLoopback(q.redirect_uri)) return '回调地址必须是本机回环地址（http://127.0.0.1:端口/…）'
  if (!q.state) return '缺少 state'
  if (!q.code_challenge || q.code_challenge_method !== 'S256') return '必须使用 PKCE（code_challenge_method=S256）'
  return {
    client_id: q.client_id!,
    redirect_uri: q.redirect_uri,
    state: q.state,
    code_challenge: q.code_challenge,
    code_challenge_method: 'S256'
  }
}

function page(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>教育资源公共服务平台 · 登录</title>` +
        `<style>body{font-family:sans-serif;max-width:420px;margin:60px auto;font-size:18px}label{display:block;margin:14px 0 4px}` +
        `input{font-size:18px;padding:10px;width:100%;box-sizing:border-box}button{margin-top:20px;font-size:18px;min-height:48px;width:100%}` +
        `.err{color:#b00020}</style></head><body>${body}</body></html>`
    )
}

function form(p: AuthorizeParams, error?: string): string {
  const hidden = Object.entries(p)
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${esc(v)}">`)
    .join('')
  return (
    `<h1>教育资源公共服务平台</h1><p>ClassDeck 教学助手 请求访问您的教师空间（班级、名单、资源、授课记录）。</p>` +
    (error ? `<p class="err" role="alert">${esc(error)}</p>` : '') +
    `<form method="post" action="/oauth/authorize">${hidden}` +
    `<label for="username">账号</label><input id="username" name="username" autocomplete="username" required>` +
    `<label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required>` +
    `<button type="submit">登录并授权</button></form>`
  )
}

export function registerAuthRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/api/v1/auth/app-token', async (req) => {
    const body = parseBody(AppTokenRequest, req.body)
    return ctx.db
      .transaction(() => {
        const ok = ctx.db
          .prepare('SELECT 1 FROM clients WHERE client_id = ? AND secret = ?')
          .get(body.clientId, body.secret)
        if (!ok) throw new PlatformError(PlatformCode.NO_PERMISSION, '应用凭证（clientId/secret）不正确')
        // A new app token invalidates the previous one: clients must share one and refresh it once.
        ctx.db.prepare("UPDATE tokens SET revoked = 1 WHERE kind = 'app' AND client_id = ?").run(body.clientId)
        const t = token()
        ctx.db
          .prepare("INSERT INTO tokens(token, kind, client_id, expires_at) VALUES (?, 'app', ?, ?)")
          .run(t, body.clientId, ctx.now() + ctx.tokenTtlSeconds * 1000)
        ctx.counters.appTokensIssued++
        return { accessToken: t, expiresIn: ctx.tokenTtlSeconds }
      })
      .immediate()
  })

  app.get('/oauth/authorize', async (req, reply) => {
    const p = checkAuthorize(ctx, req.query as Record<string, string | undefined>)
    if (typeof p === 'string') return page(reply, 400, `<h1>无法登录</h1><p class="err">${esc(p)}</p>`)
    return page(reply, 200, form(p))
  })

  app.post('/oauth/authorize', async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, string | undefined>
    const p = checkAuthorize(ctx, b)
    if (typeof p === 'string') return page(reply, 400, `<h1>无法登录</h1><p class="err">${esc(p)}</p>`)
    const t = ctx.db
      .prepare('SELECT id FROM teachers WHERE username = ? AND password = ?')
      .get(b.username ?? '', b.password ?? '') as { id: string } | undefined
    if (!t) return page(reply, 401, form(p, '账号或密码不正确，请重新输入。'))
    const code = token()
    ctx.db
      .prepare(
        'INSERT INTO auth_codes(code, client_id, teacher_id, redirect_uri, challenge, expires_at) VALUES (?, ?, ?, ?, ?, ?)'
      )
      .run(code, p.client_id, t.id, p.redirect_uri, p.code_challenge, ctx.now() + CODE_TTL_MS)
    const target = new URL(p.redirect_uri)
    target.searchParams.set('code', code)
    target.searchParams.set('state', p.state)
    return reply.redirect(target.toString(), 302)
  })

  app.post('/api/v1/auth/user-token', async (req) => {
    const body = parseBody(UserTokenRequest, req.body)
    return ctx.db
      .transaction(() => {
        const row = ctx.db.prepare('SELECT * FROM auth_codes WHERE code = ?').get(body.code) as
          | {
              client_id: string
              teacher_id: string
              redirect_uri: string
              challenge: string
              expires_at: number
              used: number
            }
          | undefined
        if (!row || row.used || row.expires_at <= ctx.now())
          throw new PlatformError(PlatformCode.CODE_INVALID, '授权码无效、已使用或已过期（有效期 5 分钟），请重新登录')
        if (row.client_id !== body.clientId || row.redirect_uri !== body.redirectUri)
          throw new PlatformError(PlatformCode.CODE_INVALID, '授权码与应用或回调地址不匹配')
        const challenge = createHash('sha256').update(body.codeVerifier).digest('base64url')
        if (challenge !== row.challenge)
          throw new PlatformError(PlatformCode.CODE_INVALID, 'PKCE 校验失败（code_verifier 不匹配）')
        ctx.db.prepare('UPDATE auth_codes SET used = 1 WHERE code = ?').run(body.code)
        return issueUserTokens(ctx, row.client_id, row.teacher_id)
      })
      .immediate()
  })

  app.post('/api/v1/auth/refresh', async (req) => {
    const body = parseBody(RefreshRequest, req.body)
    return ctx.db
      .transaction(() => {
        const row = ctx.db
          .prepare(
            "SELECT client_id, teacher_id, expires_at, revoked, pair FROM tokens WHERE token = ? AND kind = 'refresh'"
          )
          .get(body.refreshToken) as
          { client_id: string; teacher_id: string; expires_at: number; revoked: number; pair: string } | undefined
        if (!row || row.revoked || row.expires_at <= ctx.now() || row.client_id !== body.clientId) {
          throw new PlatformError(PlatformCode.CODE_INVALID, '登录已失效，请重新登录')
        }
        ctx.db.prepare('UPDATE tokens SET revoked = 1 WHERE token IN (?, ?)').run(body.refreshToken, row.pair)
        ctx.counters.refreshes++
        return issueUserTokens(ctx, row.client_id, row.teacher_id)
      })
      .immediate()
  })
}
