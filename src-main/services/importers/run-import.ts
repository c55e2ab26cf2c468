/**
 * Run an import (or the library's text extraction) in a worker_thread with progress events, a time
 * limit and a heap limit. A file that hangs or balloons is stopped and refused with a clear reason;
 * the UI thread never waits on it. Buffers are bounded where they are made: GuardedZip never
 * inflates an entry past its declared size, and the declared sizes are limited on open.
 */
import { Worker } from 'node:worker_threads'
import { basename } from 'node:path'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createRequire } from 'node:module'
import { AppError, type AppErrorData } from '../../../src-shared/errors'
import type { Deck, ImportReport } from '../../../src-shared/courseware'
import type { ImportOptions, ImportResult } from './import-types'
import type { ExtractedText } from './extract-text'

/** What the worker is asked to do (import-worker.ts). */
export type WorkerJob =
  | { readonly kind: 'import'; readonly file: string; readonly options: Omit<ImportOptions, 'onProgress'> }
  | { readonly kind: 'text'; readonly file: string; readonly displayName: string }

/** How a worker starts: with its job, or as a spare that loads the importers and waits for one. */
export type WorkerStart = WorkerJob | { readonly kind: 'spare' }

type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; deck: Deck; report: ImportReport; media: [string, Uint8Array][] }
  | { type: 'text'; text: ExtractedText }
  | { type: 'error'; error: AppErrorData }
  | { type: 'ready' }

export interface WorkerLimits {
  readonly timeoutMs?: number
  readonly maxHeapMb?: number
  readonly workerFile?: string
}

export interface RunImportOptions extends Omit<ImportOptions, 'onProgress'> {
  onProgress?: (done: number, total: number) => void
  timeoutMs?: number
  maxHeapMb?: number
  /** The compiled worker script; defaults to import-worker.mjs beside the bundle (import-worker.ts under tsx/vitest). */
  workerFile?: string
}

const HERE = fileURLToPath(import.meta.url)
const RUNNING_TS = HERE.endsWith('.ts')

/** The worker entry: the compiled script, or under tsx/vitest a bootstrap that registers tsx first. */
function defaultWorker(): string | URL {
  if (RUNNING_TS) {
    const tsxApi = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')
    const entry = HERE.replace(/run-import\.ts$/, 'import-worker.ts')
    const code = `import { register } from ${JSON.stringify(pathToFileURL(tsxApi).href)}; register(); await import(${JSON.stringify(pathToFileURL(entry).href)});`
    return new URL(`data:text/javascript,${encodeURIComponent(code)}`)
  }
  if (/run-import\.(c|m)?js$/.test(HERE)) return HERE.replace(/run-import\.(c|m)?js$/, 'import-worker.$1js')
  // Inside a bundle (dist/node/cli.mjs, dist/main/electron-main.cjs) the worker is bundled beside it.
  return join(dirname(HERE), HERE.endsWith('.cjs') ? 'import-worker.cjs' : 'import-worker.mjs')
}

export function runImport(file: string, opts: RunImportOptions = {}): Promise<ImportResult> {
  const { onProgress, timeoutMs, maxHeapMb, workerFile, ...options } = opts
  return runJob<ImportResult>(
    { kind: 'import', file, options },
    { verb: { zh: '导入', en: 'Importing' }, name: basename(file), timeoutMs, maxHeapMb, workerFile },
    (m) => {
      if (m.type === 'progress') onProgress?.(m.done, m.total)
      return m.type === 'done' ? { deck: m.deck, report: m.report, media: new Map(m.media) } : undefined
    }
  )
}

/**
 * The text of a file for the library's search index, read in the worker under the same limits as
 * an import (a GiB-inflating Word file costs the worker, not the teacher's app). `displayName`
 * names the file in errors (the library's copy on disk is named by its hash).
 */
export function runTextExtraction(
  file: string,
  displayName: string,
  limits: WorkerLimits = {}
): Promise<ExtractedText> {
  return runJob<ExtractedText>(
    { kind: 'text', file, displayName },
    {
      verb: { zh: '读取文字', en: 'Reading the text of' },
      name: displayName,
      timeoutMs: limits.timeoutMs ?? 60_000,
      maxHeapMb: limits.maxHeapMb ?? 512,
      workerFile: limits.workerFile
    },
    (m) => (m.type === 'text' ? m.text : undefined)
  )
}

interface JobOptions {
  readonly verb: { readonly zh: string; readonly en: string }
  readonly name: string
  readonly timeoutMs?: number | undefined
  readonly maxHeapMb?: number | undefined
  readonly workerFile?: string | undefined
}

function runJob<T>(job: WorkerJob, o: JobOptions, onMessage: (m: WorkerMessage) => T | undefined): Promise<T> {
  const { verb, name, timeoutMs = 30_000, maxHeapMb = 768 } = o
  const entry = o.workerFile ?? defaultWorker()
  return new Promise<T>((resolve, reject) => {
    const worker = job.kind === 'import' ? takeSpare(entry, maxHeapMb, job) : startWorker(entry, maxHeapMb, job)
    let settled = false
    const finish = (fn: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      fn()
      void worker.terminate()
      if (job.kind === 'import') keepSpare(entry, maxHeapMb)
    }
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new AppError(
              'LIMIT',
              `${verb.zh}“${name}”超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止。文件可能过大或已损坏。`,
              `${verb.en} "${name}" took longer than ${Math.round(timeoutMs / 1000)} s and was stopped. The file may be too large or damaged.`,
              { file: name, reason: 'timeout' }
            )
          )
        ),
      timeoutMs
    )
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'error') {
        finish(() => reject(AppError.fromData(m.error)))
        return
      }
      const result = onMessage(m)
      if (result !== undefined) finish(() => resolve(result))
    })
    worker.on('error', (e: Error & { code?: string }) => {
      const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY'
      finish(() =>
        reject(
          oom
            ? new AppError(
                'LIMIT',
                `${verb.zh}“${name}”需要的内存超过 ${maxHeapMb} MB，已停止。`,
                `${verb.en} "${name}" needed more than ${maxHeapMb} MB of memory and was stopped.`,
                { file: name, reason: 'memory' }
              )
            : new AppError(
                'INTERNAL',
                `${verb.zh}“${name}”时出错：${e.message}`,
                `${verb.en} "${name}" failed: ${e.message}`,
                { file: name }
              )
        )
      )
    })
    worker.on('exit', (code) => {
      finish(() =>
        reject(
          new AppError(
            'INTERNAL',
            `${verb.zh}“${name}”的后台任务意外退出（${code}）。`,
            `${verb.en} "${name}" stopped unexpectedly (${code}).`,
            { file: name }
          )
        )
      )
    })
  })
}

function startWorker(entry: string | URL, maxHeapMb: number, start: WorkerStart): Worker {
  return new Worker(entry, {
    workerData: start,
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 64 }
  })
}

/**
 * One spare import worker per (script, heap limit), started when an import ends. A cold worker spent
 * ~0.75 s of every import loading mammoth and jsdom (a 20-paragraph plan: 754 ms in its report); a
 * spare has them loaded. It takes one job and is then stopped, so no import sees another's heap.
 */
const spares = new Map<string, Worker>()
const spareKey = (entry: string | URL, maxHeapMb: number) => `${String(entry)}|${maxHeapMb}`

function keepSpare(entry: string | URL, maxHeapMb: number): void {
  const key = spareKey(entry, maxHeapMb)
  if (spares.has(key)) return
  const spare = startWorker(entry, maxHeapMb, { kind: 'spare' })
  // An idle spare must not keep the app (or a test run) alive, and one that dies is simply forgotten.
  spare.unref()
  const forget = () => {
    if (spares.get(key) === spare) spares.delete(key)
  }
  spare.once('exit', forget)
  spare.once('error', forget)
  spares.set(key, spare)
}

/** Ends every idle spare: a measurement of one import's memory must not count a spare booting for the next. */
export async function stopSpareWorkers(): Promise<void> {
  const idle = [...spares.values()]
  spares.clear()
  await Promise.all(idle.map((w) => w.terminate()))
}

function takeSpare(entry: string | URL, maxHeapMb: number, job: WorkerJob): Worker {
  const key = spareKey(entry, maxHeapMb)
  const spare = spares.get(key)
  if (!spare) return startWorker(entry, maxHeapMb, job)
  spares.delete(key)
  spare.ref()
  spare.postMessage(job)
  return spare
}
