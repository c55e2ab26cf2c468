import { z } from 'zod'
import { defineCall, defineEvent } from './define'

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

export const systemEvents = {
  /** A long task's progress, for any progress bar in the app. */
  progress: defineEvent(
    'system:progress',
    z.object({
      taskId: z.string(),
      label: z.string(),
      done: z.number().nonnegative(),
      total: z.number().nonnegative(),
      finished: z.boolean()
    })
  )
} as const
