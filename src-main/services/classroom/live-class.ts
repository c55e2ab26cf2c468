/**
 * One open class: who has joined, the current question run and its answers, the phone
 * remote's pairing. It implements what the classroom server asks (ClassroomLogic) and the
 * teacher's actions (launch, close, reveal). Every answer is committed to SQLite (the answer
 * journal, folded into `answers` when the run closes) before the student's ack is sent.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { z } from 'zod'
import {
  QuestionSpec,
  checkAnswer,
  markAnswer,
  revealedKey,
  toStudentQuestion,
  type QuestionSpec as Spec
} from '../../../src-shared/classroom/question'
import {
  LIMITS,
  REMOTE_EVENTS,
  STUDENT_EVENTS,
  type AnswerInput,
  type AnswerResult,
  type ClassClosedEvent,
  type ClassInfo,
  type CloseReason,
  type JoinInput,
  type JoinResult,
  type MyAnswer,
  type RemoteAuth,
  type RemoteCommandInput,
  type RemoteCommandResult,
  type RemoteState,
  type StudentState
} from '../../../src-shared/classroom/protocol'
import { cleanName, nameKey, nameTooLong } from '../../../src-shared/classroom/names'
import { HINTS, refusal } from '../../../src-shared/classroom/student-errors'
import { KINDS, kindModule, type QuestionKind } from '../../../src-shared/classroom/kinds'
import { PICTURE_NAME } from '../../../src-shared/classroom/kinds/common'
import { MEDIA_TYPES } from '../../../src-shared/courseware/primitives'
import type { RunTally } from '../../../src-shared/classroom/results'
import type { DeviceRequest, RemoteEvent } from '../../../src-shared/contract/classroom'
import { AppError } from '../../../src-shared/errors'
import type { StorageService } from '../storage'
import type { ClassroomRepo, AnswerRow, RunRow, SessionRow, StudentRow } from './classroom-repo'
import type { ClassroomLogic, ClassroomServer, Reply } from './classroom-server'
import { refused, sha256 } from './guards'
import { PHOTO_EXT } from './http-pages'
import { buildTally, type TallyPerson } from './tally'
import { closeRunDurably, peopleOf } from './run-records'

interface Batch {
  run: LiveRun
  rows: AnswerRow[]
  /** Each student's answer before this batch, to restore if the commit fails. */
  before: Map<string, AnswerRow | undefined>
  /** Acks to send once the batch is committed, in arrival order. */
  waiters: { reply: Reply<AnswerResult>; row: AnswerRow | null; dup: AnswerResult | null }[]
}

interface LiveRun {
  row: RunRow
  answers: Map<string, AnswerRow>
  order: number
  timer: NodeJS.Timeout | null
}

export interface LiveClassDeps {
  readonly storage: StorageService
  readonly repo: ClassroomRepo
  readonly session: SessionRow
  readonly photosDir: string
  /** The teacher's content-addressed media store, where a question's pictures are. */
  readonly mediaDir?: string
  readonly now: () => Date
  readonly onTally: (t: RunTally) => void
  readonly onChange: () => void
  readonly onRemote: (e: RemoteEvent) => void
  /** A second device asks to join as a student already in class (the teacher decides). */
  readonly onDeviceRequest?: (r: DeviceRequest) => void
  /** Typed-name classes: most students that may join (a roster class is bounded by its roster). */
  readonly maxStudents?: number
  readonly photoQuota?: PhotoQuota
}

/** Photos one student, and the whole class, may store: in count and in bytes. */
export interface PhotoQuota {
  readonly perStudent: number
  readonly bytesPerStudent: number
  readonly perClass: number
  readonly bytesPerClass: number
}

const DEFAULT_QUOTA: PhotoQuota = {
  perStudent: LIMITS.photosPerStudent,
  bytesPerStudent: LIMITS.photoBytesPerStudent,
  perClass: LIMITS.photosPerClass,
  bytesPerClass: LIMITS.photoBytesPerClass
}

interface Pending extends DeviceRequest {
  /** The waiting device's socket: the decision goes to it. */
  socketId: string
}

export { sha256 }
const newToken = (): string => randomBytes(24).toString('base64url')

export class LiveClass implements ClassroomLogic {
  readonly pin = String(randomInt(0, 1_000_000)).padStart(6, '0')
  readonly session: SessionRow
  server: ClassroomServer | null = null
  current: LiveRun | null = null
  remoteOnline = 0
  readonly #students = new Map<string, StudentRow>()
  readonly #byKey = new Map<string, string>()
  readonly #byToken = new Map<string, string>()
  readonly #online = new Map<string, number>()
  readonly #remoteTokens = new Map<string, number>()
  readonly #remoteKeys = new Set<string>()
  /** The board's last pick, shown on the phone (the board's picker is the one source of picks). */
  #picked: { name: string; at: string } | null = null
  /** Second devices waiting for the teacher, by request id (oldest first: a Map keeps insertion order). */
  readonly #requests = new Map<string, Pending>()
  readonly #photosOf = new Map<string, { count: number; bytes: number }>()
  readonly #classPhotos = { count: 0, bytes: 0 }
  #tallyQueued = false
  #batch: Batch | null = null
  #people: TallyPerson[] | null = null
  #lastTally = 0
  #stampMs = NaN
  #stampIso = ''
  #closed = false

  constructor(private readonly d: LiveClassDeps) {
    this.session = d.session
  }

  // ---- who is here -----------------------------------------------------------------------

  students(): StudentRow[] {
    return [...this.#students.values()]
  }
  isOnline(id: string): boolean {
    return (this.#online.get(id) ?? 0) > 0
  }
  /** Cached until someone joins or goes on/offline: tallies ask for it many times a second. */
  people(): TallyPerson[] {
    return (this.#people ??= peopleOf(this.session, this.students(), (id) => this.isOnline(id)))
  }

  classInfo(): ClassInfo {
    return { title: this.session.title, roster: this.session.roster }
  }

  /**
   * `socketId` is the asking device. A name (roster entry or typed name) already in class is not
   * simply handed over: the device waits for the teacher (a `second-device` refusal now, and a
   * `join:decision` later). Only the student's own token moves them to a new device at once.
   */
  join(input: JoinInput, socketId: string): JoinResult {
    if ('token' in input) {
      const id = this.#byToken.get(sha256(input.token))
      if (!id) throw refused('token')
      return this.#joinResult(id, input.token)
    }
    let identityKey: string
    let rosterId: string | null = null
    let name: string | null
    if ('rosterId' in input) {
      const entry = this.session.roster?.find((r) => r.id === input.rosterId)
      if (!entry) throw refused('name', HINTS.notOnRoster)
      identityKey = `roster:${entry.id}`
      rosterId = entry.id
      name = cleanName(entry.name) ?? entry.id
    } else {
      if (this.session.roster) throw refused('name', HINTS.pickFromRoster)
      name = cleanName(input.name)
      if (!name) throw refused('name')
      if (nameTooLong(name)) throw refused('name', HINTS.nameTooLong)
      identityKey = `name:${nameKey(name)}`
    }
    const existingId = this.#byKey.get(identityKey)
    if (existingId) {
      this.#askTeacher(existingId, socketId)
      throw refused('second-device')
    }
    if (!this.session.roster && this.#students.size >= (this.d.maxStudents ?? LIMITS.typedNameStudents))
      throw refused('full', HINTS.classFull)
    const token = newToken()
    const tokenHash = sha256(token)
    const row: StudentRow = {
      id: randomUUID(),
      classSessionId: this.session.id,
      identityKey,
      rosterId,
      name,
      tokenHash
    }
    this.d.repo.insertStudent(row, this.d.now().toISOString())
    this.#students.set(row.id, row)
    this.#byKey.set(identityKey, row.id)
    this.#byToken.set(tokenHash, row.id)
    this.#changed()
    return this.#joinResult(row.id, token)
  }

  /** One request per device and per student: a newer one replaces the earlier (whose device is told no). */
  #askTeacher(studentId: string, socketId: string): void {
    for (const r of this.#requests.values()) {
      // The same device asking again only replaces its request; another device waiting for this student is told no.
      if (r.socketId === socketId) this.#requests.delete(r.requestId)
      else if (r.studentId === studentId) this.#refuseRequest(r)
    }
    if (this.#requests.size >= LIMITS.deviceRequests) throw refused('full', HINTS.requestsFull)
    const s = this.#students.get(studentId)!
    const req: Pending = {
      requestId: randomUUID(),
      studentId,
      name: s.name,
      currentOnline: this.isOnline(studentId),
      at: this.d.now().toISOString(),
      socketId
    }
    this.#requests.set(req.requestId, req)
    this.d.onDeviceRequest?.(publicRequest(req))
    this.d.onChange()
  }

  #refuseRequest(r: Pending): void {
    this.#requests.delete(r.requestId)
    this.server?.decided(r.socketId, { approved: false, error: refusal('second-device', HINTS.deviceRefused) })
  }

  deviceRequests(): DeviceRequest[] {
    return [...this.#requests.values()].map(publicRequest)
  }

  /**
   * The teacher's answer. Yes: the student gets a new token on the waiting device, and every
   * other device of theirs is signed out (their old token stops working at once).
   */
  decideDevice(requestId: string, approve: boolean): void {
    const r = this.#requests.get(requestId)
    if (!r) {
      throw new AppError(
        'NOT_FOUND',
        '这个请求已经处理过，或那台设备已经离开',
        'This request was already answered, or that device has left',
        { requestId }
      )
    }
    if (!approve) return this.#refuseRequest(r)
    this.#requests.delete(requestId)
    const s = this.#students.get(r.studentId)!
    const token = newToken()
    const tokenHash = sha256(token)
    this.d.repo.retoken(s.id, tokenHash, s.name)
    this.#byToken.delete(s.tokenHash)
    s.tokenHash = tokenHash
    this.#byToken.set(tokenHash, s.id)
    this.#changed()
    this.server?.decided(r.socketId, { approved: true, result: this.#joinResult(s.id, token) })
  }

  /** A device went away: its waiting request goes with it. */
  forgetDevice(socketId: string): void {
    for (const r of this.#requests.values()) {
      if (r.socketId === socketId) {
        this.#requests.delete(r.requestId)
        this.d.onChange()
      }
    }
  }

  /** The token hash a socket must hold to speak for the student (O(1): checked on every answer). */
  tokenHashOf(studentId: string): string | undefined {
    return this.#students.get(studentId)?.tokenHash
  }

  #joinResult(studentId: string, token: string): JoinResult {
    const s = this.#students.get(studentId)!
    return { token, student: { id: s.id, name: s.name }, title: this.session.title, ...this.state(studentId) }
  }

  studentByToken(token: string): string | null {
    return this.#byToken.get(sha256(token)) ?? null
  }

  setOnline(studentId: string, delta: 1 | -1): void {
    const n = Math.max(0, (this.#online.get(studentId) ?? 0) + delta)
    if (n === 0) this.#online.delete(studentId)
    else this.#online.set(studentId, n)
    this.#changed()
  }

  state(studentId: string): StudentState {
    const run = this.current
    if (!run) return { question: null, open: false, myAnswer: null, revealed: null }
    const mine = run.answers.get(studentId)
    return {
      question: this.#studentQuestion(run.row),
      open: run.row.state === 'open',
      myAnswer: mine ? myAnswer(mine, run.row.spec, run.row.revealedAt !== null) : null,
      revealed: run.row.revealedAt ? revealedKey(run.row.id, run.row.spec) : null
    }
  }

  // ---- answers ---------------------------------------------------------------------------

  /**
   * The run an answer is for, when it is open. A retry of an answer that was stored is told so
   * (duplicate) even after the run closed: the duplicate check comes before the closed check,
   * so a device whose ack was lost learns that its answer counted.
   */
  #openRun(
    runId: string,
    studentId: string,
    seq: number
  ): { run: LiveRun; dup: null } | { run: null; dup: AnswerResult } {
    const run = this.current
    if (!run || run.row.id !== runId) {
      const past = this.d.repo.run(runId)
      if (!past || past.classSessionId !== this.session.id) throw refused('no-question')
      // Rare (a retry that outlived the next question): read back what was stored.
      const had = this.d.repo.answers(runId).find((a) => a.studentId === studentId)
      if (had && (had.seq >= seq || kindModule(past.spec.kind).ranking))
        return { run: null, dup: resultOf(had, past.spec, true) }
      throw refused('closed')
    }
    const dup = this.#duplicate(run, studentId, seq)
    if (dup) return { run: null, dup }
    if (run.row.state !== 'open') throw refused('closed')
    return { run, dup: null }
  }

  /**
   * Validates now (a refusal is thrown); `reply` is called once the answer is committed
   * (group commit, see #commitSoon), so the ack it sends always follows the write.
   */
  answer(studentId: string, input: AnswerInput, reply: Reply<AnswerResult>): void {
    const { run, dup } = this.#openRun(input.runId, studentId, input.seq)
    if (!run) {
      // A duplicate of an answer still waiting for its commit is acknowledged after that commit.
      if (this.#batch) this.#batch.waiters.push({ reply, row: null, dup })
      else reply(null, dup)
      return
    }
    const spec = run.row.spec
    const answerKind = input.answer.kind
    if (kindModule(spec.kind).upload || (Object.hasOwn(KINDS, answerKind) && KINDS[answerKind as QuestionKind].upload))
      throw refused('wrong-kind', HINTS.photoOnSocket)
    const checked = checkAnswer(spec, input.answer)
    if (!checked.ok) throw refused(checked.refusal, checked.reason)
    const row = this.#row(run, studentId, input.seq, checked.answer)
    const batch = this.#commitSoon(run)
    if (!batch.before.has(studentId)) batch.before.set(studentId, run.answers.get(studentId))
    batch.rows.push(row)
    batch.waiters.push({ reply, row, dup: null })
    // Later answers in this same turn are compared with this one (seq order, buzz rank).
    run.answers.set(studentId, row)
  }

  /**
   * Group commit: answers that arrive in one turn of the event loop are written in one
   * transaction right after it (setImmediate), as one journal row, instead of one commit and
   * one upsert each. Under load that is most of the cost of an answer; when quiet it adds
   * less than a millisecond. The live run's map, not the table, is what answers are checked
   * against while the run is open; `answers` gets each student's last one at close.
   */
  #commitSoon(run: LiveRun): Batch {
    if (this.#batch) return this.#batch
    const batch: Batch = { run, rows: [], before: new Map(), waiters: [] }
    this.#batch = batch
    setImmediate(() => this.#commitNow())
    return batch
  }

  /** Writes the waiting answers now (also called before a run closes, so none is left out). */
  #commitNow(): void {
    const b = this.#batch
    if (!b) return
    this.#batch = null
    try {
      this.d.storage.transaction(() => this.d.repo.appendJournal(b.run.row.id, b.rows))
    } catch (err) {
      // Nothing of this batch was stored: forget it, and every ack reports the failure.
      for (const [id, had] of b.before) {
        if (had) b.run.answers.set(id, had)
        else b.run.answers.delete(id)
      }
      for (const w of b.waiters) settle(w.reply, err)
      return
    }
    for (const w of b.waiters) settle(w.reply, null, w.row ? this.#accepted(b.run, w.row) : w.dup!)
  }

  /** Before the body is read: a duplicate's result, or null to go on; refusals (closed, quota) are thrown. */
  photoPrecheck(studentId: string, runId: string, seq: number): AnswerResult | null {
    const { run, dup } = this.#openRun(runId, studentId, seq)
    if (!run) return dup
    if (!kindModule(run.row.spec.kind).upload) throw refused('wrong-kind', HINTS.notPhoto)
    this.#checkPhotoQuota(studentId, 0)
    return null
  }

  questionPicture(studentId: string, name: string): { file: string; mime: string } | null {
    const run = this.current
    if (!run || !this.d.mediaDir || !PICTURE_NAME.test(name) || !run.row.spec.pictures.includes(name)) return null
    if (!this.#students.has(studentId)) return null
    const file = join(this.d.mediaDir, name)
    if (!existsSync(file)) return null
    const ext = name.slice(name.lastIndexOf('.') + 1) as keyof typeof MEDIA_TYPES
    return { file, mime: MEDIA_TYPES[ext] }
  }

  /** The most bytes the next photo may have: the upload limit, or what is left of the quotas. */
  photoRoom(studentId: string | null, limit: number): number {
    const q = this.d.photoQuota ?? DEFAULT_QUOTA
    const mine = studentId ? (this.#photosOf.get(studentId)?.bytes ?? 0) : 0
    return Math.max(
      0,
      Math.min(limit, q.bytesPerClass - this.#classPhotos.bytes, studentId ? q.bytesPerStudent - mine : limit)
    )
  }

  #checkPhotoQuota(studentId: string | null, bytes: number): void {
    const q = this.d.photoQuota ?? DEFAULT_QUOTA
    const c = this.#classPhotos
    if (c.count >= q.perClass || c.bytes + bytes > q.bytesPerClass) throw refused('quota', HINTS.classPhotos)
    if (!studentId) return
    const mine = this.#photosOf.get(studentId) ?? { count: 0, bytes: 0 }
    if (mine.count >= q.perStudent || mine.bytes + bytes > q.bytesPerStudent)
      throw refused('quota', HINTS.studentPhotos)
  }

  #countPhoto(studentId: string | null, bytes: number): void {
    this.#classPhotos.count++
    this.#classPhotos.bytes += bytes
    if (!studentId) return
    const mine = this.#photosOf.get(studentId) ?? { count: 0, bytes: 0 }
    mine.count++
    mine.bytes += bytes
    this.#photosOf.set(studentId, mine)
  }

  photoAnswer(studentId: string, runId: string, seq: number, mime: string, bytes: Buffer): AnswerResult {
    // Re-checked: the question may have closed while the photo was uploading.
    const dup = this.photoPrecheck(studentId, runId, seq)
    if (dup) return dup
    this.#checkPhotoQuota(studentId, bytes.length)
    const run = this.current!
    const saved = this.#savePhoto(studentId, mime, bytes, (photoId) => {
      const row = this.#row(run, studentId, seq, kindModule(run.row.spec.kind).upload!(photoId))
      this.d.repo.upsertAnswer(row)
      return row
    })
    return this.#accepted(run, saved.row)
  }

  #savePhoto<T>(
    studentId: string | null,
    mime: string,
    bytes: Buffer,
    alsoInTx?: (photoId: string) => T
  ): { photoId: string; row: T } {
    const photoId = randomUUID()
    const dir = join(this.d.photosDir, this.session.id)
    mkdirSync(dir, { recursive: true })
    const file = `${photoId}.${PHOTO_EXT[mime] ?? 'bin'}`
    writeFileSync(join(dir, file), bytes)
    const row = this.d.storage.transaction(() => {
      this.d.repo.insertPhoto({
        id: photoId,
        classSessionId: this.session.id,
        studentId,
        mime,
        bytes: bytes.length,
        file: join(this.session.id, file),
        createdAt: this.d.now().toISOString()
      })
      return alsoInTx?.(photoId) as T
    })
    this.#countPhoto(studentId, bytes.length)
    return { photoId, row }
  }

  #duplicate(run: LiveRun, studentId: string, seq: number): AnswerResult | null {
    const had = run.answers.get(studentId)
    // Buzz-in: the first buzz stands. Otherwise an equal or older seq changes nothing.
    if (!had || (had.seq < seq && !kindModule(run.row.spec.kind).ranking)) return null
    return resultOf(had, run.row.spec, true)
  }

  #row(run: LiveRun, studentId: string, seq: number, answer: AnswerRow['answer']): AnswerRow {
    const had = run.answers.get(studentId)
    return {
      runId: run.row.id,
      studentId,
      seq,
      answer,
      correct: markAnswer(run.row.spec, answer),
      receivedAt: this.#stamp(),
      // Arrival order on our one thread is the server's receive order: it ranks buzz-ins.
      recvOrder: had?.recvOrder ?? ++run.order
    }
  }

  #accepted(run: LiveRun, row: AnswerRow): AnswerResult {
    run.answers.set(row.studentId, row)
    this.#queueTally()
    return resultOf(row, run.row.spec, false)
  }

  /** The clock as ISO text, formatted once per millisecond: a busy class stamps hundreds of answers in one. */
  #stamp(): string {
    const ms = this.d.now().getTime()
    if (ms !== this.#stampMs) {
      this.#stampMs = ms
      this.#stampIso = new Date(ms).toISOString()
    }
    return this.#stampIso
  }

  // ---- the teacher's actions ---------------------------------------------------------------

  launch(spec: Spec, lessonSessionId: string | null): RunTally {
    if (this.current?.row.state === 'open') this.closeRun(this.current.row.id, 'replaced')
    const at = this.d.now()
    const deadline = spec.timeLimitSec ? new Date(at.getTime() + spec.timeLimitSec * 1000) : null
    const row: RunRow = {
      id: randomUUID(),
      classSessionId: this.session.id,
      lessonSessionId: lessonSessionId ?? this.session.lessonSessionId,
      spec,
      state: 'open',
      launchedAt: at.toISOString(),
      deadline: deadline?.toISOString() ?? null,
      closedAt: null,
      closeReason: null,
      revealedAt: null
    }
    this.d.repo.insertRun(row)
    const run: LiveRun = { row, answers: new Map(), order: 0, timer: null }
    if (deadline) {
      run.timer = setTimeout(() => this.closeRun(row.id, 'time-up'), deadline.getTime() - at.getTime())
      run.timer.unref()
    }
    this.current = run
    this.server?.toClass().emit(STUDENT_EVENTS.question, this.#studentQuestion(row))
    this.#changed()
    return this.tally()!
  }

  /** Closes the current run (if it is `runId` and open). Returns false when there was nothing to close. */
  closeRun(runId: string, reason: CloseReason): boolean {
    const run = this.current
    if (!run || run.row.id !== runId || run.row.state !== 'open') return false
    if (run.timer) clearTimeout(run.timer)
    this.#commitNow()
    const at = this.d.now()
    if (!closeRunDurably(this.d.storage, this.d.repo, runId, reason, at)) return false
    run.row = { ...run.row, state: 'closed', closedAt: at.toISOString(), closeReason: reason }
    this.server?.toClass().emit(STUDENT_EVENTS.questionClosed, { runId, reason })
    this.#changed()
    return true
  }

  /**
   * The key the teacher picked on the board for the open question (a quick question has none at
   * launch): `bars` as the tally's bars. Answers already in are marked again; students see nothing
   * of it until the reveal.
   */
  setKey(runId: string, bars: readonly number[]): void {
    const run = this.current
    if (!run || run.row.id !== runId || run.row.state !== 'open' || run.row.revealedAt)
      throw new AppError(
        'CONFLICT',
        '这道题已经结束，不能再设置正确答案',
        'This question has ended; its key can no longer be set',
        { runId }
      )
    const spec = kindModule(run.row.spec.kind).keyFromBars(run.row.spec, bars)
    if (!spec)
      throw new AppError(
        'VALIDATION',
        `${kindModule(run.row.spec.kind).label.zh}不能这样设置正确答案`,
        `A ${kindModule(run.row.spec.kind).label.en.toLowerCase()} question cannot take that key`,
        { runId, bars: [...bars] }
      )
    this.#commitNow()
    if (!this.d.repo.setRunSpec(runId, spec)) return
    run.row = { ...run.row, spec }
    for (const [id, row] of run.answers) run.answers.set(id, { ...row, correct: markAnswer(spec, row.answer) })
    this.#changed()
  }

  reveal(runId: string): void {
    const run = this.current
    if (!run || run.row.id !== runId) return
    // Revealing an open question would hand the key to those still answering.
    this.closeRun(runId, 'teacher')
    const at = this.d.now().toISOString()
    this.d.repo.revealRun(runId, at)
    run.row = { ...run.row, revealedAt: run.row.revealedAt ?? at }
    this.server?.toClass().emit(STUDENT_EVENTS.reveal, revealedKey(runId, run.row.spec))
    this.#changed()
  }

  tally(): RunTally | null {
    return this.current ? buildTally(this.current.row, this.people(), this.current.answers.values()) : null
  }

  /** Ends the class: the open run closes (kept and queued), devices are told, the server stops. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    if (this.current?.row.state === 'open') this.closeRun(this.current.row.id, 'class-closed')
    if (this.current?.timer) clearTimeout(this.current.timer)
    this.d.repo.closeSession(this.session.id, this.d.now().toISOString())
    const closed: ClassClosedEvent = {
      reason: 'teacher',
      message: '老师已下课',
      messageEn: 'The teacher has ended the class'
    }
    // Every device is told, joined or not: nobody should keep waiting for a class that has ended.
    this.server?.students.emit(STUDENT_EVENTS.classClosed, closed)
    await this.server?.close()
  }

  // ---- phone remote --------------------------------------------------------------------------

  newRemoteToken(): { token: string; expiresAt: Date } {
    const token = newToken()
    const expiresAt = new Date(this.d.now().getTime() + LIMITS.remoteTokenMinutes * 60_000)
    this.#remoteTokens.set(sha256(token), expiresAt.getTime())
    return { token, expiresAt }
  }

  remoteAuth(auth: RemoteAuth): { key: string; paired: boolean } {
    if ('key' in auth) {
      if (!this.remoteKeyValid(auth.key)) throw refused('remote-token')
      return { key: auth.key, paired: false }
    }
    const h = sha256(auth.token)
    const expires = this.#remoteTokens.get(h)
    this.#remoteTokens.delete(h) // one use, whatever happens next
    if (expires === undefined || expires < this.d.now().getTime()) throw refused('remote-token')
    const key = newToken()
    // One phone at a time: pairing a phone retires every earlier one (its next command is refused
    // and its socket dropped). If a student scanned the code first, the teacher pairing again
    // takes the remote back.
    this.#remoteKeys.clear()
    this.#remoteKeys.add(sha256(key))
    return { key, paired: true }
  }

  remoteKeyValid(key: string): boolean {
    return this.#remoteKeys.has(sha256(key))
  }

  setRemoteConnected(delta: 1 | -1): void {
    this.remoteOnline = Math.max(0, this.remoteOnline + delta)
    this.#changed()
  }

  remoteCommand(input: z.output<typeof RemoteCommandInput>): RemoteCommandResult {
    const at = this.d.now().toISOString()
    const result: RemoteCommandResult = { action: input.action }
    switch (input.action) {
      case 'launch-abcd':
        this.launch(QuestionSpec.parse({ kind: 'single', prompt: '', options: ['A', 'B', 'C', 'D'] }), null)
        break
      case 'launch-truefalse':
        this.launch(QuestionSpec.parse({ kind: 'truefalse', prompt: '' }), null)
        break
      case 'close-question':
        if (this.current) this.closeRun(this.current.row.id, 'teacher')
        break
      case 'reveal':
        if (this.current) this.reveal(this.current.row.id)
        break
      case 'random-pick':
        // The board picks, with its picker's no-repeat memory, and tells us whom (boardPicked):
        // a second pick here once showed the phone another name than the board.
        break
      default:
        break
    }
    this.d.onRemote({ action: input.action, at })
    return result
  }

  /** The board picked a name: the phone shows that one. */
  boardPicked(name: string): void {
    this.#picked = { name, at: this.d.now().toISOString() }
    if (this.remoteOnline > 0) this.server?.remotes.emit(REMOTE_EVENTS.state, this.remoteState())
  }

  remotePhoto(mime: string, bytes: Buffer): { photoId: string } {
    this.#checkPhotoQuota(null, bytes.length)
    const { photoId } = this.#savePhoto(null, mime, bytes)
    this.d.onRemote({ action: 'photo', at: this.d.now().toISOString(), photoId })
    return { photoId }
  }

  remoteState(): RemoteState {
    const run = this.current
    return {
      title: this.session.title,
      students: this.#students.size,
      question: run
        ? {
            runId: run.row.id,
            kind: run.row.spec.kind,
            open: run.row.state === 'open',
            answered: run.answers.size,
            total: this.people().length
          }
        : null,
      picked: this.#picked
    }
  }

  // ---- internals -----------------------------------------------------------------------------

  #studentQuestion(row: RunRow) {
    return toStudentQuestion(
      row.id,
      row.spec,
      new Date(row.launchedAt),
      row.deadline ? new Date(row.deadline) : undefined
    )
  }

  #changed(): void {
    this.#people = null
    this.d.onChange()
    this.#queueTally()
  }

  /**
   * One tally per turn of the event loop, however many answers arrived in it, and in a big
   * class no more often than every students/100 ms (45 → 0.5 ms, 2000 → 20 ms): building
   * a tally is O(class size), and answers must not queue behind tallies nobody can read.
   */
  #queueTally(): void {
    if (this.#tallyQueued) return
    this.#tallyQueued = true
    const gap = Math.min(50, this.#students.size / 100)
    const wait = this.#lastTally + gap - performance.now()
    const emit = (): void => {
      this.#tallyQueued = false
      this.#lastTally = performance.now()
      const t = this.tally()
      if (t) this.d.onTally(t)
      if (this.remoteOnline > 0) this.server?.remotes.emit(REMOTE_EVENTS.state, this.remoteState())
    }
    if (wait <= 0) setImmediate(emit)
    else setTimeout(emit, wait)
  }
}

/** One device's ack must not keep the rest of its batch from theirs. */
function settle(reply: Reply<AnswerResult>, err: unknown, result?: AnswerResult): void {
  try {
    reply(err, result)
  } catch (e) {
    console.error('classroom: an answer ack failed', e)
  }
}

function publicRequest(r: Pending): DeviceRequest {
  return { requestId: r.requestId, studentId: r.studentId, name: r.name, currentOnline: r.currentOnline, at: r.at }
}

function resultOf(row: AnswerRow, spec: Spec, duplicate: boolean): AnswerResult {
  const r: AnswerResult = { runId: row.runId, seq: row.seq, receivedAt: row.receivedAt, duplicate }
  const ranking = kindModule(spec.kind).ranking?.(spec)
  if (ranking) {
    r.rank = row.recvOrder
    r.won = row.recvOrder <= ranking.winners
  }
  return r
}

/** The student's own answer; once the key is revealed, with the server's mark of it. */
function myAnswer(row: AnswerRow, spec: Spec, revealed: boolean): MyAnswer {
  const m: MyAnswer = { runId: row.runId, seq: row.seq, answer: row.answer, receivedAt: row.receivedAt }
  if (kindModule(spec.kind).ranking) m.rank = row.recvOrder
  if (revealed) m.correct = row.correct
  return m
}
