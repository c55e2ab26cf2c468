/**
 * Atomic replace: write beside the target, fsync, rename over it, fsync the folder. Readers and a
 * crash at any instant see the old file or the new one, never a mix. All I/O is async and written in
 * slices, so a large save never holds the event loop.
 */
import { open, rename, unlink, mkdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'

const SLICE = 1024 * 1024

export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(target)
  // Saving into a folder that does not exist yet (the data folder's courseware/ or exports/) creates it.
  await mkdir(dir, { recursive: true })
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const fh = await open(tmp, 'wx', 0o644)
  try {
    for (let off = 0; off < bytes.length; off += SLICE) {
      const end = Math.min(bytes.length, off + SLICE)
      let pos = off
      while (pos < end) {
        const { bytesWritten } = await fh.write(bytes, pos, end - pos, pos)
        pos += bytesWritten
      }
    }
    await fh.sync()
  } catch (e) {
    await fh.close().catch(() => undefined)
    await unlink(tmp).catch(() => undefined)
    throw e
  }
  await fh.close()
  try {
    await rename(tmp, target)
  } catch (e) {
    await unlink(tmp).catch(() => undefined)
    throw e
  }
  await syncDir(dir)
}

/** Make the rename itself durable. Windows cannot open a folder for fsync; NTFS journals renames. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const fh = await open(dir, 'r')
  try {
    await fh.sync()
  } finally {
    await fh.close()
  }
}

/** Leftover `.name.pid.rand.tmp` files from a crash mid-save are harmless; this names them for cleanup. */
export function isAtomicTemp(name: string): boolean {
  return /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/.test(name)
}
