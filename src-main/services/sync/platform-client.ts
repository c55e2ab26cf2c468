/**
 * The HTTP client for the platform API (docs/platform-api.yaml): axios with interceptors that
 * attach the token, refresh it once (single flight) when the platform says -100/401 and replay,
 * unwrap the {success, result} envelope, and retry transient failures (network, 5xx, 408, 429)
 * with exponential backoff and full jitter, honouring Retry-After (axios-retry). Every failure
 * leaves as an AppError from platformError(); other 4xx are permanent.
 *
 * Tokens stay with their platform: they are stored with the origin that issued them, dropped
 * (signed out) when the platform address changes, and only ever sent to that origin; a redirect
 * to any other origin is refused, plain http is refused off this computer, and answers are
 * bounded in size.
 */
import axios, { AxiosError, isAxiosError, type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from 'axios'
import axiosRetry, { retryAfter } from 'axios-retry'
import type { Readable } from 'node:stream'
import { z } from 'zod'
import { AppError } from '../../../src-shared/errors'
import {
  AppToken,
  Catalogue,
  LessonRecord,
  QuizResult,
  Resource,
  ResourcePage,
  SchoolClass,
  Student,
  Teacher,
  UploadStatus,
  UserToken,
  type LessonRecordInput,
  type QuizResultInput,
  type ResourceQuery,
  type UploadComplete,
  type UploadInit
} from '../../../src-shared/platform/dto'
import { PlatformCode } from '../../../src-shared/platform/envelope'
import { PLATFORM_URL_RULE, isAllowedPlatformUrl } from '../../../src-shared/platform/platform-url'
import { Emitter } from '../../util/emitter'
import { envelopeOf, failureKind, isTransient, platformError } from './platform-errors'
import type { StoredTokens, TokenStore } from './token-store'

declare module 'axios' {
  interface AxiosRequestConfig {
    /** Send without a token (token endpoints, ping). */
    skipAuth?: boolean
    /** Needs a teacher's token: refuse before sending when nobody is signed in. */
    needUser?: boolean
    /** Set on the one replay after a token refresh. */
    authRetried?: boolean
    /** The token this request carried, so a late -100 does not refresh a token already replaced. */
    usedToken?: string
  }
}

export interface RetryPolicy {
  /** Attempts after the first, per request. */
  readonly retries: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
}

export interface PlatformClientOptions {
  readonly baseUrl: () => string
  readonly clientId: string
  readonly secret: string
  readonly tokens: TokenStore
  readonly retry?: Partial<RetryPolicy>
  readonly timeoutMs?: number
  readonly now?: () => number
  readonly random?: () => number
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 5, baseDelayMs: 300, maxDelayMs: 20_000 }

/** The largest JSON answer taken from a platform (a whole catalogue is a few MB). */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024
/** The largest request body sent (an upload part is 8 MiB). */
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024

/** A refusal made on our side of the wire: never retried, never mistaken for being offline. */
export function ownRefusal(err: unknown): AppError | null {
  if (!isAxiosError(err)) return null
  // A refusal thrown in beforeRedirect arrives wrapped twice (follow-redirects, then axios).
  for (let c: unknown = err.cause, depth = 0; c && depth < 4; c = (c as { cause?: unknown }).cause, depth++) {
    if (c instanceof AppError) return c
  }
  if (/^maxContentLength size of \d+ exceeded$/.test(err.message)) {
    return new AppError(
      'LIMIT',
      '教育平台的回答过大，已拒绝。请联系平台或 ClassDeck 维护者。',
      "The platform's answer was too large and was refused.",
      { kind: 'permanent' }
    )
  }
  if (/^maxBodyLength|Request body larger than maxBodyLength/.test(err.message)) {
    return new AppError('LIMIT', '要发送的内容过大，已停止。', 'The request body was too large and was not sent.', {
      kind: 'permanent'
    })
  }
  return null
}

const originOf = (url: string): string => {
  try {
    return new URL(url).origin
  } catch {
    return ''
  }
}

/** Full jitter (AWS architecture blog): uniform in [0, min(cap, base·2^n)], never before Retry-After. */
export function fullJitterDelay(attempt: number, policy: RetryPolicy, random: () => number, retryAfterMs = 0): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  return Math.max(random() * ceiling, retryAfterMs)
}

export class PlatformClient {
  readonly http: AxiosInstance
  /** Counters for tests and the sync centre. */
  readonly stats = { requests: 0, retries: 0, refreshes: 0 }
  readonly #opts: PlatformClientOptions
  readonly #now: () => number
  #tokens: StoredTokens
  #refreshing: Promise<void> | null = null
  #abort = new AbortController()
  readonly #onDidChangeAuth = new Emitter<StoredTokens>()
  readonly onDidChangeAuth = this.#onDidChangeAuth.event

  constructor(opts: PlatformClientOptions) {
    this.#opts = opts
    this.#now = opts.now ?? (() => Date.now())
    this.#tokens = opts.tokens.load()
    const policy: RetryPolicy = { ...DEFAULT_RETRY, ...opts.retry }
    const random = opts.random ?? Math.random
    this.http = axios.create({
      timeout: opts.timeoutMs ?? 30_000,
      maxBodyLength: MAX_REQUEST_BYTES,
      maxContentLength: MAX_ANSWER_BYTES,
      maxRedirects: 5,
      // A redirect may stay on the platform (a trailing slash, a moved route), never leave it:
      // the token and the teacher's data would follow it to whoever it points at.
      beforeRedirect: (options) => {
        const o = options as { href?: string; protocol?: string; host?: string }
        const to = originOf(o.href ?? `${o.protocol}//${o.host}`)
        if (to !== this.origin) {
          throw new AppError(
            'FORBIDDEN',
            `教育平台把请求转到了另一个地址（${to || '未知'}），已拒绝。请在设置中检查平台地址。`,
            `The platform redirected the request to another address (${to || 'unknown'}); it was refused. Check the platform address in Settings.`,
            { kind: 'permanent', redirectedTo: to }
          )
        }
      }
    })

    this.http.interceptors.request.use(async (config) => {
      config.baseURL = this.baseUrl
      config.signal ??= this.#abort.signal
      this.stats.requests++
      let target = ''
      try {
        target = new URL(config.url ?? '', `${this.baseUrl}/`).href
      } catch {
        // not a URL: refused below
      }
      if (!target || !isAllowedPlatformUrl(target) || originOf(target) !== this.origin) {
        throw new AppError(
          'VALIDATION',
          `不会向这个地址发送请求：${PLATFORM_URL_RULE.zh}，并且只发往设置中的平台。`,
          `No request is sent to this address: ${PLATFORM_URL_RULE.en}, and only to the platform in Settings.`,
          { kind: 'permanent', url: originOf(target) }
        )
      }
      this.#forgetTokensOfAnotherOrigin()
      if (config.needUser && !this.#tokens.user) {
        throw new AppError(
          'UNAUTHORIZED',
          '尚未登录教育平台。请在“同步”页登录，记录会保留在本机。',
          'Not signed in to the platform. Sign in on the Sync page; records are kept.',
          { kind: 'auth' }
        )
      }
      if (!config.skipAuth) {
        const token = await this.#accessToken()
        config.usedToken = token
        config.headers.set('Authorization', `Bearer ${token}`)
      }
      return config
    })
    // Added before axios-retry, so an expired token is refreshed and replayed before any retry logic.
    this.http.interceptors.response.use(
      (res) => {
        if (res.config.responseType === 'stream' || res.status === 304) return res
        const body = res.data as { success?: unknown; result?: unknown } | undefined
        if (body && body.success === true) {
          res.data = body.result
          return res
        }
        // Some platforms answer 200 with success:false; treat it exactly like an HTTP error.
        return this.#onFailure(
          new AxiosError(
            String((body as { message?: unknown })?.message ?? 'bad envelope'),
            'ERR_BAD_RESPONSE',
            res.config,
            res.request,
            res
          )
        )
      },
      (err: unknown) => (err instanceof AxiosError ? this.#onFailure(err) : Promise.reject(err))
    )
    axiosRetry(this.http, {
      retries: policy.retries,
      shouldResetTimeout: true,
      retryCondition: (err) => ownRefusal(err) === null && isTransient(err),
      retryDelay: (n, err) => fullJitterDelay(n, policy, random, retryAfter(err)),
      onRetry: () => {
        this.stats.retries++
      }
    })
  }

  get baseUrl(): string {
    return this.#opts.baseUrl().replace(/\/+$/, '')
  }
  /** The platform's origin now (the settings may change it at any time). */
  get origin(): string {
    return originOf(this.baseUrl)
  }
  get clientId(): string {
    return this.#opts.clientId
  }
  get teacher(): Teacher | null {
    this.#forgetTokensOfAnotherOrigin()
    return this.#tokens.user?.teacher ?? null
  }
  get signedIn(): boolean {
    this.#forgetTokensOfAnotherOrigin()
    return this.#tokens.user !== undefined
  }

  /**
   * Tokens belong to the platform that issued them. After the address changes they are dropped
   * (the teacher is signed out) rather than offered to the new one. Tokens saved before origins
   * were recorded belong to the platform configured when they are first read.
   */
  #forgetTokensOfAnotherOrigin(): void {
    const t = this.#tokens
    if (t.origin === undefined) {
      if (t.app || t.user) this.#tokens = { ...t, origin: this.origin }
      return
    }
    if (t.origin === this.origin) return
    this.#refreshing = null
    this.#save({})
  }

  /** Stops every request in flight (dispose, or a simulated crash in tests). */
  abortAll(): void {
    this.#abort.abort()
    this.#abort = new AbortController()
  }

  dispose(): void {
    this.abortAll()
    this.#onDidChangeAuth.dispose()
  }

  async #onFailure(err: AxiosError): Promise<AxiosResponse> {
    const cfg = err.config
    const env = envelopeOf(err)
    const tokenInvalid =
      err.response !== undefined && (env ? env.code === PlatformCode.TOKEN_INVALID : err.response.status === 401)
    if (tokenInvalid && cfg && !cfg.skipAuth && !cfg.authRetried) {
      await this.#refresh(cfg.usedToken)
      cfg.authRetried = true
      return this.http.request(cfg)
    }
    throw err
  }

  async #accessToken(): Promise<string> {
    const margin = 60_000
    const u = this.#tokens.user
    if (u) {
      if (u.expiresAt - margin > this.#now()) return u.accessToken
      await this.#refresh(u.accessToken)
      const next = this.#tokens.user?.accessToken
      if (!next)
        throw new AppError(
          'UNAUTHORIZED',
          '教育平台登录已失效，请重新登录。',
          'Platform sign-in expired; sign in again.',
          { kind: 'auth' }
        )
      return next
    }
    const a = this.#tokens.app
    if (a && a.expiresAt - margin > this.#now()) return a.accessToken
    await this.#refresh(a?.accessToken)
    return this.#tokens.app!.accessToken
  }

  /**
   * One refresh at a time: callers that saw -100 on the same token share it; a caller whose
   * token was already replaced just replays. A new token invalidates the old one on the
   * platform, so refreshing twice would break the requests of the first refresh.
   */
  #refresh(usedToken: string | undefined): Promise<void> {
    if (this.#refreshing) return this.#refreshing
    const current = this.#tokens.user?.accessToken ?? this.#tokens.app?.accessToken
    if (usedToken !== undefined && current !== undefined && current !== usedToken) return Promise.resolve()
    this.#refreshing = this.#doRefresh().finally(() => {
      this.#refreshing = null
    })
    return this.#refreshing
  }

  async #doRefresh(): Promise<void> {
    const u = this.#tokens.user
    const origin = this.origin
    // A token that arrives after the address changed was issued by the old platform: not kept.
    const stillSamePlatform = (): void => {
      if (this.origin !== origin) {
        throw new AppError(
          'UNAUTHORIZED',
          '平台地址已更改，请重新登录。',
          'The platform address changed; sign in again.',
          { kind: 'auth' }
        )
      }
    }
    try {
      if (u) {
        const res = await this.http.post(
          '/api/v1/auth/refresh',
          { clientId: this.#opts.clientId, refreshToken: u.refreshToken },
          { skipAuth: true }
        )
        stillSamePlatform()
        this.#setUser(UserToken.parse(res.data))
      } else {
        const res = await this.http.post(
          '/api/v1/auth/app-token',
          { clientId: this.#opts.clientId, secret: this.#opts.secret },
          { skipAuth: true }
        )
        const t = AppToken.parse(res.data)
        stillSamePlatform()
        this.#save({
          ...this.#tokens,
          app: { accessToken: t.accessToken, expiresAt: this.#now() + t.expiresIn * 1000 }
        })
      }
      this.stats.refreshes++
    } catch (e) {
      const err = platformError(e, this.baseUrl)
      if (u && failureKind(err) === 'auth') this.signOut()
      throw err
    }
  }

  #setUser(t: UserToken): void {
    this.#save({
      ...this.#tokens,
      user: {
        accessToken: t.accessToken,
        refreshToken: t.refreshToken,
        expiresAt: this.#now() + t.expiresIn * 1000,
        teacher: t.teacher
      }
    })
  }

  #save(tokens: StoredTokens): void {
    tokens = tokens.app || tokens.user ? { ...tokens, origin: this.origin } : {}
    this.#tokens = tokens
    this.#opts.tokens.save(tokens)
    this.#onDidChangeAuth.fire(tokens)
  }

  signOut(): void {
    const { user: _gone, ...rest } = this.#tokens
    this.#save(rest)
  }

  async #call<S extends z.ZodType>(schema: S, config: AxiosRequestConfig): Promise<z.output<S>> {
    let res: AxiosResponse
    try {
      res = await this.http.request(config)
    } catch (e) {
      throw ownRefusal(e) ?? platformError(e, this.baseUrl)
    }
    const parsed = schema.safeParse(res.data)
    if (!parsed.success) {
      throw new AppError(
        'VALIDATION',
        `教育平台返回的数据不符合约定（${config.url}）。请联系平台或 ClassDeck 维护者。`,
        `The platform's answer breaks the contract (${config.url}).`,
        {
          kind: 'permanent',
          issues: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.map(String), message: i.message }))
        }
      )
    }
    return parsed.data
  }

  // ---- calls ------------------------------------------------------------------------------
  /** One quick probe without retries: is the platform answering? */
  async ping(): Promise<boolean> {
    try {
      await this.http.get('/api/v1/ping', { skipAuth: true, timeout: 5_000, 'axios-retry': { retries: 0 } })
      return true
    } catch {
      return false
    }
  }

  async exchangeCode(code: string, codeVerifier: string, redirectUri: string): Promise<Teacher> {
    const t = await this.#call(UserToken, {
      method: 'POST',
      url: '/api/v1/auth/user-token',
      data: { clientId: this.#opts.clientId, code, codeVerifier, redirectUri },
      skipAuth: true
    })
    this.#setUser(t)
    return t.teacher
  }

  /** The catalogue, or `null` when the platform says it has not changed since `etag`. */
  async catalogue(etag?: string): Promise<{ catalogue: Catalogue; etag: string | null } | null> {
    try {
      const res = await this.http.get('/api/v1/catalogue', {
        headers: etag ? { 'If-None-Match': etag } : {},
        validateStatus: (s) => (s >= 200 && s < 300) || s === 304
      })
      if (res.status === 304) return null
      return { catalogue: Catalogue.parse(res.data), etag: (res.headers['etag'] as string | undefined) ?? null }
    } catch (e) {
      throw ownRefusal(e) ?? platformError(e, this.baseUrl)
    }
  }

  me(): Promise<Teacher> {
    return this.#call(Teacher, { url: '/api/v1/teacher/me', needUser: true })
  }
  classes(): Promise<SchoolClass[]> {
    return this.#call(SchoolClass.array(), { url: '/api/v1/teacher/classes', needUser: true })
  }
  students(classId: string): Promise<Student[]> {
    return this.#call(Student.array(), {
      url: `/api/v1/classes/${encodeURIComponent(classId)}/students`,
      needUser: true
    })
  }
  postLessonRecord(input: LessonRecordInput, key: string): Promise<LessonRecord> {
    return this.#call(LessonRecord, {
      method: 'POST',
      url: '/api/v1/lesson-records',
      data: input,
      headers: { 'Idempotency-Key': key },
      needUser: true
    })
  }
  postQuizResult(input: QuizResultInput, key: string): Promise<QuizResult> {
    return this.#call(QuizResult, {
      method: 'POST',
      url: '/api/v1/quiz-results',
      data: input,
      headers: { 'Idempotency-Key': key },
      needUser: true
    })
  }
  initUpload(init: UploadInit, key: string): Promise<UploadStatus> {
    return this.#call(UploadStatus, {
      method: 'POST',
      url: '/api/v1/resources/uploads',
      data: init,
      headers: { 'Idempotency-Key': key },
      needUser: true
    })
  }
  uploadStatus(uploadId: string): Promise<UploadStatus> {
    return this.#call(UploadStatus, {
      url: `/api/v1/resources/uploads/${encodeURIComponent(uploadId)}`,
      needUser: true
    })
  }
  async putPart(uploadId: string, part: number, data: Buffer, sha256: string | null): Promise<void> {
    await this.#call(z.unknown(), {
      method: 'PUT',
      url: `/api/v1/resources/uploads/${encodeURIComponent(uploadId)}/parts/${part}`,
      data,
      headers: { 'Content-Type': 'application/octet-stream', ...(sha256 ? { 'X-Part-Sha256': sha256 } : {}) },
      timeout: 120_000,
      // No redirects to follow, so the body need not be buffered a second time for a replay.
      maxRedirects: 0,
      needUser: true
    })
  }
  completeUpload(uploadId: string, body: UploadComplete, key: string): Promise<Resource> {
    return this.#call(Resource, {
      method: 'POST',
      url: `/api/v1/resources/uploads/${encodeURIComponent(uploadId)}/complete`,
      data: body,
      headers: { 'Idempotency-Key': key },
      needUser: true
    })
  }
  searchResources(query: ResourceQuery): Promise<ResourcePage> {
    return this.#call(ResourcePage, { url: '/api/v1/resources', params: query })
  }
  resource(id: string): Promise<Resource> {
    return this.#call(Resource, { url: `/api/v1/resources/${encodeURIComponent(id)}` })
  }
  collect(id: string, key: string): Promise<Resource> {
    return this.#call(Resource, {
      method: 'POST',
      url: `/api/v1/resources/${encodeURIComponent(id)}/collect`,
      headers: { 'Idempotency-Key': key },
      needUser: true
    })
  }
  /**
   * The file's bytes from `start` on (Range), as a stream of at most `size` bytes (the whole
   * file's size: a server that ignores Range sends it all again, never more).
   */
  async content(id: string, start: number, size: number): Promise<{ stream: Readable; status: number }> {
    try {
      const res = await this.http.get(`/api/v1/resources/${encodeURIComponent(id)}/content`, {
        responseType: 'stream',
        headers: start > 0 ? { Range: `bytes=${start}-` } : {},
        timeout: 120_000,
        maxContentLength: size
      })
      return { stream: res.data as Readable, status: res.status }
    } catch (e) {
      throw ownRefusal(e) ?? platformError(e, this.baseUrl)
    }
  }
}
