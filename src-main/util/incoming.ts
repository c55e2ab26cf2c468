/**
 * Files a teacher picks in the browser host arrive in `<data>/incoming/<upload id>/<name>`
 * (hosts/media-files.ts) because the services read files by path. They are only a way in: the
 * service copies what it keeps (the library's store, the media store, the question bank), so each
 * upload's folder is removed once the call that consumed it is done, succeeded or not, and
 * whatever a crash or a closed tab left behind is removed when ClassDeck starts.
 */
import { rmSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'

export function incomingRoot(dataDir: string): string {
  return join(dataDir, 'incoming')
}

/** The upload's own folder a path sits in, or null for any other path (a teacher's own file in Electron). */
export function incomingFolderOf(dataDir: string, path: string): string | null {
  const root = resolve(incomingRoot(dataDir))
  const rel = relative(root, resolve(path))
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null
  const parts = rel.split(sep)
  // <upload id>/<name>: the file itself must be inside an upload's folder.
  return parts.length >= 2 && parts[0] ? join(root, parts[0]) : null
}

export function releaseIncoming(dataDir: string, path: string): void {
  const folder = incomingFolderOf(dataDir, path)
  if (folder) rmSync(folder, { recursive: true, force: true })
}

/** Runs the call that reads `path`, then removes the upload it came in (if it was one). */
export async function consumingIncoming<T>(dataDir: string, path: string, call: () => T | Promise<T>): Promise<T> {
  try {
    return await call()
  } finally {
    releaseIncoming(dataDir, path)
  }
}

/** At start: no call is reading an upload yet, so every one left is an orphan. */
export function clearIncoming(dataDir: string): void {
  rmSync(incomingRoot(dataDir), { recursive: true, force: true })
}
