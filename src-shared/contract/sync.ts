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
  ResourceMeta,
  ResourcePage,
  ResourceType,
  SchoolClass,
  Student,
  Teacher
} from '../platform/dto'
import { defineCall, defineEvent } from './define'
import { OpenLessonJob } from './open-lesson-job'

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
 * enqueueOutbox(db, { kind, entityId, payload }) with one of these: the producer writes the
 * platform's DTO when it enqueues, and the worker reads it back with the same schema.
 */
export const outboxPayloads = {
  lesson: LessonRecordInput,
  'quiz-result': QuizResultInput,
  'resource-upload': ResourceUploadJob,
  'resource-collect': ResourceCollectJob,
  /** A 公开课 set: its files uploaded one by one, then grouped (open-lesson-delivery.ts). */
  'open-lesson': OpenLessonJob
} as const
export const OutboxKind = z.enum(['lesson', 'quiz-result', 'resource-upload', 'resource-collect', 'open-lesson'])
export type OutboxKind = z.infer<typeof OutboxKind>

/** The teacher a record belongs to, stamped when it is made; it is delivered only under this account. */
export const OutboxTeacher = z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(50) }).strict()
export type OutboxTeacher = z.infer<typeof OutboxTeacher>

/** What the sync page shows for a row, written by the producer (the payload has ids, not names). */
export const OutboxDisplay = z
  .object({
    className: z.string().max(200).nullable(),
    title: z.string().max(200),
    /** When the record was made (a lesson's start, a question's launch). */
    at: z.string().nullable()
  })
  .strict()
export type OutboxDisplay = z.infer<typeof OutboxDisplay>

// ---- views -----------------------------------------------------------------------------------
export const OutboxState = z.enum(['pending', 'sending', 'sent', 'failed'])
export type OutboxState = z.infer<typeof OutboxState>

export const Progress = z.object({ done: z.number().nonnegative(), total: z.number().nonnegative() })

export const SyncItem = z.object({
  id: z.number().int(),
  kind: z.string(),
  entityId: z.string(),
  /** A short description for the list: the deck, question or file. */
  label: z.string(),
  className: z.string().nullable(),
  /** When the record was made (not when it was queued or sent). */
  madeAt: z.string().nullable(),
  /** Whose record this is; null for a record made before ClassDeck stamped teachers. */
  teacher: OutboxTeacher.nullable(),
  /** Pending, but not for the signed-in teacher: it waits for its own teacher to sign in. */
  waitingForTeacher: z.boolean(),
  state: OutboxState,
  attempts: z.number().int(),
  lastError: AppErrorData.nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  progress: Progress.nullable()
})
export type SyncItem = z.infer<typeof SyncItem>

/**
 * What the page headline says, from the rows themselves: 'idle' (已同步) only when nothing of the
 * signed-in teacher is pending or failed; 'retrying' while rows wait out a backoff; 'failed' when
 * a row needs the teacher; 'waiting' when only other teachers' records are left.
 */
export const SyncPhase = z.enum([
  'stopped',
  'signed-out',
  'offline',
  'syncing',
  'retrying',
  'failed',
  'waiting',
  'idle'
])
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
  /** Records kept for other teachers (or for nobody yet): teacher null = made before stamping. */
  waiting: z.array(z.object({ teacher: OutboxTeacher.nullable(), count: z.number().int().positive() })),
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
  /** Whose classes these are: each teacher's are cached apart (a shared classroom PC). */
  teacher: OutboxTeacher.nullable(),
  classes: z.array(ClassWithRoster),
  fetchedAt: z.string(),
  fromCache: z.boolean(),
  staleBecause: AppErrorData.nullable()
})
export type ClassesView = z.infer<typeof ClassesView>

/** A teacher who has signed in on this computer: the lesson-start chooser offers them. */
export const KnownTeacher = z.object({
  id: z.string(),
  name: z.string(),
  schoolName: z.string(),
  lastSignedInAt: z.string()
})
export type KnownTeacher = z.infer<typeof KnownTeacher>

export const LessonTeachers = z.object({
  teachers: z.array(KnownTeacher),
  /** Who new lessons and records are stamped with on this computer (remembered across restarts). */
  current: OutboxTeacher.nullable(),
  signedInId: z.string().nullable()
})
export type LessonTeachers = z.infer<typeof LessonTeachers>

const Empty = z.object({}).strict()
const RowId = z.object({ id: z.number().int() }).strict()
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
  /** Deletes a failed item for good (the page asks the teacher first). */
  remove: defineCall('sync:remove', RowId, SyncStatus),
  /** Files records made before teachers were stamped (one, or all) under the signed-in teacher. */
  claim: defineCall('sync:claim', z.object({ id: z.number().int().optional() }).strict(), SyncStatus),
  /** The teachers known on this computer and who is teaching now. */
  teachers: defineCall('sync:teachers', Empty, LessonTeachers),
  /** The lesson-start chooser: who teaches from now on, on this computer. */
  chooseTeacher: defineCall(
    'sync:choose-teacher',
    z.object({ teacherId: z.string().min(1).max(64) }).strict(),
    LessonTeachers
  ),
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
