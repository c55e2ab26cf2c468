/**
 * 课堂互动 on the teacher's machine. Opening class starts one HTTP + Socket.IO server on the
 * LAN; closing it stops the server. Questions run one at a time; every answer is in SQLite
 * before its ack; a closed run is queued for sync in the same transaction. Runs left open
 * by a crash or restart are closed (reason `restart`) when the service starts, answers kept.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { QuestionSpec } from '../../../src-shared/classroom/question'
import { LIMITS } from '../../../src-shared/classroom/protocol'
import type { RunResults, RunTally } from '../../../src-shared/classroom/results'
import type { z } from 'zod'
import type {
  ClassroomStatus,
  DeviceRequest,
  NetInterface,
  OpenClassInput,
  RemoteEvent,
  RunSummary
} from '../../../src-shared/contract/classroom'
import { AppError } from '../../../src-shared/errors'
import type { StorageService } from '../storage'
import { Emitter } from '../../util/emitter'
import { ClassroomRepo, type AnswerRow, type SessionRow } from './classroom-repo'
import { ClassroomServer } from './classroom-server'
import { LiveClass, type PhotoQuota } from './live-class'
import { chooseHost, joinUrl, listInterfaces } from './net'
import { pagesBuilt } from './http-pages'
import { buildResults } from './tally'
import { closeRunDurably, peopleOf } from './run-records'
import { exportFileName, resultTables, resultsXlsx, studentsCsv, type ResultTables } from './results-export'
import { PointsRepo } from './points-repo'
import { buildLeaderboard, type Leaderboard, type PointsPerson } from '../../../src-shared/classroom/points'

export interface ClassroomServiceDeps {
  readonly storage: StorageService
  /** Where the classroom port comes from (the settings service). */
  readonly settings: { get(): { classroomPort: number } }
  readonly dataDir: string
  /** Folder holding the built student.html / remote.html; null or missing = fallback page. */
  readonly pagesDir: string | null
  readonly now?: () => Date
  /** Cap of connected sockets (default LIMITS.connections). */
  readonly maxConnections?: number
  readonly photoBytes?: number
  /** Connections one network address may hold (default LIMITS.socketsPerAddress; raise it when tablets share one address behind NAT). */
  readonly socketsPerAddress?: number
  /** How long wrong PINs lock an address (default LIMITS.pinLockMs). */
  readonly pinLockMs?: number
  /** Photo allowance per student and per class (default from LIMITS). */
  readonly photoQuota?: PhotoQuota
  /** Interfaces to offer (tests pass loopback); default: the machine's IPv4 interfaces. */
  readonly interfaces?: () => NetInterface[]
}

interface Opened {
  live: LiveClass
  host: string
  port: number
  url: string
  qrSvg: string
}

export class ClassroomService {
  readonly #d: ClassroomServiceDeps
  readonly #repo: ClassroomRepo
  readonly #points: PointsRepo
  readonly #now: () => Date
  readonly #photosDir: string
  #open: Opened | null = null
  #opening: Promise<ClassroomStatus> | null = null
  #statusTimer: NodeJS.Timeout | null = null

  readonly #onStatus = new Emitter<ClassroomStatus>()
  readonly #onTally = new Emitter<RunTally>()
  readonly #onRemote = new Emitter<RemoteEvent>()
  readonly #onDeviceRequest = new Emitter<DeviceRequest>()
  readonly onDeviceRequest = this.#onDeviceRequest.event
  readonly onStatus = this.#onStatus.event
  readonly onTally = this.#onTally.event
  readonly onRemote = this.#onRemote.event
  /** Runs that were found open at start-up and closed (ClassDeck stopped during a question). */
  readonly recoveredRunIds: readonly string[]

  constructor(deps: ClassroomServiceDeps) {
    this.#d = deps
    this.#repo = new ClassroomRepo(deps.storage.db)
    this.#points = new PointsRepo(deps.storage.db)
    this.#now = deps.now ?? (() => new Date())
    this.#photosDir = join(deps.dataDir, 'classroom-photos')
    this.recoveredRunIds = this.#recoverAfterRestart()
  }

  #recoverAfterRestart(): string[] {
    const at = this.#now()
    const closed = this.#repo
      .openRuns()
      .filter((r) => closeRunDurably(this.#d.storage, this.#repo, r.id, 'restart', at))
    // Closing folds a run's journal in the same transaction, so none should be left; if one is, keep its answers.
    for (const id of this.#repo.journalRunIds()) this.#d.storage.transaction(() => this.#repo.foldJournal(id))
    for (const id of this.#repo.openSessionIds()) this.#repo.closeSession(id, at.toISOString())
    return closed.map((r) => r.id)
  }

  interfaces(): NetInterface[] {
    return (this.#d.interfaces ?? listInterfaces)()
  }

  /** A class as the contract parsed it (its title filled in). */
  async open(input: z.output<typeof OpenClassInput>): Promise<ClassroomStatus> {
    if (this.#open) {
      throw new AppError('CONFLICT', '课堂已经开启，请先下课再重新开课', 'A class is already open; close it first')
    }
    if (this.#opening) return this.#opening
    this.#opening = this.#start(input).finally(() => {
      this.#opening = null
    })
    return this.#opening
  }

  async #start(input: z.output<typeof OpenClassInput>): Promise<ClassroomStatus> {
    const ifaces = this.interfaces()
    const host = chooseHost(input.host, ifaces)
    const session: SessionRow = {
      id: randomUUID(),
      title: input.title,
      lessonSessionId: input.lessonSessionId ?? null,
      roster: input.roster?.length ? input.roster : null,
      openedAt: this.#now().toISOString(),
      closedAt: null
    }
    const live = new LiveClass({
      storage: this.#d.storage,
      repo: this.#repo,
      session,
      photosDir: this.#photosDir,
      mediaDir: join(this.#d.dataDir, 'media'),
      now: this.#now,
      onTally: (t) => this.#onTally.fire(t),
      onChange: () => this.#queueStatus(),
      onRemote: (e) => this.#onRemote.fire(e),
      onDeviceRequest: (r) => this.#onDeviceRequest.fire(r),
      ...(input.maxStudents ? { maxStudents: input.maxStudents } : {}),
      ...(this.#d.photoQuota ? { photoQuota: this.#d.photoQuota } : {})
    })
    const server = new ClassroomServer(live, {
      pagesDir: this.#d.pagesDir,
      maxConnections: this.#d.maxConnections ?? LIMITS.connections,
      photoBytes: this.#d.photoBytes ?? LIMITS.photoBytes,
      ...(this.#d.socketsPerAddress ? { socketsPerAddress: this.#d.socketsPerAddress } : {}),
      ...(this.#d.pinLockMs ? { pinLockMs: this.#d.pinLockMs } : {})
    })
    live.server = server
    let port: number
    try {
      port = await server.listen(host, input.port ?? this.#d.settings.get().classroomPort)
    } catch (err) {
      await server.close().catch(() => undefined)
      throw err
    }
    // The class and its points rules together: a class never exists with its rules lost.
    this.#d.storage.transaction(() => {
      this.#repo.insertSession(session)
      if (input.points) this.#points.save(session.id, input.points)
    })
    const url = joinUrl(host, port, ifaces)
    // The QR code carries the PIN so a scan skips typing it; the short URL shown does not.
    const qrSvg = await (
      await import('qrcode')
    ).default.toString(`${url}?pin=${live.pin}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
    this.#open = { live, host, port, url, qrSvg }
    const status = this.status()
    this.#onStatus.fire(status)
    return status
  }

  async close(): Promise<ClassroomStatus> {
    const open = this.#open
    if (open) {
      this.#open = null
      await open.live.close()
    }
    const status = this.status()
    this.#onStatus.fire(status)
    return status
  }

  status(): ClassroomStatus {
    const o = this.#open
    if (!o) {
      return {
        open: false,
        classSessionId: null,
        title: '',
        lessonSessionId: null,
        url: null,
        pin: null,
        qrSvg: null,
        qrDataUrl: null,
        host: null,
        port: null,
        pagesBuilt: pagesBuilt(this.#d.pagesDir),
        students: [],
        currentRunId: null,
        remoteConnected: false,
        deviceRequests: []
      }
    }
    const live = o.live
    return {
      open: true,
      classSessionId: live.session.id,
      title: live.session.title,
      lessonSessionId: live.session.lessonSessionId,
      url: o.url,
      pin: live.pin,
      qrSvg: o.qrSvg,
      qrDataUrl: svgDataUrl(o.qrSvg),
      host: o.host,
      port: o.port,
      pagesBuilt: pagesBuilt(this.#d.pagesDir),
      students: live.students().map((s) => ({ id: s.id, name: s.name, online: live.isOnline(s.id) })),
      currentRunId: live.current?.row.id ?? null,
      remoteConnected: live.remoteOnline > 0,
      deviceRequests: live.deviceRequests()
    }
  }

  /** The live class, for the benchmark and tests that need the PIN or the server. */
  get live(): LiveClass | null {
    return this.#open?.live ?? null
  }

  /** A question as the contract parsed it (classroom:launch's spec, its defaults filled in). */
  launch(spec: QuestionSpec, lessonSessionId?: string): RunTally {
    return this.#live().launch(spec, lessonSessionId ?? null)
  }

  closeQuestion(runId: string): RunTally {
    const live = this.#live()
    this.#currentRun(live, runId)
    live.closeRun(runId, 'teacher')
    return live.tally()!
  }

  /** The key picked on the board for the open question, as bar indexes (see LiveClass.setKey). */
  setKey(runId: string, bars: readonly number[]): RunTally {
    const live = this.#live()
    this.#currentRun(live, runId)
    live.setKey(runId, bars)
    return live.tally()!
  }

  reveal(runId: string): RunTally {
    const live = this.#live()
    this.#currentRun(live, runId)
    live.reveal(runId)
    return live.tally()!
  }

  results(runId: string): RunResults {
    const live = this.#open?.live
    if (live?.current?.row.id === runId) return buildResults(live.current.row, live.people(), this.#answersOf(runId))
    const run = this.#repo.run(runId)
    if (!run) throw new AppError('NOT_FOUND', '找不到这道题的作答记录', 'No record of this question run', { runId })
    const session = this.#repo.session(run.classSessionId)
    const people = session ? peopleOf(session, this.#repo.students(session.id)) : []
    return buildResults(run, people, this.#answersOf(runId))
  }

  /**
   * A run's answers: the live run's own while it is open (they are in the answer journal until
   * it closes), the `answers` table's once it has closed.
   */
  #answersOf(runId: string): AnswerRow[] {
    const current = this.#open?.live.current
    return current?.row.id === runId ? [...current.answers.values()] : this.#repo.answers(runId)
  }

  /** The class a call is about: the one asked for, else the open one, else the last one held. */
  #sessionId(classSessionId?: string): string | undefined {
    return classSessionId ?? this.#open?.live.session.id ?? this.#repo.lastSession()?.id
  }

  runs(classSessionId?: string): RunSummary[] {
    const id = this.#sessionId(classSessionId)
    if (!id) return []
    return this.#repo.runs(id).map((r) => ({
      runId: r.id,
      kind: r.spec.kind,
      prompt: r.spec.prompt,
      state: r.state,
      launchedAt: r.launchedAt,
      closedAt: r.closedAt,
      answered: this.#answersOf(r.id).length
    }))
  }

  /** One row per student, two columns per question (answer, right/wrong); UTF-8 with BOM for Excel. */
  exportCsv(classSessionId?: string): { fileName: string; csv: string } {
    const { session, tables } = this.#resultTables(classSessionId)
    return { fileName: exportFileName(session, 'csv'), csv: studentsCsv(tables) }
  }

  /** The same per-student table and a per-question one, as an Excel workbook (base64, for the contract). */
  exportXlsx(classSessionId?: string): { fileName: string; base64: string } {
    const { session, tables } = this.#resultTables(classSessionId)
    return { fileName: exportFileName(session, 'xlsx'), base64: Buffer.from(resultsXlsx(tables)).toString('base64') }
  }

  #resultTables(classSessionId?: string): { session: SessionRow; tables: ResultTables } {
    const id = this.#sessionId(classSessionId)
    const session = id ? this.#repo.session(id) : null
    if (!session) throw new AppError('NOT_FOUND', '还没有可导出的课堂记录', 'No class to export yet')
    // The class's people once, not once per question.
    const people = peopleOf(session, this.#repo.students(session.id))
    const runs = this.#repo.runs(session.id).map((r) => buildResults(r, people, this.#answersOf(r.id)))
    return { session, tables: resultTables(runs, people, this.#leaderboardOf(session, runs)) }
  }

  /** The class's 排行榜 from its stored answers (the class asked for, else the open one, else the last). */
  leaderboard(classSessionId?: string): Leaderboard {
    const id = this.#sessionId(classSessionId)
    const session = id ? this.#repo.session(id) : null
    if (!session) return buildLeaderboard(null, null, [], [])
    if (!this.#points.rules(session.id)) return buildLeaderboard(session.id, null, [], [])
    const people = peopleOf(session, this.#repo.students(session.id))
    return this.#leaderboardOf(
      session,
      this.#repo.runs(session.id).map((r) => buildResults(r, people, this.#answersOf(r.id)))
    )
  }

  #leaderboardOf(session: SessionRow, runs: readonly RunResults[]): Leaderboard {
    const rules = this.#points.rules(session.id)
    if (!rules) return buildLeaderboard(session.id, null, [], [])
    // Teams name roster ids, so each person carries theirs (joined students and roster names nobody claimed).
    const students = this.#repo.students(session.id)
    const claimed = new Set(students.map((s) => s.rosterId))
    const people: PointsPerson[] = [
      ...students.map((s) => ({ id: s.id, name: s.name, rosterId: s.rosterId })),
      ...(session.roster ?? [])
        .filter((r) => !claimed.has(r.id))
        .map((r) => ({ id: `roster:${r.id}`, name: r.name, rosterId: r.id }))
    ]
    return buildLeaderboard(session.id, rules, runs, people)
  }

  async remoteToken(): Promise<{ url: string; qrSvg: string; qrDataUrl: string; expiresAt: string }> {
    const o = this.#open
    if (!o) throw notOpen()
    const { token, expiresAt } = o.live.newRemoteToken()
    // In the fragment, so the token never reaches a request line or a log.
    const url = `${o.url}remote.html#t=${token}`
    const qrSvg = await (
      await import('qrcode')
    ).default.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
    return { url, qrSvg, qrDataUrl: svgDataUrl(qrSvg), expiresAt: expiresAt.toISOString() }
  }

  /** The teacher's yes or no to a second device; the status that follows no longer lists the request. */
  decideDevice(requestId: string, approve: boolean): ClassroomStatus {
    this.#live().decideDevice(requestId, approve)
    const status = this.status()
    this.#onStatus.fire(status)
    return status
  }

  /** The name the board's picker picked, for the phone remote to show. */
  boardPicked(name: string): { ok: true } {
    this.#live().boardPicked(name)
    return { ok: true }
  }

  photo(photoId: string): { photoId: string; mime: string; dataUrl: string } {
    const p = this.#repo.photo(photoId)
    if (!p) throw new AppError('NOT_FOUND', '找不到这张照片', 'Photo not found', { photoId })
    const bytes = readFileSync(join(this.#photosDir, p.file))
    return { photoId, mime: p.mime, dataUrl: `data:${p.mime};base64,${bytes.toString('base64')}` }
  }

  async dispose(): Promise<void> {
    if (this.#statusTimer) clearTimeout(this.#statusTimer)
    await this.close()
    this.#onStatus.dispose()
    this.#onTally.dispose()
    this.#onRemote.dispose()
    this.#onDeviceRequest.dispose()
  }

  #live(): LiveClass {
    const live = this.#open?.live
    if (!live) throw notOpen()
    return live
  }

  #currentRun(live: LiveClass, runId: string): void {
    if (live.current?.row.id !== runId) {
      throw new AppError('NOT_FOUND', '这道题已不是当前题目，无法操作', 'That question is no longer the current one', {
        runId
      })
    }
  }

  /** Status (with the student list) at most every 100 ms, however fast students join. */
  #queueStatus(): void {
    if (this.#statusTimer) return
    this.#statusTimer = setTimeout(() => {
      this.#statusTimer = null
      if (this.#open) this.#onStatus.fire(this.status())
    }, 100)
    this.#statusTimer.unref()
  }
}

function notOpen(): AppError {
  return new AppError('CONFLICT', '课堂尚未开启，请先点击“开始上课”', 'The class is not open; open it first')
}

function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}
