/**
 * What both hosts share: open the database, construct every service with its dependencies,
 * build the handler table, and forward service events to the EventHub. Each host
 * (hosts/electron/main.ts, hosts/browser/main.ts) calls createAppCore once and binds
 * `table` and `hub` to its own transport.
 */
import { basename, join } from 'node:path'
import { mkdirSync } from 'node:fs'
import { clearIncoming } from './util/incoming'
import { StorageService, allMigrations } from './services/storage'
import { SettingsService } from './services/settings'
import { LessonInkService, LessonsService } from './services/lessons'
import { ClassroomService } from './services/classroom'
import { SyncService, type TokenStore } from './services/sync'
import { LessonPlanService } from './services/lesson-plans'
import { OpenLessonShareService } from './services/sync/open-lesson-share'
import { CoursewareService, decodeEdux, readBytes, type PdfPrinter } from './services/courseware'
import { LibraryService, QuestionBankService } from './services/library'
import { StatsService } from './services/stats'
import { RostersService } from './services/rosters'
import { RecordingsService } from './services/recordings'
import { EventHub } from './rpc/event-hub'
import { registerHandlers } from './rpc/register-handlers'
import type { HandlerTable } from './rpc/handler-table'

export interface AppInfoDeps {
  readonly version: string
  readonly host: 'electron' | 'browser'
  readonly dataDir: string
  readonly startedAt: string
}

export interface Services {
  readonly info: AppInfoDeps
  readonly clock: () => Date
  readonly hub: EventHub
  readonly storage: StorageService
  readonly settings: SettingsService
  readonly lessons: LessonsService
  readonly lessonInk: LessonInkService
  readonly classroom: ClassroomService
  readonly sync: SyncService
  readonly lessonPlans: LessonPlanService
  readonly openLessons: OpenLessonShareService
  readonly courseware: CoursewareService
  readonly library: LibraryService
  readonly questionBank: QuestionBankService
  readonly stats: StatsService
  readonly rosters: RostersService
  readonly recordings: RecordingsService
}

export interface AppCore {
  readonly services: Services
  readonly table: HandlerTable
  readonly hub: EventHub
  dispose(): Promise<void>
}

export interface AppCoreOptions {
  readonly dataDir: string
  readonly host: 'electron' | 'browser'
  readonly version: string
  /** Injectable clock for tests (lessons, timers, tokens). */
  readonly clock?: () => Date
  /** Built renderer folder holding student.html / remote.html for the classroom server; absent = fallback page. */
  readonly classroomPagesDir?: string
  /** Where platform tokens are kept: Electron passes a safeStorage store; default, an owner-only file. */
  readonly tokenStore?: TokenStore
  /** Electron's printToPDF of the print view; the browser host has none (its page prints itself). */
  readonly printPdf?: PdfPrinter
}

export function createAppCore(opts: AppCoreOptions): AppCore {
  const clock = opts.clock ?? (() => new Date())
  mkdirSync(opts.dataDir, { recursive: true })
  clearIncoming(opts.dataDir)
  const storage = StorageService.open({
    file: join(opts.dataDir, 'classdeck.db'),
    migrations: allMigrations,
    appVersion: opts.version,
    now: clock
  })
  const hub = new EventHub()
  const settings = new SettingsService({ storage, dataDir: opts.dataDir, now: clock })
  const disposers: (() => void | Promise<void>)[] = []
  disposers.push(settings.onDidChange((view) => hub.publish('settings:changed', view)))
  const lessons = new LessonsService({
    storage,
    clock,
    rules: () => {
      const { idleMinutes, effectiveLessonMinutes } = settings.get()
      return { idleMinutes, effectiveLessonMinutes }
    }
  })
  disposers.push(lessons.onDidEnd((summary) => hub.publish('lessons:ended', summary)))
  const lessonInk = new LessonInkService({ storage, clock, idleMinutes: () => settings.get().idleMinutes })
  const classroom = new ClassroomService({
    storage,
    settings,
    dataDir: opts.dataDir,
    pagesDir: opts.classroomPagesDir ?? null,
    now: clock
  })
  disposers.push(classroom.onStatus((st) => hub.publish('classroom:status-changed', st)))
  disposers.push(classroom.onTally((t) => hub.publish('classroom:tally', t)))
  disposers.push(classroom.onRemote((e) => hub.publish('classroom:remote', e)))
  disposers.push(classroom.onDeviceRequest((r) => hub.publish('classroom:device-request', r)))
  disposers.push(() => classroom.dispose())
  const sync = new SyncService({
    ...(opts.tokenStore ? { tokenStore: opts.tokenStore } : {}),
    storage,
    dataDir: opts.dataDir,
    clock,
    platformUrl: () => settings.get().platformUrl
  })
  disposers.push(sync.onDidChangeStatus((st) => hub.publish('sync:status-changed', st)))
  disposers.push(sync.onProgress((p) => hub.publish('sync:progress', p)))
  disposers.push(() => sync.dispose())
  sync.start()
  const courseware = new CoursewareService({
    storage,
    dataDir: opts.dataDir,
    now: clock,
    generator: `ClassDeck ${opts.version}`,
    ...(opts.printPdf ? { printPdf: opts.printPdf } : {})
  })
  disposers.push(courseware.onProgress((p) => hub.publish('courseware:progress', p)))
  disposers.push(courseware.onOpenRequest((r) => hub.publish('courseware:open-requested', r)))
  disposers.push(() => courseware.dispose())
  const library = new LibraryService({ storage, clock, dir: join(opts.dataDir, 'library'), platform: sync })
  disposers.push(library.onDidChange((c) => hub.publish('library:changed', c)))
  disposers.push(library.onDownloadProgress((p) => hub.publish('library:download-progress', p)))
  disposers.push(() => library.dispose())
  const lessonPlans = new LessonPlanService({ courseware, dataDir: opts.dataDir })
  const openLessons = new OpenLessonShareService({
    storage,
    sync,
    courseware,
    lessonPlans,
    library,
    dataDir: opts.dataDir,
    clock
  })
  const questionBank = new QuestionBankService({ storage, clock })
  disposers.push(questionBank.onDidChange((c) => hub.publish('question-bank:changed', c)))
  disposers.push(() => questionBank.dispose())
  const stats = new StatsService({
    storage,
    clock,
    minLessonMinutes: () => settings.get().activityMinLessonMinutes
  })
  const rosters = new RostersService({ storage, clock })
  disposers.push(rosters.onDidChange((c) => hub.publish('rosters:changed', c)))
  disposers.push(() => rosters.dispose())
  const recordings = new RecordingsService({
    dataDir: opts.dataDir,
    library,
    clock,
    // Read from the file, not opened as a document: recording must not change what the editor has open.
    curriculumOf: async (path) => decodeEdux(basename(path), await readBytes(path)).manifest.curriculum
  })
  disposers.push(() => recordings.dispose())

  const services: Services = {
    info: { version: opts.version, host: opts.host, dataDir: opts.dataDir, startedAt: clock().toISOString() },
    clock,
    hub,
    storage,
    settings,
    lessons,
    lessonInk,
    classroom,
    sync,
    lessonPlans,
    openLessons,
    courseware,
    library,
    questionBank,
    stats,
    rosters,
    recordings
  }
  const table = registerHandlers(services)

  return {
    services,
    table,
    hub,
    async dispose() {
      for (const d of disposers.reverse()) await d()
      lessons.dispose()
      settings.dispose()
      hub.dispose()
      storage.close()
    }
  }
}
