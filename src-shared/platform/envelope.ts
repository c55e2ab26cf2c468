/**
 * The platform's response envelope and error codes (docs/platform-api.yaml).
 * Every answer is `{success: true, result}` or `{success: false, code, message}`; the HTTP
 * status mirrors the code so that proxies and retry logic can act on it without parsing.
 */
import { z } from 'zod'

export const PlatformCode = {
  /** Access token invalid or expired: refresh it once, then replay. */
  TOKEN_INVALID: -100,
  /** Authorization code (or refresh token) invalid, used or expired. */
  CODE_INVALID: -101,
  IP_NOT_ALLOWED: -9996,
  NO_PERMISSION: -9997,
  INTERNAL: -9998,
  /** Our contract's additions for cases the published codes do not name. */
  BAD_REQUEST: -1,
  NOT_FOUND: -404,
  IDEMPOTENCY_CONFLICT: -409,
  TOO_LARGE: -413,
  RATE_LIMITED: -429
} as const
export type PlatformCode = (typeof PlatformCode)[keyof typeof PlatformCode]

/** The HTTP status the reference server sends with each code. */
export const statusForCode: Record<number, number> = {
  [PlatformCode.TOKEN_INVALID]: 401,
  [PlatformCode.CODE_INVALID]: 400,
  [PlatformCode.IP_NOT_ALLOWED]: 403,
  [PlatformCode.NO_PERMISSION]: 403,
  [PlatformCode.INTERNAL]: 500,
  [PlatformCode.BAD_REQUEST]: 400,
  [PlatformCode.NOT_FOUND]: 404,
  [PlatformCode.IDEMPOTENCY_CONFLICT]: 409,
  [PlatformCode.TOO_LARGE]: 413,
  [PlatformCode.RATE_LIMITED]: 429
}

export const ErrorEnvelope = z.object({
  success: z.literal(false),
  code: z.number().int(),
  message: z.string()
})
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>

export const AnyEnvelope = z.union([z.object({ success: z.literal(true), result: z.unknown() }), ErrorEnvelope])
