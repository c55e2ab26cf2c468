/**
 * Sync (同步): what the renderer may ask of the sync service, and what it is told.
 * The outbox's kinds and payloads are declared here too, so the services that enqueue
 * (lessons, classroom, library) and the worker that delivers agree on one schema.
 */
import { z } from 'zod'
import { AppErrorData } from '../errors'
import {
  Catalogue,
  LessonRecordInput,
  QuizResultInput,
  Resource,
  ResourceMeta,
  ResourcePage,
  ResourceType,
  SchoolClass,
  Student,
  Teacher
} from '../platform/dto'
import { defineCall, defineEvent } from './define'

// ---- the outbox's kinds and their payloads ---------------------------------------------------
export const ResourceUploadJob = ResourceMeta.extend({
  /** Absolute path of the file on this computer. */
  filePath: z.string().min(1),
  fileName: z.string().min(1).max(255).optional(),
  mimeType: z.string().max(200).optional()
}).strict()
export type ResourceUploadJob = z.input<typeof ResourceUploadJob>

export const ResourceCollectJob = z.object({ resourceId: z.string().min(1) }).strict()

/**
 * enqueueOutbox(db, { kind, entityId, payload }) with one of these. 'lesson' and 'quiz-result'
 * also accept the lessons service's LessonRecord and the classroom service's run results
 * (src-main/services/sync/outbox-adapters.ts maps them).
 */
export const outboxPayloads = {
  lesson: LessonRecordInput,
  'quiz-result': QuizResultInput,
  'resource-upload': ResourceUploadJob,
  'resource-collect': ResourceCollectJob
} as const
export const OutboxKind = z.enum(['lesson', 'quiz-result', 'resource-upload', 'resource-collect'])
export type OutboxKind = z.infer<typeof OutboxKind>

// ---- views -----------------------------------------------------------------------------------
export const OutboxState = z.enum(['pending', 'sending', 'sent', 'failed'])
export type OutboxState = z.infer<typeof OutboxState>

export const Progress = z.object({ done: z.number().nonnegative(), total: z.number().nonnegative() })

export const SyncItem = z.object({
  id: z.number().int(),
  kind: z.string(),
  entityId: z.string(),
  /** A short description for the list, from the payload (lesson title, file name …). */
  label: z.string(),
  state: OutboxState,
  attempts: z.number().int(),
  lastError: AppErrorData.nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  progress: Progress.nullable()
})
export type SyncItem = z.infer<typeof SyncItem>

export const SyncPhase = z.enum(['stopped', 'idle', 'syncing', 'offline', 'signed-out'])
export type SyncPhase = z.infer<typeof SyncPhase>

export const SyncStatus = z.object({
  phase: SyncPhase,
  platformUrl: z.string(),
  signedIn: z.boolean(),
  teacher: Teacher.nullable(),
  counts: z.object({
    pending: z.number().int(),
    sending: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int()
  }),
  /** When the last item reached the platform. */
  lastSyncAt: z.string().nullable(),
  lastError: AppErrorData.nullable()
})
export type SyncStatus = z.infer<typeof SyncStatus>

export const CatalogueView = z.object({
  catalogue: Catalogue,
  fetchedAt: z.string(),
  /** Answered from the offline cache (the platform was not asked, or could not be reached). */
  fromCache: z.boolean(),
  /** Why the cache was used although fresh data was asked for. */
  staleBecause: AppErrorData.nullable()
})
export type CatalogueView = z.infer<typeof CatalogueView>

export const ClassWithRoster = SchoolClass.extend({ students: z.array(Student) })
export const ClassesView = z.object({
  classes: z.array(ClassWithRoster),
  fetchedAt: z.string(),
  fromCache: z.boolean(),
  staleBecause: AppErrorData.nullable()
})
export type ClassesView = z.infer<typeof ClassesView>

const Empty = z.object({}).strict()
const Refresh = z.object({ refresh: z.boolean().default(false) }).strict()

export const syncCalls = {
  status: defineCall('sync:status', Empty, SyncStatus),
  items: defineCall(
    'sync:items',
    z.object({ state: OutboxState.optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    z.array(SyncItem)
  ),
  /** Deliver now: ends any wait (offline probe, backoff) and starts the worker. */
  now: defineCall('sync:now', Empty, SyncStatus),
  /** Failed items back to pending (one, or all when id is absent). */
  retry: defineCall('sync:retry', z.object({ id: z.number().int().optional() }).strict(), SyncStatus),
  /** Starts sign-in: open `authorizeUrl` in the system browser; the app listens on a loopback port. */
  signInStart: defineCall(
    'sync:sign-in-start',
    Empty,
    z.object({ authorizeUrl: z.string().url(), redirectUri: z.string().url() })
  ),
  /** Waits for the browser to come back to the loopback port, then trades the code for tokens. */
  signInComplete: defineCall(
    'sync:sign-in-complete',
    z.object({ timeoutMs: z.number().int().min(1000).max(600_000).default(300_000) }).strict(),
    Teacher
  ),
  signOut: defineCall('sync:sign-out', Empty, SyncStatus),
  catalogue: defineCall('sync:catalogue', Refresh, CatalogueView),
  classes: defineCall('sync:classes', Refresh, ClassesView),
  searchResources: defineCall(
    'sync:search-resources',
    z
      .object({
        chapterId: z.string().optional(),
        q: z.string().max(100).optional(),
        type: ResourceType.optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(100).default(20)
      })
      .strict(),
    ResourcePage
  ),
  downloadResource: defineCall(
    'sync:download-resource',
    z.object({ resourceId: z.string().min(1) }).strict(),
    z.object({ resource: Resource, path: z.string(), sha256: z.string() })
  ),
  /** Queues a file for upload to the platform (it survives restarts and resumes). */
  uploadResource: defineCall('sync:upload-resource', ResourceUploadJob, z.object({ outboxId: z.number().int() })),
  collectResource: defineCall('sync:collect-resource', ResourceCollectJob, z.object({ outboxId: z.number().int() }))
} as const

export const syncEvents = {
  statusChanged: defineEvent('sync:status-changed', SyncStatus),
  progress: defineEvent(
    'sync:progress',
    z.object({
      id: z.number().int(),
      kind: z.string(),
      entityId: z.string(),
      done: z.number().nonnegative(),
      total: z.number().nonnegative()
    })
  )
} as const
