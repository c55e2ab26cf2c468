/**
 * Platform failures as AppErrors a teacher can read, with a `kind` that tells the outbox what
 * to do: `offline` and `transient` are retried later, `auth` waits for sign-in, `permanent`
 * stays visible as failed with the platform's own message until the teacher retries it.
 */
import { isAxiosError, type AxiosError } from 'axios'
import { AppError } from '../../../src-shared/errors'
import { ErrorEnvelope, PlatformCode } from '../../../src-shared/platform/envelope'

export type FailureKind = 'offline' | 'transient' | 'auth' | 'permanent'

export interface PlatformErrorDetails {
  readonly kind: FailureKind
  readonly httpStatus?: number
  readonly platformCode?: number
  readonly platformMessage?: string
  readonly retryAfterMs?: number
}

/** The envelope of a failed answer, if the platform sent one. */
export function envelopeOf(err: AxiosError): ErrorEnvelope | undefined {
  const parsed = ErrorEnvelope.safeParse(err.response?.data)
  return parsed.success ? parsed.data : undefined
}

/** Whether a request may be tried again right away (network error, 5xx, 408, 429, -9998, -429). */
export function isTransient(err: unknown): boolean {
  if (!isAxiosError(err)) return false
  if (err.code === 'ERR_CANCELED') return false
  if (!err.response) return true
  const s = err.response.status
  const env = envelopeOf(err)
  // A 2xx whose body is not a whole envelope was cut or garbled on the way: a transport fault.
  if (s < 400 && !env) return true
  const code = env?.code
  return s >= 500 || s === 408 || s === 429 || code === PlatformCode.INTERNAL || code === PlatformCode.RATE_LIMITED
}

export function failureKind(err: AppError): FailureKind {
  const d = err.details as Partial<PlatformErrorDetails> | undefined
  if (d?.kind) return d.kind
  return err.code === 'UNAVAILABLE' ? 'transient' : err.code === 'UNAUTHORIZED' ? 'auth' : 'permanent'
}

function retryAfterMs(err: AxiosError): number | undefined {
  const h = err.response?.headers?.['retry-after']
  if (h === undefined || h === null) return undefined
  const secs = Number(h)
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000)
  const at = Date.parse(String(h))
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined
}

/** Any failure from talking to the platform, as an AppError with PlatformErrorDetails. */
export function platformError(err: unknown, baseUrl: string): AppError {
  if (err instanceof AppError) return err
  if (!isAxiosError(err)) return AppError.from(err)
  if (!err.response) {
    const why = err.code ?? err.message
    return new AppError(
      'UNAVAILABLE',
      `无法连接教育平台（${baseUrl}，${why}）。记录已保存在本机，恢复联网后会自动上传；如一直如此，请在设置中检查平台地址。`,
      `Cannot reach the education platform (${baseUrl}, ${why}). Records are kept on this computer and will upload when the connection is back; if this persists, check the platform address in Settings.`,
      { kind: 'offline' } satisfies PlatformErrorDetails
    )
  }
  const status = err.response.status
  const env = envelopeOf(err)
  const ra = retryAfterMs(err)
  const base: PlatformErrorDetails = {
    kind: 'permanent',
    httpStatus: status,
    ...(env ? { platformCode: env.code, platformMessage: env.message } : {}),
    ...(ra !== undefined ? { retryAfterMs: ra } : {})
  }
  const said = env?.message ?? `HTTP ${status}`
  const code = env?.code
  if (code === PlatformCode.TOKEN_INVALID || code === PlatformCode.CODE_INVALID || status === 401) {
    return new AppError(
      'UNAUTHORIZED',
      `教育平台登录已失效（${said}）。请在“同步”页重新登录，未上传的记录会保留。`,
      `Your platform sign-in has expired (${said}). Sign in again on the Sync page; unsent records are kept.`,
      { ...base, kind: 'auth' }
    )
  }
  if (status < 400 && !env) {
    return new AppError(
      'UNAVAILABLE',
      '与教育平台的连接中断，回答不完整。稍后会自动重试，无需操作。',
      'The connection to the platform broke off mid-answer. It will be retried automatically.',
      { ...base, kind: 'transient' }
    )
  }
  if (isTransient(err)) {
    const wait = ra !== undefined ? `，平台要求 ${Math.ceil(ra / 1000)} 秒后再试` : ''
    return new AppError(
      'UNAVAILABLE',
      `教育平台暂时无法处理请求（${said}${wait}）。稍后会自动重试，无需操作。`,
      `The education platform cannot handle the request right now (${said}). It will be retried automatically.`,
      { ...base, kind: 'transient' }
    )
  }
  if (code === PlatformCode.IP_NOT_ALLOWED) {
    return new AppError(
      'FORBIDDEN',
      `教育平台不允许本机的网络地址访问（${said}）。请联系学校信息管理员把本校网络加入平台白名单，然后点“重试”。`,
      `The platform does not allow this network address (${said}). Ask your school's IT administrator to allow it, then press Retry.`,
      base
    )
  }
  if (code === PlatformCode.NO_PERMISSION || status === 403) {
    return new AppError(
      'FORBIDDEN',
      `教育平台拒绝了这项操作：${said}。请核对班级或账号后点“重试”，或删除这条记录。`,
      `The platform refused this: ${said}. Check the class or account, then press Retry.`,
      base
    )
  }
  if (code === PlatformCode.NOT_FOUND || status === 404) {
    return new AppError(
      'NOT_FOUND',
      `教育平台找不到所需内容：${said}。`,
      `The platform could not find it: ${said}.`,
      base
    )
  }
  if (code === PlatformCode.IDEMPOTENCY_CONFLICT || status === 409) {
    return new AppError(
      'CONFLICT',
      `教育平台发现这条记录与已上传的内容冲突：${said}。`,
      `The platform found a conflict with what was already sent: ${said}.`,
      base
    )
  }
  if (code === PlatformCode.TOO_LARGE || status === 413) {
    return new AppError(
      'LIMIT',
      `文件或内容超过教育平台的大小限制：${said}。`,
      `Too large for the platform: ${said}.`,
      base
    )
  }
  return new AppError(
    'VALIDATION',
    `教育平台拒绝了这条记录：${said}。请修改后点“重试”。`,
    `The platform rejected this record: ${said}. Fix it, then press Retry.`,
    base
  )
}
