/**
 * Worker-thread entry: imports one file off the main thread and posts progress, then the result
 * (media buffers transferred, not copied) or an AppError as data.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '../../../src-shared/errors'
import { importFile } from './import-file'
import type { ImportOptions } from './import-types'

interface Job {
  file: string
  options: Omit<ImportOptions, 'onProgress'>
}

async function run(): Promise<void> {
  const job = workerData as Job
  try {
    const result = await importFile(job.file, {
      ...job.options,
      onProgress: (done, total) => parentPort?.postMessage({ type: 'progress', done, total })
    })
    const media = [...result.media.entries()].map(([k, v]) => [k, v] as const)
    const transfer = media.map(([, v]) => v.buffer as ArrayBuffer).filter((b, i, all) => all.indexOf(b) === i)
    parentPort?.postMessage({ type: 'done', deck: result.deck, report: result.report, media }, transfer)
  } catch (e) {
    parentPort?.postMessage({ type: 'error', error: AppError.from(e).toData() })
  }
}
void run()
