/**
 * The teacher's side of 课堂互动: open and close class, launch and close questions, see the
 * live tally and results, pair the phone remote. Students never use these channels; they
 * speak the student protocol (src-shared/classroom/protocol.ts) on the classroom server.
 */
import { z } from 'zod'
import { defineCall, defineEvent } from './define'
import { QuestionSpec } from '../classroom/question'
import { RosterEntry, RemoteAction } from '../classroom/protocol'
import { RunResults, RunTally, RunState } from '../classroom/results'
import { Leaderboard, PointsRules } from '../classroom/points'

export const NetInterface = z.object({
  /** OS name (e.g. "Wi-Fi", "wlan0"). */
  name: z.string(),
  address: z.string(),
  internal: z.boolean()
})
export type NetInterface = z.infer<typeof NetInterface>

/** A device asking to join as a student who is already in class on another device: the teacher decides. */
export const DeviceRequest = z.object({
  requestId: z.string(),
  studentId: z.string(),
  name: z.string(),
  /** Whether the student's current device is connected right now (if not, it was probably lost or flat). */
  currentOnline: z.boolean(),
  at: z.string()
})
export type DeviceRequest = z.infer<typeof DeviceRequest>

export const ClassroomStatus = z.object({
  open: z.boolean(),
  classSessionId: z.string().nullable(),
  title: z.string(),
  lessonSessionId: z.string().nullable(),
  /** Address students type or scan, e.g. http://192.168.1.23:8848/ (null while closed). */
  url: z.string().nullable(),
  pin: z.string().nullable(),
  /** QR code of `url` as an SVG document, and the same as a data: URL for <img>. */
  qrSvg: z.string().nullable(),
  qrDataUrl: z.string().nullable(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  /** True when the student/remote pages are built; otherwise a minimal fallback page is served. */
  pagesBuilt: z.boolean(),
  students: z.array(z.object({ id: z.string(), name: z.string(), online: z.boolean() })),
  currentRunId: z.string().nullable(),
  remoteConnected: z.boolean(),
  /** Second devices waiting for the teacher's yes or no, oldest first. */
  deviceRequests: z.array(DeviceRequest)
})
export type ClassroomStatus = z.infer<typeof ClassroomStatus>

export const OpenClassInput = z
  .object({
    title: z.string().max(80).default('课堂互动'),
    /** The class roster students tap their names from; none = students type their names. */
    roster: z.array(RosterEntry).max(500).optional(),
    /** Results are saved with this lesson session when given. */
    lessonSessionId: z.string().max(64).optional(),
    /** IPv4 address of the interface to listen on (from classroom:interfaces); default: the first LAN one. */
    host: z.string().max(64).optional(),
    /** Overrides the port from settings for this class. */
    port: z.number().int().min(0).max(65535).optional(),
    /** Typed-name classes: how many students may join (default LIMITS.typedNameStudents); a roster class takes its roster. */
    maxStudents: z.number().int().min(1).max(2000).optional(),
    /** Points and a 排行榜 for this class (opt-in); saved with the class. */
    points: PointsRules.optional()
  })
  .strict()
export type OpenClassInput = z.input<typeof OpenClassInput>

export const RunSummary = z.object({
  runId: z.string(),
  kind: z.string(),
  prompt: z.string(),
  state: RunState,
  launchedAt: z.string(),
  closedAt: z.string().nullable(),
  answered: z.number().int()
})
export type RunSummary = z.infer<typeof RunSummary>

export const RemoteEvent = z.object({
  action: z.union([RemoteAction, z.literal('photo')]),
  at: z.string(),
  photoId: z.string().optional()
})
export type RemoteEvent = z.infer<typeof RemoteEvent>

const Empty = z.object({}).strict()
const RunRef = z.object({ runId: z.string().min(1).max(64) }).strict()

export const classroomCalls = {
  interfaces: defineCall('classroom:interfaces', Empty, z.array(NetInterface)),
  open: defineCall('classroom:open', OpenClassInput, ClassroomStatus),
  close: defineCall('classroom:close', Empty, ClassroomStatus),
  status: defineCall('classroom:status', Empty, ClassroomStatus),
  launch: defineCall(
    'classroom:launch',
    z.object({ spec: QuestionSpec, lessonSessionId: z.string().max(64).optional() }).strict(),
    RunTally
  ),
  closeQuestion: defineCall('classroom:close-question', RunRef, RunTally),
  reveal: defineCall('classroom:reveal', RunRef, RunTally),
  /** The key the teacher taps on the board for the open question: bar indexes (true/false: 0 = 对). */
  setKey: defineCall(
    'classroom:set-key',
    z.object({ runId: RunRef.shape.runId, bars: z.array(z.number().int().min(0).max(9)).min(1).max(10) }).strict(),
    RunTally
  ),
  results: defineCall('classroom:results', RunRef, RunResults),
  runs: defineCall(
    'classroom:runs',
    z.object({ classSessionId: z.string().max(64).optional() }).strict(),
    z.array(RunSummary)
  ),
  exportCsv: defineCall(
    'classroom:export-csv',
    z.object({ classSessionId: z.string().max(64).optional() }).strict(),
    z.object({ fileName: z.string(), csv: z.string() })
  ),
  exportXlsx: defineCall(
    'classroom:export-xlsx',
    z.object({ classSessionId: z.string().max(64).optional() }).strict(),
    z.object({ fileName: z.string(), base64: z.string() })
  ),
  remoteToken: defineCall(
    'classroom:remote-token',
    Empty,
    z.object({ url: z.string(), qrSvg: z.string(), qrDataUrl: z.string(), expiresAt: z.string() })
  ),
  /** The teacher's yes or no to a second device (see DeviceRequest); yes signs the earlier device out. */
  decideDevice: defineCall(
    'classroom:decide-device',
    z.object({ requestId: z.string().min(1).max(64), approve: z.boolean() }).strict(),
    ClassroomStatus
  ),
  /** Points of the class asked for (default: the open one, else the last one); `enabled: false` without points. */
  leaderboard: defineCall(
    'classroom:leaderboard',
    z.object({ classSessionId: z.string().max(64).optional() }).strict(),
    Leaderboard
  ),
  /** The board's picker picked this name (for the phone's 随机点名, or on the board): the phone shows it. */
  boardPicked: defineCall(
    'classroom:board-picked',
    z.object({ name: z.string().trim().min(1).max(40) }).strict(),
    z.object({ ok: z.literal(true) })
  ),
  photo: defineCall(
    'classroom:photo',
    z.object({ photoId: z.string().min(1).max(80) }).strict(),
    z.object({ photoId: z.string(), mime: z.string(), dataUrl: z.string() })
  )
} as const

export const classroomEvents = {
  status: defineEvent('classroom:status-changed', ClassroomStatus),
  tally: defineEvent('classroom:tally', RunTally),
  /** A command from the phone remote for the presenter to carry out (next slide, show a photo…). */
  remote: defineEvent('classroom:remote', RemoteEvent),
  /** A second device asks to join as a student already in class; answer with classroom:decide-device. */
  deviceRequest: defineEvent('classroom:device-request', DeviceRequest)
} as const
