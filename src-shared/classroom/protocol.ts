/**
 * The student protocol (docs/classroom-protocol.md describes it for other clients).
 * Two Socket.IO namespaces on the classroom server: `/student` for tablets and `/remote`
 * for the teacher's phone. Teacher actions never travel over `/student`.
 * Every client → server event carries an acknowledgement callback as its last argument,
 * answered with `Ack<T>`: `{ ok: true, result }` or `{ ok: false, error: AppErrorData }`.
 */
import { z } from 'zod'
import { AppErrorData } from '../errors'
import { Answer, RevealedKey, StudentQuestion } from './question'
import { LIMITS } from './wire'

export {
  STUDENT_NAMESPACE,
  REMOTE_NAMESPACE,
  LIMITS,
  STUDENT_CALLS,
  STUDENT_EVENTS,
  REMOTE_CALLS,
  REMOTE_EVENTS,
  HTTP_PATHS,
  NUDGE_EVENT,
  NUDGE_AFTER_MS
} from './wire'
export type { Ack } from './wire'

export function ackSchema<T extends z.ZodType>(result: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), result }),
    z.object({ ok: z.literal(false), error: AppErrorData })
  ])
}

// ---- /student --------------------------------------------------------------------------

/** Handshake `auth` of a student socket: the class PIN, always. */
export const StudentAuth = z.object({ pin: z.string().regex(/^\d{6}$/) })
export type StudentAuth = z.infer<typeof StudentAuth>

export const RosterEntry = z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(40) })
export type RosterEntry = z.infer<typeof RosterEntry>

export const StudentIdentity = z.object({ id: z.string(), name: z.string() })
export type StudentIdentity = z.infer<typeof StudentIdentity>

/** `class:info` → who may join (roster null = students type their names). */
export const ClassInfoInput = z.object({}).strict()
export const ClassInfo = z.object({ title: z.string(), roster: z.array(RosterEntry).nullable() })
export type ClassInfo = z.infer<typeof ClassInfo>

/** `join`: exactly one of token (rejoin), rosterId (tap your name) or name (typed). */
export const JoinInput = z.union([
  z.object({ token: z.string().min(20).max(100) }).strict(),
  z.object({ rosterId: z.string().min(1).max(64) }).strict(),
  z.object({ name: z.string().min(1).max(60) }).strict()
])
export type JoinInput = z.infer<typeof JoinInput>

/** The student's own stored answer, as the server committed it. */
export const MyAnswer = z.object({
  runId: z.string(),
  seq: z.number().int(),
  answer: Answer,
  receivedAt: z.string(),
  /** Buzz-in only: 1 = first. */
  rank: z.number().int().optional(),
  /**
   * Only once the teacher has revealed the key: whether this answer is right, as the server marked
   * it (null: nothing to mark, e.g. a poll). Devices show this rather than marking answers themselves.
   */
  correct: z.boolean().nullable().optional()
})
export type MyAnswer = z.infer<typeof MyAnswer>

/** The state a device needs to show the right screen: sent on join and on `sync`. */
export const StudentState = z.object({
  question: StudentQuestion.nullable(),
  /** Whether `question` still takes answers. */
  open: z.boolean(),
  myAnswer: MyAnswer.nullable(),
  revealed: RevealedKey.nullable()
})
export type StudentState = z.infer<typeof StudentState>

export const JoinResult = StudentState.extend({
  /** Keep it (localStorage) and send it as `{ token }` to rejoin as the same student. */
  token: z.string(),
  student: StudentIdentity,
  title: z.string()
})
export type JoinResult = z.infer<typeof JoinResult>

export const SyncInput = z.object({}).strict()

/**
 * `answer`: seq is the device's own counter, increasing with each new answer it gives.
 * Resending the same (runId, seq) is harmless; a higher seq replaces the earlier answer
 * while the question is open (buzz-in: the first buzz stands).
 */
export const AnswerInput = z
  .object({
    runId: z.string().min(1).max(64),
    seq: z.number().int().min(0).max(LIMITS.maxSeq),
    /**
     * Only its kind is read here: the run's kind module then checks it with its strict schema
     * (checkAnswer), so that a refusal can say what is wrong for that kind.
     */
    answer: z.looseObject({ kind: z.string().max(40) })
  })
  .strict()
export type AnswerInput = z.infer<typeof AnswerInput>

export const AnswerResult = z.object({
  runId: z.string(),
  /** The seq now stored (may be higher than the one sent, if a newer answer was already in). */
  seq: z.number().int(),
  /** True when this (runId, seq) or a newer one was already stored: nothing changed. */
  duplicate: z.boolean(),
  receivedAt: z.string(),
  rank: z.number().int().optional(),
  won: z.boolean().optional()
})
export type AnswerResult = z.infer<typeof AnswerResult>

export const CloseReason = z.enum(['teacher', 'time-up', 'class-closed', 'restart', 'replaced'])
export type CloseReason = z.infer<typeof CloseReason>

/** Server → student broadcasts. */
export const QuestionClosedEvent = z.object({ runId: z.string(), reason: CloseReason })
/** `reason` is always `teacher` (the teacher ended the class); `message`/`messageEn` are for the screen. */
export const ClassClosedEvent = z.object({ reason: z.literal('teacher'), message: z.string(), messageEn: z.string() })
export type ClassClosedEvent = z.infer<typeof ClassClosedEvent>

/** `join:decision`: the teacher's answer to a device whose join waited (the name was in class on another device). */
export const JoinDecision = z.discriminatedUnion('approved', [
  z.object({ approved: z.literal(true), result: JoinResult }),
  z.object({ approved: z.literal(false), error: AppErrorData })
])
export type JoinDecision = z.infer<typeof JoinDecision>

/** `signed-out`: another device now speaks for this student; the server disconnects this one right after. */
export const SignedOutEvent = z.object({ reason: z.literal('other-device'), error: AppErrorData })
export type SignedOutEvent = z.infer<typeof SignedOutEvent>

// ---- /remote ---------------------------------------------------------------------------

/** Handshake `auth` of the phone remote: the one-time pairing token, or the key it was given. */
export const RemoteAuth = z.union([
  z.object({ token: z.string().min(20).max(100) }).strict(),
  z.object({ key: z.string().min(20).max(100) }).strict()
])
export type RemoteAuth = z.infer<typeof RemoteAuth>

export const RemoteAction = z.enum([
  'next-slide',
  'prev-slide',
  'launch-abcd',
  'launch-truefalse',
  'close-question',
  'reveal',
  'random-pick'
])
export type RemoteAction = z.infer<typeof RemoteAction>

export const RemoteCommandInput = z.object({ action: RemoteAction }).strict()
/** What the server did; a pick is the board's (see RemoteState.picked), never made here. */
export const RemoteCommandResult = z.object({ action: RemoteAction })
export type RemoteCommandResult = z.infer<typeof RemoteCommandResult>

/** Pushed to the remote on connect and whenever the class changes. */
export const RemoteState = z.object({
  title: z.string(),
  students: z.number().int(),
  question: z
    .object({
      runId: z.string(),
      kind: z.string(),
      open: z.boolean(),
      answered: z.number().int(),
      total: z.number().int()
    })
    .nullable(),
  /** The name the board's picker picked last (for the phone's 随机点名, or a pick on the board). */
  picked: z.object({ name: z.string(), at: z.string() }).nullable()
})
export type RemoteState = z.infer<typeof RemoteState>

export const RemotePaired = z.object({ key: z.string() })

// ---- HTTP ------------------------------------------------------------------------------

export const PhotoQuery = z.object({
  runId: z.string().min(1).max(64),
  seq: z.coerce.number().int().min(0).max(LIMITS.maxSeq)
})
