import { z } from 'zod'
import { defineCall } from './define'

export const HostKind = z.enum(['electron', 'browser'])

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: HostKind,
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  startedAt: z.string()
})
export type AppInfo = z.infer<typeof AppInfo>

export const systemCalls = {
  info: defineCall('system:info', z.object({}).strict(), AppInfo),
  /** Echo: the cheapest call, used by the startup benchmark and transport tests. */
  ping: defineCall(
    'system:ping',
    z.object({ nonce: z.string().max(200) }).strict(),
    z.object({ nonce: z.string(), at: z.string() })
  )
} as const

/** Nothing is published for the whole app: each domain has its own progress events (courseware:progress, sync:progress…). */
export const systemEvents = {} as const
