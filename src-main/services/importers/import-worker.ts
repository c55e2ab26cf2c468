/**
 * Worker-thread entry: one job off the main thread, under the time and heap limits run-import.ts
 * sets. An import posts progress, then the result (media buffers transferred, not copied); a text
 * extraction for the library posts the text; a failure posts an AppError as data.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '../../../src-shared/errors'
import { importFile } from './import-file'
import { extractFileText } from './extract-text'
import { sanitizeLessonHtml } from './html-sanitize'
import type { WorkerJob, WorkerStart } from './run-import'

async function run(job: WorkerJob): Promise<void> {
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

const start = workerData as WorkerStart
if (start.kind === 'spare') {
  // A spare loads mammoth and jsdom (~0.75 s and most of a worker's memory) before it is needed, then
  // takes exactly one job: the next import does not pay for them, and each import still gets a fresh heap.
  void (async () => {
    try {
      await import('mammoth')
      sanitizeLessonHtml('<p>预热</p>')
    } catch {
      // The job that follows will load them again and report what fails.
    }
    parentPort?.postMessage({ type: 'ready' })
    parentPort?.once('message', (job: WorkerJob) => void run(job))
  })()
} else void run(start)
