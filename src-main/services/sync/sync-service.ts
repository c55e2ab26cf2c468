/**
 * The Outbox worker and the sync centre's backend. It delivers outbox rows in order per
 * (kind, entity_id) with their idempotency keys, a few entities at a time; pauses while the
 * platform cannot be reached and resumes when it answers again; survives restarts (rows left
 * 'sending' by a crash go back to pending, uploads resume from the parts the platform holds);
 * marks permanent failures 'failed' with the platform's message until the teacher retries.
 * A row goes out only under the teacher it was stamped with when it was made; another teacher's
 * rows wait, visibly, until that teacher signs in (a shared classroom PC).
 * It also pulls the catalogue, classes and rosters (cached for offline use) and resources.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { AppError, type AppErrorData } from '../../../src-shared/errors'
import {
  CatalogueView,
  ClassesView,
  OutboxDisplay,
  OutboxKind,
  outboxPayloads,
  type OutboxState,
  type LessonTeachers,
  type OutboxTeacher,
  type ResourceUploadJob,
  type SyncItem,
  type SyncPhase,
  type SyncStatus
} from '../../../src-shared/contract/sync'
import { Catalogue, type ResourcePage, type ResourceQuery, type Teacher } from '../../../src-shared/platform/dto'
import type { StorageService } from '../storage'
import { Emitter } from '../../util/emitter'
import { enqueueOutbox } from './outbox-repo'
import { OutboxQueue, type OutboxRow } from './outbox-queue'
import { PlatformClient, fullJitterDelay, type RetryPolicy } from './platform-client'
import { failureKind, platformError } from './platform-errors'
import { FileTokenStore, type TokenStore } from './token-store'
import { LoopbackSignIn } from './loopback-sign-in'
import { uploadResource, type UploadDeps } from './resumable-upload'
import { deliverOpenLesson } from './open-lesson-delivery'
import { downloadResource } from './checked-download'
import {
  classesCacheKey,
  currentTeacher,
  knownTeacher,
  knownTeachers,
  rememberTeacher,
  setCurrentTeacher
} from './teacher-repo'
import type { z } from 'zod'

/** The reference platform's app credentials; a deployment passes its own. */
export const DEFAULT_APP_CREDENTIALS = { clientId: 'classdeck-desktop', secret: 'classdeck-dev-secret' } as const

export interface SyncServiceDeps {
  readonly storage: StorageService
  readonly dataDir: string
  /** Read on every request, so a changed setting applies at once. */
  readonly platformUrl: () => string
  readonly clock?: () => Date
  readonly tokenStore?: TokenStore
  readonly credentials?: { clientId: string; secret: string }
  /** Entities delivered at the same time (each entity's rows stay in order). */
  readonly concurrency?: number
  /** How often the worker looks for new rows others enqueued. */
  readonly pollMs?: number
  /** Per-request retries (axios-retry). */
  readonly retry?: Partial<RetryPolicy>
  /** Between attempts of a row after its request retries ran out. */
  readonly backoff?: { baseMs: number; maxMs: number }
  /** Probing a platform that cannot be reached. */
  readonly probe?: { baseMs: number; maxMs: number }
  /** Part size to ask for when uploading. */
  readonly partSize?: number
  /** Upload parts on the wire at once (default 3). */
  readonly partsInFlight?: number
  /** Send a sha256 with every part (see UploadDeps.verifyParts). */
  readonly verifyParts?: boolean
  readonly random?: () => number
  /** How old a teacher's cached classes may get before they are fetched again (default a day). */
  readonly classesMaxAgeMs?: number
}

export interface SyncProgress {
  id: number
  kind: string
  entityId: string
  done: number
  total: number
}

export class SyncService {
  readonly client: PlatformClient
  readonly #deps: SyncServiceDeps
  readonly #queue: OutboxQueue
  readonly #signIn: LoopbackSignIn
  readonly #clock: () => Date
  readonly #random: () => number
  readonly #concurrency: number
  readonly #inflight = new Map<number, Promise<void>>()
  readonly #progress = new Map<number, { done: number; total: number }>()
  readonly #onDidChangeStatus = new Emitter<SyncStatus>()
  readonly onDidChangeStatus = this.#onDidChangeStatus.event
  readonly #onProgress = new Emitter<SyncProgress>()
  readonly onProgress = this.#onProgress.event
  #running = false
  #disposed = false
  #offline = false
  #probeDelay = 0
  #probeTimer: NodeJS.Timeout | null = null
  #pollTimer: NodeJS.Timeout | null = null
  #wakeTimer: NodeJS.Timeout | null = null
  #statusTimer: NodeJS.Timeout | null = null
  #lastError: AppErrorData | null = null
  /** The account the last token belonged to: a different one means requests in flight must stop. */
  #authTeacherId: string | null = null
  #classesRefreshing = false
  #retriesSeen = 0
  #watchTimer: NodeJS.Timeout | null = null
  readonly #idleWaiters = new Set<() => void>()

  constructor(deps: SyncServiceDeps) {
    this.#deps = deps
    this.#clock = deps.clock ?? (() => new Date())
    this.#random = deps.random ?? Math.random
    this.#concurrency = deps.concurrency ?? 4
    this.#queue = new OutboxQueue(deps.storage.db, this.#clock)
    const creds = deps.credentials ?? DEFAULT_APP_CREDENTIALS
    this.client = new PlatformClient({
      baseUrl: deps.platformUrl,
      clientId: creds.clientId,
      secret: creds.secret,
      tokens: deps.tokenStore ?? new FileTokenStore(join(deps.dataDir, 'platform-tokens.json')),
      retry: deps.retry ?? {},
      now: () => this.#clock().getTime(),
      random: this.#random
    })
    this.#signIn = new LoopbackSignIn(this.client)
    this.#authTeacherId = this.client.teacher?.id ?? null
    this.client.onDidChangeAuth(() => this.#authChanged())
  }

  /**
   * Signed out, or another teacher signed in: whatever is in flight was claimed for the previous
   * account, and a retry of it must not carry the next account's token, so it is stopped now
   * (those rows go back to pending for their own teacher).
   */
  #authChanged(): void {
    const id = this.client.teacher?.id ?? null
    if (id !== this.#authTeacherId) {
      this.#authTeacherId = id
      if (this.#inflight.size > 0) this.client.abortAll()
    }
    this.#statusSoon()
  }

  /** Starts the worker: recovers rows a crash left 'sending', then delivers. */
  start(): void {
    if (this.#running || this.#disposed) return
    this.#running = true
    this.#queue.recoverInterrupted()
    this.#pollTimer = setInterval(() => {
      this.#pump()
      this.#refreshClassesIfStale()
    }, this.#deps.pollMs ?? 3000)
    this.#pollTimer.unref()
    this.#pump()
    this.#refreshClassesIfStale()
    this.#statusSoon()
  }

  // ---- the worker ---------------------------------------------------------------------------
  #pump(): void {
    const me = this.client.teacher
    if (!this.#running || this.#disposed || this.#offline || !this.client.signedIn || !me) {
      this.#checkIdle()
      return
    }
    while (this.#inflight.size < this.#concurrency) {
      const row = this.#queue.claimNext(me.id)
      if (!row) break
      const p = this.#deliver(row).finally(() => {
        this.#inflight.delete(row.id)
        this.#progress.delete(row.id)
        this.#pump()
        this.#statusSoon()
      })
      this.#inflight.set(row.id, p)
    }
    if (this.#inflight.size > 0) this.#watchRetries()
    this.#scheduleWake()
    this.#checkIdle()
  }

  /**
   * A request that lost its connection is retried quietly for a while (axios-retry, with backoff);
   * the teacher should not stare at "正在上传" meanwhile. Each retry the client counts while a row
   * is on the wire shows at once as the status's error, long before the retries run out.
   */
  #watchRetries(): void {
    if (this.#watchTimer) return
    this.#retriesSeen = this.client.stats.retries
    this.#watchTimer = setInterval(() => {
      const n = this.client.stats.retries
      if (n > this.#retriesSeen && !this.#disposed) {
        this.#retriesSeen = n
        this.#lastError = new AppError(
          'UNAVAILABLE',
          '与教育平台的连接中断了，正在自动重试。记录保存在本机，不会丢失。',
          'The connection to the platform dropped; retrying by itself. The records are kept on this computer.',
          { kind: 'transient', retries: n }
        ).toData()
        this.#statusSoon()
      }
      if (this.#inflight.size === 0 || this.#disposed) {
        clearInterval(this.#watchTimer!)
        this.#watchTimer = null
      }
    }, 250)
    this.#watchTimer.unref()
  }

  /** Wakes up when the earliest backed-off row becomes due (the poll catches new rows). */
  #scheduleWake(): void {
    if (this.#wakeTimer) clearTimeout(this.#wakeTimer)
    this.#wakeTimer = null
    const me = this.client.teacher
    const due = me ? this.#queue.nextDueAt(me.id) : null
    if (!due) return
    this.#wakeTimer = setTimeout(() => this.#pump(), Math.max(0, due.getTime() - this.#clock().getTime()) + 5)
    this.#wakeTimer.unref()
  }

  async #deliver(row: OutboxRow): Promise<void> {
    try {
      await this.#send(row)
      if (this.#disposed) return
      this.#queue.markSent(row.id)
      this.#setMeta('last_sync_at', this.#clock().toISOString())
      this.#lastError = null
    } catch (e) {
      // Shut down (or "crashed") mid-flight: leave the row 'sending'; the next start recovers it.
      if (this.#disposed) return
      if (row.teacher_id !== this.client.teacher?.id) {
        // Its teacher signed out while it was on the wire: it waits for them, not counted as an attempt.
        this.#queue.release(row.id, null)
        return
      }
      const err = platformError(e, this.client.baseUrl)
      this.#lastError = err.toData()
      const kind = failureKind(err)
      if (kind === 'permanent') {
        this.#queue.markFailed(row.id, err.toData())
      } else if (kind === 'auth') {
        this.#queue.release(row.id, err.toData())
      } else {
        const retryAfter = (err.details as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 0
        const b = this.#deps.backoff ?? { baseMs: 2000, maxMs: 10 * 60_000 }
        const wait = fullJitterDelay(
          row.attempts,
          { retries: 0, baseDelayMs: b.baseMs, maxDelayMs: b.maxMs },
          this.#random,
          retryAfter
        )
        this.#queue.reschedule(row.id, err.toData(), new Date(this.#clock().getTime() + wait))
        if (kind === 'offline') this.#goOffline()
      }
    }
  }

  async #send(row: OutboxRow): Promise<unknown> {
    if (!row.teacher_id || row.teacher_id !== this.client.teacher?.id) {
      throw new AppError(
        'UNAUTHORIZED',
        `这条记录属于${row.teacher_name ?? '另一位'}老师，等该老师登录后再上传。`,
        `This record belongs to ${row.teacher_name ?? 'another teacher'}; it waits for them to sign in.`,
        { kind: 'auth' }
      )
    }
    const kind = OutboxKind.safeParse(row.kind)
    if (!kind.success) {
      throw new AppError(
        'VALIDATION',
        `未知的同步类型“${row.kind}”，ClassDeck 无法上传这条记录。`,
        `Unknown outbox kind "${row.kind}".`,
        { kind: 'permanent' }
      )
    }
    const raw: unknown = JSON.parse(row.payload)
    const key = row.idempotency_key
    const job = <S extends z.ZodType>(schema: S): z.output<S> => {
      const parsed = schema.safeParse(raw)
      if (parsed.success) return parsed.data
      const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；')
      throw new AppError(
        'VALIDATION',
        `这条记录的数据不完整，无法上传（${fields}）。`,
        `This record is incomplete and cannot be sent (${fields}).`,
        { kind: 'permanent' }
      )
    }
    switch (kind.data) {
      case 'lesson':
        return this.client.postLessonRecord(job(outboxPayloads.lesson), key)
      case 'quiz-result':
        return this.client.postQuizResult(job(outboxPayloads['quiz-result']), key)
      case 'resource-collect':
        return this.client.collect(job(outboxPayloads['resource-collect']).resourceId, key)
      case 'resource-upload':
        return uploadResource(this.#uploadDeps(), row.id, key, job(outboxPayloads['resource-upload']), (done, total) =>
          this.#reportProgress(row, done, total)
        )
      case 'open-lesson':
        return deliverOpenLesson(this.#uploadDeps(), row.id, key, job(outboxPayloads['open-lesson']), (done, total) =>
          this.#reportProgress(row, done, total)
        )
    }
  }

  #uploadDeps(): UploadDeps {
    return {
      db: this.#deps.storage.db,
      client: this.client,
      now: this.#clock,
      ...(this.#deps.partSize ? { partSize: this.#deps.partSize } : {}),
      ...(this.#deps.partsInFlight ? { partsInFlight: this.#deps.partsInFlight } : {}),
      verifyParts: this.#deps.verifyParts ?? false
    }
  }

  #reportProgress(row: OutboxRow, done: number, total: number): void {
    this.#progress.set(row.id, { done, total })
    this.#onProgress.fire({ id: row.id, kind: row.kind, entityId: row.entity_id, done, total })
  }

  /** Bytes of a row on the wire so far, while it is being delivered. */
  progressOf(id: number): { done: number; total: number } | null {
    return this.#progress.get(id) ?? null
  }

  #goOffline(): void {
    if (this.#offline) return
    this.#offline = true
    const p = this.#deps.probe ?? { baseMs: 2000, maxMs: 60_000 }
    this.#probeDelay = p.baseMs
    this.#statusSoon()
    this.#scheduleProbe()
  }

  #scheduleProbe(): void {
    if (this.#probeTimer || this.#disposed) return
    const p = this.#deps.probe ?? { baseMs: 2000, maxMs: 60_000 }
    const delay = this.#probeDelay / 2 + (this.#random() * this.#probeDelay) / 2
    this.#probeTimer = setTimeout(() => {
      this.#probeTimer = null
      void this.#probe().then((up) => {
        if (this.#disposed || up) return
        this.#probeDelay = Math.min(p.maxMs, this.#probeDelay * 2)
        this.#scheduleProbe()
      })
    }, delay)
    this.#probeTimer.unref()
  }

  async #probe(): Promise<boolean> {
    const up = await this.client.ping()
    if (up && !this.#disposed) {
      this.#offline = false
      this.#queue.clearBackoff()
      this.#statusSoon()
      this.#pump()
    }
    return up
  }

  // ---- what the renderer asks ---------------------------------------------------------------
  status(): SyncStatus {
    const counts = this.#queue.counts()
    const me = this.client.teacher
    const mine = me ? this.#queue.countsOf(me.id) : null
    const waiting = this.#queue.waiting(me?.id ?? null)
    let phase: SyncPhase
    if (!this.#running) phase = 'stopped'
    else if (!this.client.signedIn || !mine) phase = 'signed-out'
    else if (this.#offline) phase = 'offline'
    else if (this.#inflight.size > 0 || mine.sending > 0 || mine.due > 0) phase = 'syncing'
    else if (mine.failed > 0) phase = 'failed'
    else if (mine.pending > 0) phase = 'retrying'
    else if (waiting.length > 0) phase = 'waiting'
    else phase = 'idle'
    return {
      phase,
      platformUrl: this.client.baseUrl,
      signedIn: this.client.signedIn,
      teacher: me,
      counts,
      waiting,
      lastSyncAt: this.#getMeta('last_sync_at'),
      lastError: this.#lastError
    }
  }

  items(state: OutboxState | undefined, limit: number): SyncItem[] {
    const me = this.client.teacher?.id ?? null
    return this.#queue.list(state, limit).map((r) => ({
      id: r.id,
      kind: r.kind,
      entityId: r.entity_id,
      ...displayOf(r),
      teacher: r.teacher_id ? { id: r.teacher_id, name: r.teacher_name ?? r.teacher_id } : null,
      waitingForTeacher: r.state === 'pending' && (r.teacher_id === null || r.teacher_id !== me),
      state: r.state,
      attempts: r.attempts,
      lastError: r.last_error ? (JSON.parse(r.last_error) as AppErrorData) : null,
      nextAttemptAt: r.next_attempt_at,
      createdAt: r.created_at,
      sentAt: r.sent_at,
      progress: this.#progress.get(r.id) ?? null
    }))
  }

  /** "Sync now": end every wait and deliver. */
  async syncNow(): Promise<SyncStatus> {
    this.#queue.clearBackoff()
    if (this.#offline) {
      if (this.#probeTimer) clearTimeout(this.#probeTimer)
      this.#probeTimer = null
      if (!(await this.#probe())) this.#scheduleProbe()
    }
    this.start()
    this.#pump()
    return this.status()
  }

  retry(id?: number): SyncStatus {
    this.#queue.retry(id)
    this.#pump()
    this.#statusSoon()
    return this.status()
  }

  /** A failed item deleted for good, after the teacher confirmed it on the page. */
  remove(id: number): SyncStatus {
    const row = this.#queue.get(id)
    if (!row || row.state !== 'failed') {
      throw new AppError(
        'CONFLICT',
        '只能删除上传失败的记录。这条记录已不在失败列表中，请刷新页面。',
        'Only a failed item can be deleted. This one is no longer failed; refresh the page.',
        { id, state: row?.state ?? null }
      )
    }
    this.#queue.remove(id)
    this.#statusSoon()
    return this.status()
  }

  /** Records made before teachers were stamped become the signed-in teacher's (the teacher says they are theirs). */
  claim(id?: number): SyncStatus {
    const me = this.client.teacher
    if (!me) {
      throw new AppError(
        'UNAUTHORIZED',
        '请先登录教育平台，再把这些记录记到自己名下。',
        'Sign in to the platform first, then file these records under your account.',
        { kind: 'auth' }
      )
    }
    this.#queue.claim(id, { id: me.id, name: me.name })
    this.#pump()
    this.#statusSoon()
    return this.status()
  }

  teachers(): LessonTeachers {
    const db = this.#deps.storage.db
    return {
      teachers: knownTeachers(db),
      current: currentTeacher(db),
      signedInId: this.client.teacher?.id ?? null
    }
  }

  /** The lesson-start chooser: new lessons and records on this computer are stamped with this teacher. */
  chooseTeacher(teacherId: string): LessonTeachers {
    const db = this.#deps.storage.db
    const t = knownTeacher(db, teacherId)
    if (!t) {
      throw new AppError(
        'NOT_FOUND',
        '这位老师还没有在这台电脑上登录过教育平台，请先在“同步”页登录一次。',
        'This teacher has not signed in to the platform on this computer yet; sign in once on the Sync page.',
        { teacherId }
      )
    }
    setCurrentTeacher(db, { id: t.id, name: t.name })
    this.#statusSoon()
    return this.teachers()
  }

  /** The teacher whose classes the app shows: the one this computer stamps records with, else the signed-in one. */
  #classesTeacher(): OutboxTeacher | null {
    const me = this.client.teacher
    return currentTeacher(this.#deps.storage.db) ?? (me ? { id: me.id, name: me.name } : null)
  }

  #refreshClassesIfStale(): void {
    const me = this.client.teacher
    if (!me || this.#offline || this.#classesRefreshing || this.#disposed) return
    const cached = this.#cache(classesCacheKey(me.id))
    const maxAge = this.#deps.classesMaxAgeMs ?? 24 * 3600_000
    if (cached && this.#clock().getTime() - Date.parse(cached.fetchedAt) < maxAge) return
    this.#classesRefreshing = true
    void this.#fetchClasses(me)
      .catch(() => undefined) // the page asks again and shows the reason; the cache stays as it was
      .finally(() => (this.#classesRefreshing = false))
  }

  /** Resolves when nothing is in flight and nothing is deliverable now (tests, benchmarks). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.#idleWaiters.add(resolve)
      this.#checkIdle()
    })
  }

  #checkIdle(): void {
    if (this.#inflight.size > 0) return
    const me = this.client.teacher
    const blocked = this.#offline || !me || !this.#running
    if (!blocked && this.#queue.hasDeliverable(me.id)) return
    for (const w of [...this.#idleWaiters]) w()
    this.#idleWaiters.clear()
  }

  signInStart(): Promise<{ authorizeUrl: string; redirectUri: string }> {
    return this.#signIn.start()
  }

  async signInComplete(timeoutMs: number): Promise<Teacher> {
    const teacher = await this.#signIn.complete(timeoutMs)
    this.#deps.storage.transaction((db) => {
      rememberTeacher(db, teacher, this.#clock().toISOString())
      // Whoever signs in is at this computer: their lessons are stamped with them from now on.
      setCurrentTeacher(db, { id: teacher.id, name: teacher.name })
    })
    if (!this.#classesRefreshing) {
      this.#classesRefreshing = true
      void this.#fetchClasses(teacher)
        .catch(() => undefined)
        .finally(() => (this.#classesRefreshing = false))
    }
    this.#pump()
    this.#statusSoon()
    return teacher
  }

  signOut(): SyncStatus {
    this.client.signOut()
    return this.status()
  }

  async catalogue(refresh: boolean): Promise<CatalogueView> {
    const cached = this.#cache('catalogue')
    if (cached && !refresh)
      return CatalogueView.parse({
        catalogue: Catalogue.parse(cached.value),
        fetchedAt: cached.fetchedAt,
        fromCache: true,
        staleBecause: null
      })
    try {
      const fresh = await this.client.catalogue(cached?.etag ?? undefined)
      const at = this.#clock().toISOString()
      if (fresh === null && cached) {
        this.#putCache('catalogue', cached.value, cached.etag, at)
        return { catalogue: Catalogue.parse(cached.value), fetchedAt: at, fromCache: false, staleBecause: null }
      }
      const got = fresh ?? (await this.client.catalogue())!
      this.#putCache('catalogue', got.catalogue, got.etag, at)
      return { catalogue: got.catalogue, fetchedAt: at, fromCache: false, staleBecause: null }
    } catch (e) {
      if (!cached) throw e
      return {
        catalogue: Catalogue.parse(cached.value),
        fetchedAt: cached.fetchedAt,
        fromCache: true,
        staleBecause: AppError.from(e).toData()
      }
    }
  }

  /**
   * The classes of the teacher this computer stamps records with, from that teacher's own cache;
   * fetched fresh only when that teacher is the one signed in (another's token would bring
   * another's classes).
   */
  async classes(refresh: boolean): Promise<ClassesView> {
    const teacher = this.#classesTeacher()
    if (!teacher) {
      throw new AppError(
        'UNAUTHORIZED',
        '还没有老师在这台电脑上登录过教育平台，所以没有平台班级。请在“同步”页登录，或使用本机班级。',
        'No teacher has signed in to the platform on this computer, so there are no platform classes. Sign in on the Sync page, or use a class kept on this computer.',
        { kind: 'auth' }
      )
    }
    const cached = this.#cache(classesCacheKey(teacher.id))
    const fromCache = (staleBecause: AppErrorData | null): ClassesView =>
      ClassesView.parse({
        ...(cached!.value as object),
        teacher,
        fetchedAt: cached!.fetchedAt,
        fromCache: true,
        staleBecause
      })
    const me = this.client.teacher
    if (cached && !refresh) return fromCache(null)
    try {
      if (!me || me.id !== teacher.id) {
        throw new AppError(
          'UNAUTHORIZED',
          `请${teacher.name}老师登录教育平台后再刷新班级。`,
          `${teacher.name} needs to sign in to the platform to refresh the classes.`,
          { kind: 'auth' }
        )
      }
      return await this.#fetchClasses(me)
    } catch (e) {
      if (!cached) throw e
      return fromCache(AppError.from(e).toData())
    }
  }

  async #fetchClasses(me: { id: string; name: string }): Promise<ClassesView> {
    const classes = await this.client.classes()
    const withRosters = []
    for (const c of classes) withRosters.push({ ...c, students: await this.client.students(c.id) })
    // The answers belong to whoever held the token when they were asked for.
    if (this.client.teacher?.id !== me.id) {
      throw new AppError(
        'CONFLICT',
        '刷新班级时换了登录的老师，请再刷新一次。',
        'The signed-in teacher changed while the classes were fetched; refresh again.',
        { teacherId: me.id }
      )
    }
    const at = this.#clock().toISOString()
    this.#putCache(classesCacheKey(me.id), { classes: withRosters }, null, at)
    this.#statusSoon()
    return {
      teacher: { id: me.id, name: me.name },
      classes: withRosters,
      fetchedAt: at,
      fromCache: false,
      staleBecause: null
    }
  }

  searchResources(q: ResourceQuery): Promise<ResourcePage> {
    return this.client.searchResources(q)
  }

  /** A verified copy in `<dataDir>/downloads` (the library files it and removes that copy). */
  downloadResource(
    resourceId: string,
    onProgress?: (done: number, total: number) => void
  ): ReturnType<typeof downloadResource> {
    return downloadResource(this.client, resourceId, join(this.#deps.dataDir, 'downloads'), onProgress)
  }

  /** Queues a file for upload; it is delivered (and resumed) by the worker. */
  enqueueUpload(job: ResourceUploadJob): number {
    const parsed = outboxPayloads['resource-upload'].parse(job)
    const now = this.#clock()
    const id = this.#deps.storage.transaction((db) =>
      enqueueOutbox(
        db,
        {
          kind: 'resource-upload',
          entityId: parsed.filePath,
          payload: parsed,
          idempotencyKey: randomUUID(),
          ...this.#madeBy(),
          display: { className: null, title: parsed.title, at: now.toISOString() }
        },
        now
      )
    )
    this.#pump()
    return id
  }

  enqueueCollect(resourceId: string): number {
    const id = this.#deps.storage.transaction((db) =>
      enqueueOutbox(
        db,
        { kind: 'resource-collect', entityId: resourceId, payload: { resourceId }, ...this.#madeBy() },
        this.#clock()
      )
    )
    this.#pump()
    return id
  }

  /** Asked for from the sync page: the signed-in teacher's; signed out, the computer's current teacher's. */
  #madeBy(): { teacher?: OutboxTeacher } {
    const me = this.client.teacher
    return me ? { teacher: { id: me.id, name: me.name } } : {}
  }

  // ---- small storage helpers ----------------------------------------------------------------
  #cache(key: string): { value: unknown; etag: string | null; fetchedAt: string } | null {
    const r = this.#deps.storage.db.prepare('SELECT value, etag, fetched_at FROM sync_cache WHERE key = ?').get(key) as
      { value: string; etag: string | null; fetched_at: string } | undefined
    return r ? { value: JSON.parse(r.value), etag: r.etag, fetchedAt: r.fetched_at } : null
  }

  #putCache(key: string, value: unknown, etag: string | null, at: string): void {
    this.#deps.storage.db
      .prepare(
        'INSERT INTO sync_cache(key, value, etag, fetched_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag, fetched_at = excluded.fetched_at'
      )
      .run(key, JSON.stringify(value), etag, at)
  }

  #getMeta(key: string): string | null {
    return (
      (
        this.#deps.storage.db.prepare('SELECT value FROM sync_meta WHERE key = ?').get(key) as
          { value: string } | undefined
      )?.value ?? null
    )
  }

  #setMeta(key: string, value: string): void {
    this.#deps.storage.db
      .prepare('INSERT INTO sync_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value)
  }

  /** Status events at most every 200 ms: a flush of 10,000 rows must not flood the renderer. */
  #statusSoon(): void {
    if (this.#statusTimer || this.#disposed) return
    this.#statusTimer = setTimeout(() => {
      this.#statusTimer = null
      if (!this.#disposed) this.#onDidChangeStatus.fire(this.status())
    }, 200)
    this.#statusTimer.unref()
  }

  /**
   * Stops at once: timers cleared, requests in flight aborted, rows in flight left 'sending'
   * for the next start to recover (which is also what a crash leaves behind).
   */
  dispose(): void {
    if (this.#disposed) return
    this.#disposed = true
    this.#running = false
    for (const t of [this.#pollTimer, this.#wakeTimer, this.#probeTimer, this.#statusTimer, this.#watchTimer])
      if (t) clearTimeout(t)
    this.#signIn.cancel()
    this.client.dispose()
    this.#onDidChangeStatus.dispose()
    this.#onProgress.dispose()
    for (const w of this.#idleWaiters) w()
    this.#idleWaiters.clear()
  }
}

/** Class, title and date as the producer wrote them; for older rows, what the payload says. */
function displayOf(r: OutboxRow): Pick<SyncItem, 'label' | 'className' | 'madeAt'> {
  const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text)
  try {
    if (r.display) {
      const d = OutboxDisplay.parse(JSON.parse(r.display))
      return { label: short(d.title), className: d.className, madeAt: d.at }
    }
    const p = JSON.parse(r.payload) as {
      title?: string
      question?: { stem?: string }
      fileName?: string
      filePath?: string
      resourceId?: string
      startedAt?: string
    }
    const text =
      p.title ?? p.question?.stem ?? p.fileName ?? p.filePath?.split(/[\\/]/).pop() ?? p.resourceId ?? r.entity_id
    return { label: short(text), className: null, madeAt: p.startedAt ?? r.created_at }
  } catch {
    return { label: r.entity_id, className: null, madeAt: r.created_at }
  }
}
