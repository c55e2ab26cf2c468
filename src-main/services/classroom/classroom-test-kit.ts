/**
 * For the classroom tests: a real ClassroomService on a temp SQLite file, open on 127.0.0.1,
 * and real socket.io-client students.
 */
import { io, type Socket } from 'socket.io-client'
import { join } from 'node:path'
import { StorageService, allMigrations } from '../storage'
import { tempDir } from '../../test-utils/temp-dir'
import { ClassroomService, type ClassroomServiceDeps } from './classroom-service'
import { STUDENT_NAMESPACE, type Ack } from '../../../src-shared/classroom/protocol'
import type { OpenClassInput } from '../../../src-shared/contract/classroom'
import { callInput } from '../../rpc/call-input'
import type { AppErrorData } from '../../../src-shared/errors'
import type { QuestionSpecInput } from '../../../src-shared/classroom/question'
import type { RunTally } from '../../../src-shared/classroom/results'

export const LOOPBACK = [{ name: 'lo', address: '127.0.0.1', internal: true }]

export interface Kit {
  dir: string
  dbFile: string
  storage: StorageService
  service: ClassroomService
  /** service.launch with the spec parsed once here, as dispatch would (defaults, the contract's refusal). */
  launch(spec: QuestionSpecInput, lessonSessionId?: string): RunTally
  url: string
  pin: string
  sockets: Socket[]
  student(opts?: { pin?: string; autoConnect?: boolean }): Socket
  reopenService(extra?: Partial<ClassroomServiceDeps>): ClassroomService
  cleanup(): Promise<void>
}

export function openStorage(dbFile: string): StorageService {
  return StorageService.open({ file: dbFile, migrations: allMigrations, appVersion: 'test' })
}

export async function classroomKit(
  openInput: OpenClassInput = {},
  extra: Partial<ClassroomServiceDeps> = {}
): Promise<Kit> {
  const t = tempDir('classdeck-classroom-')
  const dbFile = join(t.dir, 'classdeck.db')
  const storage = openStorage(dbFile)
  const deps = (s: StorageService): ClassroomServiceDeps => ({
    storage: s,
    settings: { get: () => ({ classroomPort: 0 }) },
    dataDir: t.dir,
    pagesDir: null,
    interfaces: () => LOOPBACK,
    ...extra
  })
  const service = new ClassroomService(deps(storage))
  // Parsed once here, as dispatch would (the title's default filled in).
  const status = await service.open(callInput('classroom:open', { host: '127.0.0.1', port: 0, ...openInput }))
  const sockets: Socket[] = []
  const kit: Kit = {
    dir: t.dir,
    dbFile,
    storage,
    service,
    url: status.url!,
    pin: status.pin!,
    sockets,
    launch: (spec, lessonSessionId) =>
      kit.service.launch(callInput('classroom:launch', { spec }).spec, lessonSessionId),
    student(opts = {}) {
      const s = io(`${kit.url.replace(/\/$/, '')}${STUDENT_NAMESPACE}`, {
        auth: { pin: opts.pin ?? kit.pin },
        transports: ['websocket'],
        reconnection: true,
        reconnectionDelay: 50,
        reconnectionDelayMax: 200,
        forceNew: true,
        autoConnect: opts.autoConnect ?? true
      })
      sockets.push(s)
      return s
    },
    reopenService(more = {}) {
      return new ClassroomService({ ...deps(kit.storage), ...more })
    },
    async cleanup() {
      for (const s of sockets) s.disconnect()
      await kit.service.dispose().catch(() => undefined)
      kit.storage.close()
      t.cleanup()
    }
  }
  return kit
}

export function connected(s: Socket): Promise<void> {
  if (s.connected) return Promise.resolve()
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve())
    s.once('connect_error', (e) => reject(e))
  })
}

export function refusedToConnect(s: Socket): Promise<{ message: string; data?: AppErrorData }> {
  return new Promise((resolve, reject) => {
    s.once('connect', () => reject(new Error('expected a refusal, but the socket connected')))
    s.once('connect_error', (e) => resolve(e as unknown as { message: string; data?: AppErrorData }))
  })
}

export async function call<T = unknown>(s: Socket, event: string, payload?: unknown, ms = 3000): Promise<Ack<T>> {
  return (await s.timeout(ms).emitWithAck(event, payload ?? {})) as Ack<T>
}

/** The result of an ok ack, or a thrown error naming the refusal. */
export async function ok<T = unknown>(s: Socket, event: string, payload?: unknown): Promise<T> {
  const a = await call<T>(s, event, payload)
  if (!a.ok) throw new Error(`${event} refused: ${a.error.message} (${JSON.stringify(a.error.details)})`)
  return a.result
}

export function nextEvent<T = unknown>(s: Socket, event: string, ms = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms)
    s.once(event, (p: T) => {
      clearTimeout(timer)
      resolve(p)
    })
  })
}

export const until = async (cond: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64'
)
