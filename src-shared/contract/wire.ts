/**
 * The browser host's WebSocket frames. The Electron transport carries the same call
 * results over IPC; only the framing differs.
 */
import { z } from 'zod'
import { AppErrorData } from '../errors'

export const ClientFrame = z.object({
  t: z.literal('call'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  input: z.unknown()
})
export type ClientFrame = z.infer<typeof ClientFrame>

// A plain union: two members share t = 'result', which a discriminated union cannot express.
export const ServerFrame = z.union([
  z.object({ t: z.literal('result'), id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ t: z.literal('result'), id: z.number().int(), ok: z.literal(false), error: AppErrorData }),
  z.object({ t: z.literal('event'), channel: z.string(), payload: z.unknown() })
])
export type ServerFrame = z.infer<typeof ServerFrame>

/** Largest call frame the browser host accepts; files travel over HTTP (see src-main/hosts/media-files.ts). */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024

/** Path of the RPC socket on the browser host. */
export const RPC_PATH = '/rpc'
