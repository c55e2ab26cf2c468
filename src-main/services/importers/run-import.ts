/**
 * Run an import in a worker_thread with progress events, a time limit and a heap limit. A file that
 * hangs or balloons is stopped and refused with a clear reason; the UI thread never waits on it.
 */
import { Worker } from 'node:worker_threads'
import { basename } from 'node:path'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createRequire } from 'node:module'
import { AppError, type AppErrorData } from '../../../src-shared/errors'
import type { Deck, ImportReport } from '../../../src-shared/courseware'
import type { ImportOptions, ImportResult } from './import-types'

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
  const { onProgress, timeoutMs = 30_000, maxHeapMb = 768, workerFile, ...options } = opts
  const entry = workerFile ?? defaultWorker()
  const name = basename(file)
  return new Promise<ImportResult>((resolve, reject) => {
    const worker = new Worker(entry, {
      workerData: { file, options },
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 64 }
    })
    let settled = false
    const finish = (fn: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      fn()
      void worker.terminate()
    }
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new AppError(
              'LIMIT',
              `导入“${name}”超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止。文件可能过大或已损坏。`,
              `Importing "${name}" took longer than ${Math.round(timeoutMs / 1000)} s and was stopped. The file may be too large or damaged.`,
              { file: name, reason: 'timeout' }
            )
          )
        ),
      timeoutMs
    )
    worker.on(
      'message',
      (
        m:
          | { type: 'progress'; done: number; total: number }
          | { type: 'done'; deck: Deck; report: ImportReport; media: [string, Uint8Array][] }
          | { type: 'error'; error: AppErrorData }
      ) => {
        if (m.type === 'progress') onProgress?.(m.done, m.total)
        else if (m.type === 'done') finish(() => resolve({ deck: m.deck, report: m.report, media: new Map(m.media) }))
        else finish(() => reject(AppError.fromData(m.error)))
      }
    )
    worker.on('error', (e: Error & { code?: string }) => {
      const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY'
      finish(() =>
        reject(
          oom
            ? new AppError(
                'LIMIT',
                `导入“${name}”需要的内存超过 ${maxHeapMb} MB，已停止。`,
                `Importing "${name}" needed more than ${maxHeapMb} MB of memory and was stopped.`,
                { file: name, reason: 'memory' }
              )
            : new AppError(
                'INTERNAL',
                `导入“${name}”时出错：${e.message}`,
                `Importing "${name}" failed: ${e.message}`,
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
            `导入“${name}”的后台任务意外退出（${code}）。`,
            `The import of "${name}" stopped unexpectedly (${code}).`,
            { file: name }
          )
        )
      )
    })
  })
}
