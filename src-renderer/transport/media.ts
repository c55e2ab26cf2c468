/**
 * Media files go over plain HTTP to the host that served the page (the browser host, or
 * Electron's app:// protocol), not through JSON calls: same URL scheme in both hosts.
 */
import { MediaRef, mediaExtFor } from '../../src-shared/courseware/primitives'
import { AppError, isAppErrorData } from '../../src-shared/errors'

export function mediaUrl(ref: MediaRef): string {
  return `./media/${ref.hash}.${ref.ext}`
}

export async function uploadMedia(file: Blob & { name?: string }): Promise<MediaRef> {
  const ext = mediaExtFor(file.type || file.name || '')
  if (ext === 'bin')
    throw new AppError(
      'VALIDATION',
      `不支持的文件类型：${file.name ?? file.type}`,
      `Unsupported file type: ${file.name ?? file.type}`
    )
  const res = await fetch(`./media?ext=${ext}`, { method: 'POST', body: file, headers: { 'x-classdeck-upload': '1' } })
  const body: unknown = await res.json().catch(() => null)
  if (body && typeof body === 'object' && 'ok' in body) {
    if (body.ok === true && 'result' in body) return MediaRef.parse(body.result)
    if ('error' in body && isAppErrorData(body.error)) throw AppError.fromData(body.error)
  }
  throw new AppError('UNAVAILABLE', `上传失败（HTTP ${res.status}）`, `Upload failed (HTTP ${res.status})`)
}

/** Sends a file the teacher picked to the host (streamed, any size up to 1 GB); returns its path there. */
export async function uploadFile(file: File, purpose: 'import' | 'library'): Promise<string> {
  const res = await fetch(`./incoming?purpose=${purpose}&name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    body: file,
    headers: { 'x-classdeck-upload': '1' }
  })
  const body: unknown = await res.json().catch(() => null)
  if (body && typeof body === 'object' && 'ok' in body) {
    if (body.ok === true && 'result' in body && body.result && typeof body.result === 'object' && 'path' in body.result)
      return String(body.result.path)
    if ('error' in body && isAppErrorData(body.error)) throw AppError.fromData(body.error)
  }
  throw new AppError('UNAVAILABLE', `上传失败（HTTP ${res.status}）`, `Upload failed (HTTP ${res.status})`)
}

/** Where an exported file can be downloaded from. */
export function exportUrl(fileName: string): string {
  return `./exports/${encodeURIComponent(fileName)}`
}

/** For the importers (PowerPoint, Word, .edux, PDF). */
export function uploadForImport(file: File): Promise<string> {
  return uploadFile(file, 'import')
}
