/**
 * The parts of the student protocol a device needs at run time, without zod: names of
 * namespaces, events and HTTP paths, limits, text normalisation. The student and remote
 * pages import values only from here (and types from the rest), which keeps them small.
 */
import type { AppErrorData } from '../errors'

export const STUDENT_NAMESPACE = '/student'
export const REMOTE_NAMESPACE = '/remote'

export const LIMITS = {
  /** Largest Socket.IO message in bytes; larger ones close the connection (engine.io). */
  socketMessageBytes: 256 * 1024,
  /** Token bucket per socket: steady events a second, and the burst allowed. */
  eventsPerSecond: 20,
  eventBurst: 40,
  /** Refused events in a row before the socket is cut off. */
  floodDisconnectAfter: 100,
  /** Photo upload body over HTTP. */
  photoBytes: 5 * 1024 * 1024,
  photoTypes: ['image/jpeg', 'image/png', 'image/webp'] as const,
  /** Default cap of connected sockets (students + remotes); the service can raise it. */
  connections: 300,
  /** How long a phone-remote pairing code may wait to be scanned: short, so a code left on a screen goes stale. */
  remoteTokenMinutes: 2,
  /**
   * Largest answer `seq`: a device counts its answers, and no tablet gives 100 000 in a lesson.
   * Bounded so that a forged huge seq cannot make every later answer of the student look older.
   */
  maxSeq: 100_000,
  /** Default cap of sockets from one network address (a tablet needs one or two). */
  socketsPerAddress: 8,
  /** Default cap of students in a class whose students type their names (a roster class: the roster). */
  typedNameStudents: 200,
  /** Photos a student may store in one class, in count and bytes. */
  photosPerStudent: 30,
  photoBytesPerStudent: 60 * 1024 * 1024,
  /** Photos the whole class may store (students and the phone remote), in count and bytes. */
  photosPerClass: 1500,
  photoBytesPerClass: 1024 * 1024 * 1024,
  /** Wrong PINs from one address before it must wait; the wait never exceeds pinLockMs. */
  wrongPinsPerMinute: 20,
  pinLockMs: 60_000,
  /** Second-device requests waiting for the teacher at one time. */
  deviceRequests: 50,
  /** Socket.IO connection state recovery window. */
  recoveryMs: 2 * 60_000
} as const

export type Ack<T> = { ok: true; result: T } | { ok: false; error: AppErrorData }

/** Client → server calls of /student: the only events a tablet may send. */
/**
 * The tail-loss nudge: a tiny volatile event with no payload and no ack, sent about NUDGE_AFTER_MS
 * after a message that may be the only segment in flight (the server after class broadcasts, a
 * tablet after an answer). Whoever receives it ignores it; see docs/classroom-protocol.md.
 */
export const NUDGE_EVENT = 'n'
/** Late enough to be its own segment (not corked with the message), early enough to help. */
export const NUDGE_AFTER_MS = 15

export const STUDENT_CALLS = {
  classInfo: 'class:info',
  join: 'join',
  sync: 'sync',
  answer: 'answer'
} as const

export const STUDENT_EVENTS = {
  ...STUDENT_CALLS,
  // server → client
  /** First event on every fresh connection; its trailing offset lets the session be recovered. */
  hello: 'hello',
  question: 'question',
  questionClosed: 'question:closed',
  reveal: 'question:reveal',
  classClosed: 'class:closed',
  /** To a device whose join waited for the teacher (a second device): the teacher's answer. */
  joinDecision: 'join:decision',
  /** To a device that no longer speaks for its student (another device took over); then it is disconnected. */
  signedOut: 'signed-out'
} as const

/** Client → server calls of /remote. */
export const REMOTE_CALLS = { command: 'command' } as const

export const REMOTE_EVENTS = {
  command: 'command', // client → server (with ack)
  paired: 'paired', // server → client once, after a pairing token was used
  state: 'state' // server → client
} as const

export const HTTP_PATHS = {
  studentPage: '/student.html',
  remotePage: '/remote.html',
  /** POST raw image bytes; `Authorization: Bearer <student token>`; query runId & seq. */
  studentPhoto: '/api/student/photo',
  /**
   * GET `<this><sha256>.<ext>`: a picture of the current question; `Authorization: Bearer <student
   * token>`. Only names in the question's `pictures` are served.
   */
  studentPicture: '/api/student/picture/',
  /** POST raw image bytes; `Authorization: Bearer <remote key>`. */
  remotePhoto: '/api/remote/photo',
  health: '/api/health'
} as const

/**
 * NFKC folds full-width letters and digits to half-width (ＡＢＣ１ → ABC1) and
 * compatibility forms; then case and surrounding/repeated spaces stop mattering.
 */
export function normaliseText(s: string): string {
  return s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/** `details.reason` of a refusal (see student-errors.ts), or null. */
export function reasonOf(err: AppErrorData): string | null {
  const r = (err.details as { reason?: unknown } | undefined)?.reason
  return typeof r === 'string' ? r : null
}
