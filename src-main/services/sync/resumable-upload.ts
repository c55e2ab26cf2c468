/**
 * One file to the platform in parts (init → parts → complete), resumable after a cut, a
 * platform restart or a ClassDeck restart: the platform's upload id is kept in sync_uploads and
 * the platform is asked which parts it already holds. The whole file's sha256 is computed while
 * reading the parts in order, and the platform checks it on complete.
 */
import { createHash } from 'node:crypto'
import { open, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Database } from 'better-sqlite3'
import { AppError } from '../../../src-shared/errors'
import type { Resource, UploadStatus } from '../../../src-shared/platform/dto'
import type { ResourceUploadJob } from '../../../src-shared/contract/sync'
import type { z } from 'zod'

import type { PlatformClient } from './platform-client'

export interface UploadDeps {
  readonly db: Database
  readonly client: PlatformClient
  readonly now: () => Date
  /** Part size to ask the platform for (it may choose another). */
  readonly partSize?: number
  /** Parts on the wire at once, so reading, hashing, sending and the platform's writing overlap. */
  readonly partsInFlight?: number
  /**
   * Send each part's sha256 so the platform can reject a damaged part at once. Off by default:
   * TCP already checks each segment and the whole file's sha256 is checked on complete; this
   * costs one more pass over the file on each side.
   */
  readonly verifyParts?: boolean
}

interface SessionRow {
  outbox_id: number
  generation: number
  upload_id: string | null
  size: number
  part_size: number | null
}

export async function uploadResource(
  deps: UploadDeps,
  outboxId: number,
  key: string,
  job: z.output<typeof ResourceUploadJob>,
  onProgress: (done: number, total: number) => void
): Promise<Resource> {
  const { db, client } = deps
  let size: number
  try {
    size = (await stat(job.filePath)).size
  } catch {
    throw new AppError(
      'NOT_FOUND',
      `要上传的文件不见了：${job.filePath}。请确认文件还在，或删除这条上传。`,
      `The file to upload is missing: ${job.filePath}.`,
      { kind: 'permanent' }
    )
  }
  let session = db.prepare('SELECT * FROM sync_uploads WHERE outbox_id = ?').get(outboxId) as SessionRow | undefined
  if (session && session.size !== size) {
    // The file changed since the upload began: start over with a fresh platform upload.
    db.prepare(
      'UPDATE sync_uploads SET generation = generation + 1, upload_id = NULL, size = ?, part_size = NULL, updated_at = ? WHERE outbox_id = ?'
    ).run(size, deps.now().toISOString(), outboxId)
    session = undefined
  }
  if (!session) {
    db.prepare('INSERT OR IGNORE INTO sync_uploads(outbox_id, size, updated_at) VALUES (?, ?, ?)').run(
      outboxId,
      size,
      deps.now().toISOString()
    )
    session = db.prepare('SELECT * FROM sync_uploads WHERE outbox_id = ?').get(outboxId) as SessionRow
  }

  let status: UploadStatus | null = null
  if (session.upload_id) {
    try {
      status = await client.uploadStatus(session.upload_id)
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e
      // The platform forgot it (expired): a new generation gets a new init key and a new upload.
      db.prepare(
        'UPDATE sync_uploads SET generation = generation + 1, upload_id = NULL, updated_at = ? WHERE outbox_id = ?'
      ).run(deps.now().toISOString(), outboxId)
      session = db.prepare('SELECT * FROM sync_uploads WHERE outbox_id = ?').get(outboxId) as SessionRow
    }
  }
  if (!status) {
    const init = {
      fileName: job.fileName ?? basename(job.filePath),
      size,
      ...(job.mimeType ? { mimeType: job.mimeType } : {}),
      ...(deps.partSize ? { partSize: deps.partSize } : {})
    }
    // The init key is stable per generation, so a crash between init and saving its id loses nothing.
    status = await client.initUpload(init, `${key}:init:${session.generation}`)
    db.prepare('UPDATE sync_uploads SET upload_id = ?, part_size = ?, updated_at = ? WHERE outbox_id = ?').run(
      status.uploadId,
      status.partSize,
      deps.now().toISOString(),
      outboxId
    )
  }

  const have = new Set(status.receivedParts)
  const partSize = status.partSize
  const hash = createHash('sha256')
  let done = 0
  for (const n of have) done += n === status.partCount - 1 ? size - partSize * n : partSize
  onProgress(done, size)
  const fh = await open(job.filePath, 'r')
  try {
    // Part buffers are reused (a 300 MB video is ~40 parts): less garbage, steadier throughput.
    const pool: Buffer[] = []
    // Read part n+1 while part n is on the wire, so the disk and the network overlap.
    const read = async (n: number): Promise<Buffer> => {
      const len = n === status!.partCount - 1 ? size - partSize * n : partSize
      const buf = (pool.pop() ?? Buffer.allocUnsafe(partSize)).subarray(0, len)
      const { bytesRead } = await fh.read(buf, 0, len, n * partSize)
      if (bytesRead !== len)
        throw new AppError(
          'FILE_INVALID',
          `上传中的文件被改动了：${job.filePath}。请重新上传。`,
          `The file changed during upload: ${job.filePath}.`,
          { kind: 'permanent' }
        )
      return buf
    }
    const prefetch = (n: number): Promise<Buffer> => {
      const p = read(n)
      p.catch(() => {}) // awaited below; if the loop stops early, its failure is not an unhandled rejection
      return p
    }
    const limit = Math.max(1, deps.partsInFlight ?? 3)
    const inflight = new Set<Promise<void>>()
    let failure: { error: unknown } | null = null
    let next: Promise<Buffer> | null = status.partCount > 0 ? prefetch(0) : null
    for (let n = 0; n < status.partCount && !failure; n++) {
      const buf = await next!
      next = n + 1 < status.partCount ? prefetch(n + 1) : null
      // The whole file's hash is taken in order here, whatever order the parts arrive in.
      hash.update(buf)
      if (have.has(n)) {
        pool.push(Buffer.from(buf.buffer, buf.byteOffset, partSize))
        continue
      }
      while (inflight.size >= limit) await Promise.race(inflight)
      if (failure) break
      const p: Promise<void> = client
        .putPart(status.uploadId, n, buf, deps.verifyParts ? createHash('sha256').update(buf).digest('hex') : null)
        .then(
          () => {
            done += buf.length
            pool.push(Buffer.from(buf.buffer, buf.byteOffset, partSize))
            onProgress(done, size)
          },
          (error: unknown) => {
            failure ??= { error }
          }
        )
        .finally(() => inflight.delete(p))
      inflight.add(p)
    }
    await Promise.all(inflight)
    if (failure) throw (failure as { error: unknown }).error
  } finally {
    await fh.close()
  }
  const resource = await client.completeUpload(
    status.uploadId,
    {
      sha256: hash.digest('hex'),
      title: job.title,
      type: job.type,
      chapterId: job.chapterId,
      original: job.original,
      public: job.public
    },
    key
  )
  db.prepare('DELETE FROM sync_uploads WHERE outbox_id = ?').run(outboxId)
  return resource
}
