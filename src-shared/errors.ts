/**
 * Errors that cross every boundary (IPC, WebSocket, Socket.IO, HTTP, files) as plain data.
 * A teacher sees `message` (Chinese) or `messageEn`; code is for programs; details for logs.
 * Never swallow an error into a null: wrap it in an AppError and send it on.
 */
import { z } from 'zod'

export const ErrorCode = z.enum([
  'VALIDATION', // input failed its zod schema
  'UNKNOWN_CHANNEL', // a call or event that the contract does not declare
  'NOT_FOUND',
  'CONFLICT',
  'DB_TOO_NEW', // the database was written by a newer ClassDeck
  'DB_CORRUPT', // the database file cannot be read
  'FILE_TOO_NEW', // a courseware file from a newer format version
  'FILE_INVALID', // a file that cannot be imported or opened
  'LIMIT', // a size, count or rate limit was hit
  'UNAUTHORIZED',
  'FORBIDDEN',
  'UNAVAILABLE', // a dependency (platform, disk, network) cannot be reached now
  'INTERNAL'
])
export type ErrorCode = z.infer<typeof ErrorCode>

export const AppErrorData = z.object({
  code: ErrorCode,
  message: z.string(),
  messageEn: z.string(),
  details: z.unknown().optional()
})
export type AppErrorData = z.infer<typeof AppErrorData>

export class AppError extends Error {
  readonly code: ErrorCode
  readonly messageEn: string
  readonly details?: unknown

  constructor(code: ErrorCode, message: string, messageEn: string, details?: unknown) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.messageEn = messageEn
    this.details = details
  }

  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message, messageEn: this.messageEn }
    if (this.details !== undefined) data.details = this.details
    return data
  }

  static fromData(data: AppErrorData): AppError {
    return new AppError(data.code, data.message, data.messageEn, data.details)
  }

  /** Any thrown value, as an AppError; unknown errors become INTERNAL with their message kept. */
  static from(err: unknown): AppError {
    if (err instanceof AppError) return err
    const text = err instanceof Error ? err.message : String(err)
    return new AppError('INTERNAL', `内部错误：${text}`, `Internal error: ${text}`)
  }
}

export function isAppErrorData(value: unknown): value is AppErrorData {
  return AppErrorData.safeParse(value).success
}

/** A zod failure as a validation error that names each bad field, in both languages. */
export function validationError(where: string, issues: readonly z.core.$ZodIssue[]): AppError {
  const fields = issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
  return new AppError(
    'VALIDATION',
    `输入无效（${where}）：${fields.join('；')}`,
    `Invalid input (${where}): ${fields.join('; ')}`,
    { issues: issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code })) }
  )
}
