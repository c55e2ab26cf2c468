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
    const fs = fileSystemError(err)
    if (fs) return fs
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

/** The file-system failures a teacher can act on, in their words (the original stays in details). */
function fileSystemError(err: unknown): AppError | null {
  if (!(err instanceof Error) || !('code' in err)) return null
  const code = String((err as { code: unknown }).code)
  const path = 'path' in err ? String((err as { path: unknown }).path) : ''
  const details = { code, path, message: err.message }
  switch (code) {
    case 'ENOENT':
      return new AppError(
        'NOT_FOUND',
        `找不到文件或文件夹：${path}。请确认它没有被移动或删除。`,
        `File or folder not found: ${path}. Check that it was not moved or deleted.`,
        details
      )
    case 'EACCES':
    case 'EPERM':
      return new AppError(
        'FORBIDDEN',
        `没有权限访问：${path}。请换一个文件夹，或请管理员开放权限。`,
        `No permission to access: ${path}. Choose another folder or ask an administrator.`,
        details
      )
    case 'ENOSPC':
      return new AppError(
        'UNAVAILABLE',
        '磁盘空间不足，文件没有保存。请清理磁盘后重试。',
        'The disk is full; the file was not saved. Free some space and retry.',
        details
      )
    case 'EROFS':
      return new AppError('FORBIDDEN', `该位置只读，无法保存：${path}`, `This location is read-only: ${path}`, details)
    default:
      return null
  }
}
