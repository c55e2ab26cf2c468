/**
 * Media by content: `<dataDir>/media/<sha256>.<ext>`. Opening or importing a deck puts its media here
 * once; saving reads it back. Same bytes, same file, so copies across decks cost nothing.
 */
import { mkdirSync, existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../../src-shared/errors'
import { mediaPath, type MediaRef } from '../../../src-shared/courseware'
import { writeFileAtomic } from './atomic-write'
import { sha256Hex } from './edux-file'

export class MediaStore {
  readonly dir: string

  constructor(dir: string) {
    this.dir = dir
    mkdirSync(dir, { recursive: true })
  }

  fileOf(ref: MediaRef): string {
    return join(this.dir, `${ref.hash}.${ref.ext}`)
  }

  has(ref: MediaRef): boolean {
    return existsSync(this.fileOf(ref))
  }

  async put(bytes: Uint8Array, ext: MediaRef['ext']): Promise<MediaRef> {
    const ref: MediaRef = { hash: sha256Hex(bytes), ext }
    if (!this.has(ref)) await writeFileAtomic(this.fileOf(ref), bytes)
    return ref
  }

  /** Store media already keyed by zip path (as decodeEdux and importers return it). */
  async putAll(media: ReadonlyMap<string, Uint8Array>): Promise<void> {
    for (const [path, bytes] of media) {
      const m = /^media\/([0-9a-f]{64})\.([a-z0-9]+)$/.exec(path)
      if (!m) continue
      const ref = { hash: m[1]!, ext: m[2] as MediaRef['ext'] }
      if (!this.has(ref)) await writeFileAtomic(this.fileOf(ref), bytes)
    }
  }

  async get(ref: MediaRef): Promise<Uint8Array> {
    try {
      return new Uint8Array(await readFile(this.fileOf(ref)))
    } catch {
      throw new AppError(
        'NOT_FOUND',
        `找不到媒体文件 ${mediaPath(ref)}，请重新插入该图片或媒体。`,
        `Media ${mediaPath(ref)} was not found; insert the image or media again.`,
        { ref }
      )
    }
  }

  /** Bytes for every ref, keyed by zip path. */
  async getAll(refs: Iterable<[string, MediaRef]>): Promise<Map<string, Uint8Array>> {
    const out = new Map<string, Uint8Array>()
    for (const [path, ref] of refs) out.set(path, await this.get(ref))
    return out
  }
}
