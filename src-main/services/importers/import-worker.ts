/**
 * Worker-thread entry: one job off the main thread, under the time and heap limits run-import.ts
 * sets. An import posts progress, then the result (media buffers transferred, not copied); a text
 * extraction for the library posts the text; a failure posts an AppError as data.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '../../../src-shared/errors'
import { importFile } from './import-file'
import { extractFileText } from './extract-text'
import type { WorkerJob } from './run-import'

async function run(): Promise<void> {
  const job = workerData as WorkerJob
  try {
    if (job.kind === 'text') {
      parentPort?.postMessage({ type: 'text', text: await extractFileText(job.file, job.displayName) })
      return
    }
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
