/**
 * The one HTTP server of an open class: student and remote pages, photo uploads, and
 * Socket.IO with its two namespaces. It checks and limits; the service decides.
 * Every event is schema-checked here before the service sees it, every client → server
 * event is answered through its ack, and nothing a student sends can stop the server.
 */
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import { createRequire } from 'node:module'
import type { Server, Namespace, Socket } from 'socket.io'
import type { z } from 'zod'
import {
  AnswerInput,
  ClassInfoInput,
  HTTP_PATHS,
  JoinInput,
  LIMITS,
  PhotoQuery,
  REMOTE_EVENTS,
  REMOTE_NAMESPACE,
  RemoteAuth,
  RemoteCommandInput,
  STUDENT_EVENTS,
  STUDENT_NAMESPACE,
  StudentAuth,
  SyncInput,
  type Ack,
  type AnswerResult,
  type ClassInfo,
  type JoinResult,
  type RemoteCommandResult,
  type RemoteState,
  type StudentState
} from '../../../src-shared/classroom/protocol'
import { refusal, type RefusalReason } from '../../../src-shared/classroom/student-errors'
import { AppError } from '../../../src-shared/errors'
import { BodyTooLarge, bearer, readBody, sendJson, sendRefusal, servePage, sniffImage } from './http-pages'
import { PinAttempts, TokenBucket, refused, toAckError } from './guards'
import { listenOnFreePort } from './net'
import { parseRequestUrl } from '../../security/http-guard'

/** What the server asks of the service. Methods throw AppError refusals (see guards.refused). */
export interface ClassroomLogic {
  readonly pin: string
  classInfo(): ClassInfo
  join(input: JoinInput): JoinResult
  studentByToken(token: string): string | null
  state(studentId: string): StudentState
  /** Throws a refusal, or calls `reply` once the answer is committed: the ack waits for the write. */
  answer(studentId: string, input: AnswerInput, reply: Reply<AnswerResult>): void
  /** Checks before an upload is read: returns a result when it is a duplicate, null to go on. */
  photoPrecheck(studentId: string, runId: string, seq: number): AnswerResult | null
  photoAnswer(studentId: string, runId: string, seq: number, mime: string, bytes: Buffer): AnswerResult
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
}

type AckFn = (ack: Ack<unknown>) => void
/** Node-style completion: an error (sent as a refusal) or the result. */
export type Reply<T> = (err: unknown, result?: T) => void

const requireLazy = createRequire(import.meta.url)

export class ClassroomServer {
  readonly http: HttpServer
  readonly io: Server
  readonly students: Namespace
  readonly remotes: Namespace
  readonly #pins = new PinAttempts()
  port = 0

  constructor(
    private readonly logic: ClassroomLogic,
    private readonly opts: ClassroomServerOptions
  ) {
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
      allowRequest: (_req, cb) => cb(null, this.io.engine.clientsCount < opts.maxConnections + 20)
    })
    this.students = this.io.of(STUDENT_NAMESPACE)
    this.remotes = this.io.of(REMOTE_NAMESPACE)
    this.#setUpStudents()
    this.#setUpRemotes()
    // Only our two namespaces exist; the main one refuses everyone.
    this.io.of('/').use((_s, next) => next(connectError('unknown-event')))
  }

  async listen(host: string, port: number): Promise<number> {
    this.port = await listenOnFreePort(this.http, host, port)
    return this.port
  }

  /** Devices get their last events and a server-side disconnect (so they do not reconnect), then the server stops. */
  async close(): Promise<void> {
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
      if (this.#pins.blocked(addr)) return next(connectError('rate', '尝试次数过多，请一分钟后再输入课堂码'))
      const auth = StudentAuth.safeParse(socket.handshake.auth)
      if (!auth.success || !sameText(auth.data.pin, this.logic.pin)) {
        this.#pins.fail(addr)
        return next(connectError('pin'))
      }
      next()
    })
    nsp.on('connection', (socket) => {
      limitRate(socket, Object.values(STUDENT_EVENTS))
      const studentId = socket.data.studentId as string | undefined
      if (socket.recovered && studentId) this.logic.setOnline(studentId, 1)
      // Sent through the socket's own room so that it carries a recovery offset: a client
      // that has not yet seen a broadcast can still have its session recovered.
      if (!socket.recovered) nsp.to(socket.id).emit(STUDENT_EVENTS.hello, { recovered: false })
      socket.on('disconnect', () => {
        const id = socket.data.studentId as string | undefined
        if (id) this.logic.setOnline(id, -1)
      })
      on(socket, STUDENT_EVENTS.classInfo, ClassInfoInput, () => this.logic.classInfo())
      on(socket, STUDENT_EVENTS.join, JoinInput, (input) => {
        const result = this.logic.join(input)
        const before = socket.data.studentId as string | undefined
        if (before !== result.student.id) {
          socket.data.studentId = result.student.id
          this.logic.setOnline(result.student.id, 1)
          if (before) this.logic.setOnline(before, -1)
        }
        return result
      })
      on(socket, STUDENT_EVENTS.sync, SyncInput, () => this.logic.state(joined(socket)))
      onLater(socket, STUDENT_EVENTS.answer, AnswerInput, (input, reply) =>
        this.logic.answer(joined(socket), input, reply)
      )
    })
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
        next(connectError('remote-token', err instanceof AppError ? err.message : undefined))
      }
    })
    nsp.on('connection', (socket) => {
      limitRate(socket, Object.values(REMOTE_EVENTS))
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
    const body = await readBody(req, this.opts.photoBytes)
    if (sniffImage(body) !== mime) throw refused('bad-type')
    const result = this.logic.photoAnswer(studentId, q.data.runId, q.data.seq, mime, body)
    sendJson(res, 200, { ok: true, result })
  }

  async #remotePhoto(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const key = bearer(req)
    if (!key || !this.logic.remoteKeyValid(key)) throw refused('remote-token')
    const mime = declaredImageType(req)
    const body = await readBody(req, this.opts.photoBytes)
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
    case 'internal':
    case undefined:
      return 500
    default:
      return 400
  }
}

function connectError(reason: RefusalReason, hint?: string): Error {
  const data = refusal(reason, hint)
  // Socket.IO sends `message` and `data` to the client's connect_error.
  return Object.assign(new Error(data.message), { data })
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function joined(socket: Socket): string {
  const id = socket.data.studentId as string | undefined
  if (!id) throw refused('not-joined')
  return id
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
