/**
 * The one HTTP server of an open class: student and remote pages, photo uploads, and
 * Socket.IO with its two namespaces. It checks and limits; the service decides.
 * Every event is schema-checked here before the service sees it, every client → server
 * event is answered through its ack, and nothing a student sends can stop the server.
 */
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Server, Namespace, Socket } from 'socket.io'
import type { z } from 'zod'
import {
  AnswerInput,
  ClassInfoInput,
  HTTP_PATHS,
  JoinInput,
  LIMITS,
  NUDGE_AFTER_MS,
  NUDGE_EVENT,
  PhotoQuery,
  REMOTE_CALLS,
  REMOTE_EVENTS,
  REMOTE_NAMESPACE,
  RemoteAuth,
  RemoteCommandInput,
  STUDENT_CALLS,
  STUDENT_EVENTS,
  STUDENT_NAMESPACE,
  StudentAuth,
  SyncInput,
  type Ack,
  type AnswerResult,
  type ClassInfo,
  type JoinDecision,
  type JoinResult,
  type SignedOutEvent,
  type RemoteCommandResult,
  type RemoteState,
  type StudentState
} from '../../../src-shared/classroom/protocol'
import { HINTS, refusal, type RefusalHint, type RefusalReason } from '../../../src-shared/classroom/student-errors'
import { AppError } from '../../../src-shared/errors'
import { BodyTooLarge, bearer, readBody, sendJson, sendRefusal, servePage, sniffImage } from './http-pages'
import { PinAttempts, TokenBucket, refused, sha256, toAckError } from './guards'
import { listenOnFreePort } from './net'
import { parseRequestUrl } from '../../security/http-guard'

/** What the server asks of the service. Methods throw AppError refusals (see guards.refused). */
export interface ClassroomLogic {
  readonly pin: string
  classInfo(): ClassInfo
  /** `socketId` is the asking device; a name already in class makes it wait for the teacher. */
  join(input: JoinInput, socketId: string): JoinResult
  /** What a socket must hold (the hash of the student's current token) to speak for the student. */
  tokenHashOf(studentId: string): string | undefined
  /** The device left: drop its waiting second-device request. */
  forgetDevice(socketId: string): void
  studentByToken(token: string): string | null
  state(studentId: string): StudentState
  /** Throws a refusal, or calls `reply` once the answer is committed: the ack waits for the write. */
  answer(studentId: string, input: AnswerInput, reply: Reply<AnswerResult>): void
  /** Checks before an upload is read: returns a result when it is a duplicate, null to go on. */
  photoPrecheck(studentId: string, runId: string, seq: number): AnswerResult | null
  photoAnswer(studentId: string, runId: string, seq: number, mime: string, bytes: Buffer): AnswerResult
  /** The most bytes the next photo may have (the upload limit, or what is left of the photo quotas). */
  photoRoom(studentId: string | null, limit: number): number
  /** The file of a picture of the current question, for a joined student; null when it is not one. */
  questionPicture(studentId: string, name: string): { file: string; mime: string } | null
  setOnline(studentId: string, delta: 1 | -1): void
  remoteAuth(auth: RemoteAuth): { key: string; paired: boolean }
  remoteKeyValid(key: string): boolean
  remoteCommand(input: z.output<typeof RemoteCommandInput>): RemoteCommandResult
  remotePhoto(mime: string, bytes: Buffer): { photoId: string }
  remoteState(): RemoteState
  setRemoteConnected(delta: 1 | -1): void
}

export interface ClassroomServerOptions {
  readonly pagesDir: string | null
  readonly maxConnections: number
  readonly photoBytes: number
  /** Engine.IO connections one network address may hold (default LIMITS.socketsPerAddress). */
  readonly socketsPerAddress?: number
  /** How long wrong PINs lock an address (default LIMITS.pinLockMs; tests shorten it). */
  readonly pinLockMs?: number
}

/** The Socket.IO room of joined student sockets: class broadcasts go only to them. */
const CLASS_ROOM = 'class'
const NUDGE_MAX_CLASS = 250
/** Each student's sockets (one, unless a takeover is under way). */
const studentRoom = (studentId: string): string => `student:${studentId}`

type AckFn = (ack: Ack<unknown>) => void
/** Node-style completion: an error (sent as a refusal) or the result. */
export type Reply<T> = (err: unknown, result?: T) => void

const requireLazy = createRequire(import.meta.url)

export class ClassroomServer {
  readonly http: HttpServer
  readonly io: Server
  readonly students: Namespace
  readonly remotes: Namespace
  readonly #pins: PinAttempts
  /** Open Engine.IO connections per remote address. */
  readonly #perAddress = new Map<string, number>()
  port = 0

  constructor(
    private readonly logic: ClassroomLogic,
    private readonly opts: ClassroomServerOptions
  ) {
    this.#pins = new PinAttempts(LIMITS.wrongPinsPerMinute, opts.pinLockMs ?? LIMITS.pinLockMs)
    this.http = createServer((req, res) => void this.#onRequest(req, res))
    // A slow or silent client must not hold a socket forever.
    this.http.requestTimeout = 30_000
    this.http.headersTimeout = 10_000
    // socket.io is required when a class opens, not at ClassDeck's start-up.
    const { Server: SocketServer } = requireLazy('socket.io') as typeof import('socket.io')
    this.io = new SocketServer(this.http, {
      serveClient: true, // the fallback page loads /socket.io/socket.io.js
      maxHttpBufferSize: LIMITS.socketMessageBytes,
      connectionStateRecovery: { maxDisconnectionDuration: LIMITS.recoveryMs, skipMiddlewares: true },
      pingInterval: 10_000,
      pingTimeout: 8_000,
      allowRequest: (req, cb) => {
        if (this.io.engine.clientsCount >= opts.maxConnections + 20) return cb('full', false)
        const addr = req.socket.remoteAddress ?? ''
        cb('too-many-from-address', (this.#perAddress.get(addr) ?? 0) < this.#addressCap)
      }
    })
    // allowRequest is the polite refusal; handshakes that raced past it are closed here.
    this.io.engine.on(
      'connection',
      (conn: { remoteAddress: string; once(e: 'close', f: () => void): void; close(): void }) => {
        const addr = conn.remoteAddress
        const n = (this.#perAddress.get(addr) ?? 0) + 1
        this.#perAddress.set(addr, n)
        conn.once('close', () => {
          const left = (this.#perAddress.get(addr) ?? 1) - 1
          if (left > 0) this.#perAddress.set(addr, left)
          else this.#perAddress.delete(addr)
        })
        if (n > this.#addressCap) conn.close()
      }
    )
    this.students = this.io.of(STUDENT_NAMESPACE)
    this.remotes = this.io.of(REMOTE_NAMESPACE)
    this.#setUpStudents()
    this.#setUpRemotes()
    // Only our two namespaces exist; the main one refuses everyone.
    this.io.of('/').use((_s, next) => next(connectError('unknown-event')))
  }

  get #addressCap(): number {
    return this.opts.socketsPerAddress ?? LIMITS.socketsPerAddress
  }

  /** Class broadcasts: to joined student sockets only (a socket that only knows the PIN hears nothing). */
  toClass(): ReturnType<Namespace['to']> {
    this.#nudgeSoon()
    return this.students.to(CLASS_ROOM)
  }

  #nudge: NodeJS.Timeout | null = null

  /**
   * A question, its close or its key is one TCP segment per tablet. When classroom Wi-Fi loses
   * it and nothing follows, Linux resends it only after its tail loss probe, 1.5 RTT + 200 ms with
   * one segment in flight (bench/wifi.ts: 330-370 ms). A tiny frame NUDGE_AFTER_MS later gives the
   * tablet something to acknowledge past the hole, so the lost one is resent about one round trip
   * after. Volatile: not kept for session recovery, not sent to a transport that is not writable;
   * clients have no listener for it. One broadcast of a pre-encoded packet, as the frame before.
   * Not above NUDGE_MAX_CLASS sockets: one access point serves a class or two, and in the
   * 2,000-socket stress run the second broadcast costs ~15 ms of the event loop for nothing.
   */
  #nudgeSoon(): void {
    if (this.#nudge) return
    if ((this.students.adapter.rooms.get(CLASS_ROOM)?.size ?? 0) > NUDGE_MAX_CLASS) return
    this.#nudge = setTimeout(() => {
      this.#nudge = null
      this.students.to(CLASS_ROOM).volatile.emit(NUDGE_EVENT)
    }, NUDGE_AFTER_MS)
    this.#nudge.unref()
  }

  /** The teacher's answer to a waiting second device: yes binds it to the student and signs out the others. */
  decided(socketId: string, decision: JoinDecision): void {
    const socket = this.students.sockets.get(socketId)
    if (!socket) return
    if (decision.approved) this.#bind(socket, decision.result.student.id, decision.result.token)
    socket.emit(STUDENT_EVENTS.joinDecision, decision)
  }

  /** `socket` now speaks for `studentId`; any other socket that did is told and disconnected. */
  #bind(socket: Socket, studentId: string, token: string): void {
    const before = socket.data.studentId as string | undefined
    socket.data.studentId = studentId
    socket.data.tokenHash = sha256(token)
    if (before !== studentId) {
      if (before) void socket.leave(studentRoom(before))
      this.logic.setOnline(studentId, 1)
      if (before) this.logic.setOnline(before, -1)
    }
    this.#claim(socket, studentId)
  }

  /** One socket per student: the latest to connect with the student's credentials; the others are signed out. */
  #claim(socket: Socket, studentId: string): void {
    // The student's own room finds their other sockets without a scan of the class.
    for (const id of [...(this.students.adapter.rooms.get(studentRoom(studentId)) ?? [])]) {
      const other = this.students.sockets.get(id)
      if (other && other !== socket) this.#signOut(other)
    }
    void socket.join([CLASS_ROOM, studentRoom(studentId)])
  }

  #signOut(socket: Socket): void {
    const id = socket.data.studentId as string | undefined
    socket.data.studentId = undefined
    socket.data.tokenHash = undefined
    if (id) {
      this.logic.setOnline(id, -1)
      void socket.leave(studentRoom(id))
    }
    void socket.leave(CLASS_ROOM)
    const event: SignedOutEvent = { reason: 'other-device', error: refusal('token', HINTS.deviceReplaced) }
    socket.emit(STUDENT_EVENTS.signedOut, event)
    // A server-side disconnect: the client does not reconnect by itself, and the session is not kept for recovery.
    socket.disconnect(true)
  }

  async listen(host: string, port: number): Promise<number> {
    this.port = await listenOnFreePort(this.http, host, port)
    return this.port
  }

  /** Devices get their last events and a server-side disconnect (so they do not reconnect), then the server stops. */
  async close(): Promise<void> {
    if (this.#nudge) clearTimeout(this.#nudge)
    this.#nudge = null
    this.students.disconnectSockets(false)
    this.remotes.disconnectSockets(false)
    await new Promise((r) => setTimeout(r, 50))
    await new Promise<void>((resolve) => {
      void this.io.close(() => resolve())
    })
    this.http.closeAllConnections?.()
  }

  // ---- /student ------------------------------------------------------------------------

  #setUpStudents(): void {
    const nsp = this.students
    nsp.use((socket, next) => {
      const addr = socket.handshake.address
      if (nsp.sockets.size >= this.opts.maxConnections) return next(connectError('full'))
      const check = (): void => {
        if (socket.conn.readyState !== 'open') return
        const auth = StudentAuth.safeParse(socket.handshake.auth)
        if (auth.success && sameText(auth.data.pin, this.logic.pin)) return next()
        // Locked meanwhile by other attempts from this address: wait for that lock too.
        const again = this.#pins.wait(addr)
        if (again > 0) return void setTimeout(check, again).unref()
        this.#pins.fail(addr)
        next(connectError('pin'))
      }
      // Held, not refused, while the address is locked: see PinAttempts.
      const wait = this.#pins.wait(addr)
      if (wait > 0) setTimeout(check, wait).unref()
      else check()
    })
    nsp.on('connection', (socket) => {
      // A tablet's nudge after its answer is allowed and has no handler: it is dropped once read.
      limitRate(socket, [...Object.values(STUDENT_CALLS), NUDGE_EVENT])
      if (socket.recovered) {
        // A recovered session still holding the student's token is that student again (and, like a
        // rejoin with the token, signs out a device that took over meanwhile); one whose token was
        // replaced (the teacher let another device in) speaks for nobody.
        const id = socket.data.studentId as string | undefined
        if (id && this.logic.tokenHashOf(id) === socket.data.tokenHash) {
          this.logic.setOnline(id, 1)
          this.#claim(socket, id)
        } else {
          socket.data.studentId = undefined
          void socket.leave(CLASS_ROOM)
          if (id) void socket.leave(studentRoom(id))
        }
      }
      // Sent through the socket's own room so that it carries a recovery offset: a client
      // that has not yet seen a broadcast can still have its session recovered.
      if (!socket.recovered) nsp.to(socket.id).emit(STUDENT_EVENTS.hello, { recovered: false })
      socket.on('disconnect', () => {
        const id = socket.data.studentId as string | undefined
        if (id) this.logic.setOnline(id, -1)
        this.logic.forgetDevice(socket.id)
      })
      on(socket, STUDENT_EVENTS.classInfo, ClassInfoInput, () => this.logic.classInfo())
      on(socket, STUDENT_EVENTS.join, JoinInput, (input) => {
        const result = this.logic.join(input, socket.id)
        this.#bind(socket, result.student.id, result.token)
        return result
      })
      on(socket, STUDENT_EVENTS.sync, SyncInput, () => this.logic.state(this.#joined(socket)))
      onLater(socket, STUDENT_EVENTS.answer, AnswerInput, (input, reply) =>
        this.logic.answer(this.#joined(socket), input, reply)
      )
    })
  }

  /** The student this socket speaks for; O(1), since it runs on every answer. */
  #joined(socket: Socket): string {
    const id = socket.data.studentId as string | undefined
    if (!id) throw refused('not-joined')
    if (this.logic.tokenHashOf(id) !== socket.data.tokenHash) throw refused('token')
    return id
  }

  // ---- /remote -------------------------------------------------------------------------

  #setUpRemotes(): void {
    const nsp = this.remotes
    nsp.use((socket, next) => {
      if (this.io.engine.clientsCount > this.opts.maxConnections + 20) return next(connectError('full'))
      const auth = RemoteAuth.safeParse(socket.handshake.auth)
      if (!auth.success) return next(connectError('remote-token'))
      try {
        const { key, paired } = this.logic.remoteAuth(auth.data)
        socket.data.remoteKey = key
        socket.data.paired = paired
        next()
      } catch (err) {
        next(connectError('remote-token', err instanceof AppError ? { zh: err.message, en: err.messageEn } : undefined))
      }
    })
    nsp.on('connection', (socket) => {
      limitRate(socket, Object.values(REMOTE_CALLS))
      this.logic.setRemoteConnected(1)
      socket.on('disconnect', () => this.logic.setRemoteConnected(-1))
      if (socket.data.paired) {
        socket.data.paired = false
        socket.emit(REMOTE_EVENTS.paired, { key: socket.data.remoteKey as string })
      }
      socket.emit(REMOTE_EVENTS.state, this.logic.remoteState())
      on(socket, REMOTE_EVENTS.command, RemoteCommandInput, (input) => {
        if (!this.logic.remoteKeyValid(socket.data.remoteKey as string)) {
          socket.disconnect(true)
          throw refused('remote-token')
        }
        return this.logic.remoteCommand(input)
      })
    })
  }

  // ---- HTTP ----------------------------------------------------------------------------

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      // `//[` and other targets that are not a path are the client's mistake (400), not ours (500).
      const target = parseRequestUrl(req.url)
      if (!target) throw refused('invalid')
      const path = target.pathname
      if (req.method === 'GET' && path === HTTP_PATHS.health) return sendJson(res, 200, { ok: true })
      if (req.method === 'POST' && path === HTTP_PATHS.studentPhoto) return await this.#studentPhoto(req, res)
      if (req.method === 'POST' && path === HTTP_PATHS.remotePhoto) return await this.#remotePhoto(req, res)
      if (req.method === 'GET' && path.startsWith(HTTP_PATHS.studentPicture))
        return this.#studentPicture(req, res, path.slice(HTTP_PATHS.studentPicture.length))
      if ((req.method === 'GET' || req.method === 'HEAD') && servePage(this.opts.pagesDir, req, res)) return
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('404')
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        sendRefusal(res, 413, refusal('too-large'))
        // The rest of the body is not read; close instead of draining it.
        res.once('finish', () => req.destroy())
        return
      }
      const e = toAckError(err)
      sendRefusal(res, httpStatus(e.details), e)
    }
  }

  async #studentPhoto(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const token = bearer(req)
    const studentId = token ? this.logic.studentByToken(token) : null
    if (!studentId) throw refused('token')
    const q = PhotoQuery.safeParse(Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams))
    if (!q.success) throw refused('invalid')
    const dup = this.logic.photoPrecheck(studentId, q.data.runId, q.data.seq)
    if (dup) return sendJson(res, 200, { ok: true, result: dup })
    const mime = declaredImageType(req)
    const room = this.logic.photoRoom(studentId, this.opts.photoBytes)
    const body = await readBody(req, room).catch((err: unknown) => {
      // Over what the quota leaves (but within the upload limit): the quota is what says no.
      if (err instanceof BodyTooLarge && room < this.opts.photoBytes) {
        // The rest of the body is not read; close instead of draining it.
        res.once('finish', () => req.destroy())
        throw refused('quota')
      }
      throw err
    })
    if (sniffImage(body) !== mime) throw refused('bad-type')
    const result = this.logic.photoAnswer(studentId, q.data.runId, q.data.seq, mime, body)
    sendJson(res, 200, { ok: true, result })
  }

  /** A picture of the current question, to a joined student only (its pictures come from the teacher's files). */
  #studentPicture(req: IncomingMessage, res: ServerResponse, name: string): void {
    const token = bearer(req)
    const studentId = token ? this.logic.studentByToken(token) : null
    if (!studentId) throw refused('token')
    const found = this.logic.questionPicture(studentId, name)
    if (!found) throw refused('no-question')
    res.writeHead(200, {
      'Content-Type': found.mime,
      'Content-Length': statSync(found.file).size,
      // The name is the content's hash: it never changes; only this student's device keeps it.
      'Cache-Control': 'private, max-age=86400, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox"
    })
    createReadStream(found.file).pipe(res)
  }

  async #remotePhoto(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const key = bearer(req)
    if (!key || !this.logic.remoteKeyValid(key)) throw refused('remote-token')
    const mime = declaredImageType(req)
    const room = this.logic.photoRoom(null, this.opts.photoBytes)
    const body = await readBody(req, room).catch((err: unknown) => {
      if (err instanceof BodyTooLarge && room < this.opts.photoBytes) {
        // The rest of the body is not read; close instead of draining it.
        res.once('finish', () => req.destroy())
        throw refused('quota')
      }
      throw err
    })
    if (sniffImage(body) !== mime) throw refused('bad-type')
    sendJson(res, 200, { ok: true, result: this.logic.remotePhoto(mime, body) })
  }
}

function declaredImageType(req: IncomingMessage): string {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase()
  if (!(LIMITS.photoTypes as readonly string[]).includes(type)) throw refused('bad-type')
  return type
}

function httpStatus(details: unknown): number {
  const reason = (details as { reason?: string } | undefined)?.reason
  switch (reason) {
    case 'token':
    case 'remote-token':
    case 'pin':
      return 401
    case 'too-large':
      return 413
    case 'bad-type':
      return 415
    case 'closed':
      return 409
    case 'no-question':
      return 404
    case 'rate':
      return 429
    case 'quota':
      return 403
    case 'internal':
    case undefined:
      return 500
    default:
      return 400
  }
}

function connectError(reason: RefusalReason, hint?: RefusalHint): Error {
  const data = refusal(reason, hint)
  // Socket.IO sends `message` and `data` to the client's connect_error.
  return Object.assign(new Error(data.message), { data })
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Per-socket middleware: unknown events are refused, and a token bucket caps events a
 * second; a socket that keeps flooding after refusals is cut off so it stops costing us.
 */
function limitRate(socket: Socket, allowed: readonly string[]): void {
  const bucket = new TokenBucket(LIMITS.eventsPerSecond, LIMITS.eventBurst)
  let strikes = 0
  socket.use((packet, next) => {
    const event = packet[0]
    const ack = packet[packet.length - 1]
    const reply = typeof ack === 'function' ? (ack as AckFn) : null
    if (!bucket.take()) {
      strikes++
      if (strikes >= LIMITS.floodDisconnectAfter) socket.disconnect(true)
      else reply?.({ ok: false, error: refusal('rate') })
      return
    }
    strikes = 0
    if (typeof event !== 'string' || !allowed.includes(event)) {
      reply?.({ ok: false, error: refusal('unknown-event') })
      return
    }
    next()
  })
}

/** One event: parse its payload, run it, answer through the ack (if the client gave one). */
function on<S extends z.ZodType, R>(socket: Socket, event: string, schema: S, run: (input: z.output<S>) => R): void {
  onLater(socket, event, schema, (input, reply) => reply(null, run(input)))
}

/**
 * The same for work that finishes later: `run` throws a refusal or calls `reply` once. The
 * answer path goes through here with no promise per answer; under load it runs thousands
 * of times a second.
 */
function onLater<S extends z.ZodType, R>(
  socket: Socket,
  event: string,
  schema: S,
  run: (input: z.output<S>, reply: Reply<R>) => void
): void {
  socket.on(event, (...args: unknown[]) => {
    const last = args[args.length - 1]
    const ack = typeof last === 'function' ? (last as AckFn) : null
    const raw = ack && args.length === 1 ? {} : args[0]
    try {
      const parsed = schema.safeParse(raw ?? {})
      if (!parsed.success) throw refused('invalid')
      run(parsed.data, (err, result) => {
        if (!ack) return
        if (err) ack({ ok: false, error: toAckError(err) })
        else ack({ ok: true, result })
      })
    } catch (err) {
      ack?.({ ok: false, error: toAckError(err) })
    }
  })
}
