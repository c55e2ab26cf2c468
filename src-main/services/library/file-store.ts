/**
 * Library files stored by content: `<dir>/<first two hex>/<sha256>.<ext>`. The same bytes added
 * twice are kept once. A file is copied beside its final name and renamed, so a crash never
 * leaves a half-written file under a hash it does not match.
 */
import { createHash, randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, mkdir, rename, rm, stat, access } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { AppError } from '../../../src-shared/errors'

export interface StoredFile {
  readonly sha256: string
  readonly size: number
  /** Relative to the store's folder, with forward slashes. */
  readonly rel: string
}

export class LibraryFileStore {
  readonly dir: string

  constructor(dir: string) {
    this.dir = dir
  }

  absolute(rel: string): string {
    return join(this.dir, ...rel.split('/'))
  }

  /** Hash first (streaming, so a video is never held in memory), then copy only if new. */
  async putFile(src: string): Promise<StoredFile> {
    let size: number
    try {
      const st = await stat(src)
      if (!st.isFile()) throw new Error('not a file')
      size = st.size
    } catch {
      throw new AppError(
        'NOT_FOUND',
        `找不到文件“${src}”，或它不是一个文件。请确认文件仍在原处后重新添加。`,
        `The file "${src}" was not found or is not a file. Check that it is still there and add it again.`,
        { path: src }
      )
    }
    const sha256 = await hashFile(src)
    const rel = relFor(sha256, src)
    const dest = this.absolute(rel)
    if (!(await exists(dest))) {
      await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true })
      const tmp = `${dest}.${randomUUID()}.tmp`
      try {
        await copyFile(src, tmp)
        await rename(tmp, dest)
      } catch (e) {
        await rm(tmp, { force: true })
        throw storeFailed(src, e)
      }
    }
    return { sha256, size, rel }
  }

  /**
   * Takes a file this process wrote and hashed itself (a recording) by renaming it into the store:
   * no second read or copy of a long video. It must be on the same disk as the store.
   */
  async adopt(src: string, sha256: string, size: number): Promise<StoredFile> {
    const rel = relFor(sha256, src)
    const dest = this.absolute(rel)
    await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true })
    try {
      if (await exists(dest)) await rm(src, { force: true })
      else await rename(src, dest)
    } catch (e) {
      throw storeFailed(src, e)
    }
    return { sha256, size, rel }
  }

  async remove(rel: string): Promise<void> {
    await rm(this.absolute(rel), { force: true })
  }
}

function relFor(sha256: string, name: string): string {
  const ext = extname(name)
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '')
    .slice(0, 12)
  return `${sha256.slice(0, 2)}/${sha256}${ext}`
}

export function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => h.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')))
  })
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p)
    return true
  } catch {
    return false
  }
}

function storeFailed(name: string, e: unknown): AppError {
  const why = e instanceof Error ? e.message : String(e)
  return new AppError(
    'UNAVAILABLE',
    `无法把“${name}”存入资源库（${why}）。请检查磁盘空间和数据文件夹的写入权限后重试。`,
    `Could not store "${name}" in the library (${why}). Check free disk space and write access to the data folder, then try again.`,
    { name }
  )
}
