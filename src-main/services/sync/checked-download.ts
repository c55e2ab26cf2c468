/**
 * A platform resource to a local file, verified by sha256 before it is kept: the bytes go to
 * `<name>.part`, a cut resumes with a Range request from where it stopped, and only a file
 * whose hash matches the platform's is renamed into place. A mismatch is deleted and reported.
 */
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import { AppError } from '../../../src-shared/errors'
import { safeFileName } from '../../../src-shared/files/safe-file-name'
import type { Resource } from '../../../src-shared/platform/dto'
import { ownRefusal, type PlatformClient } from './platform-client'
import { failureKind } from './platform-errors'

const MAX_ATTEMPTS = 5

export async function downloadResource(
  client: PlatformClient,
  resourceId: string,
  targetDir: string,
  onProgress: (done: number, total: number) => void = () => {}
): Promise<{ resource: Resource; path: string; sha256: string }> {
  const resource = await client.resource(resourceId)
  if (resource.id !== resourceId) {
    throw new AppError(
      'VALIDATION',
      `教育平台返回的资源（${resource.id}）不是请求的资源（${resourceId}），已拒绝下载。`,
      `The platform answered with resource ${resource.id} instead of ${resourceId}; the download was refused.`,
      { kind: 'permanent', requested: resourceId, answered: resource.id }
    )
  }
  mkdirSync(targetDir, { recursive: true })
  // The platform's id and name are its data, not ours to trust as a path.
  const target = insideFolder(targetDir, safeFileName(`${resource.id}-${resource.fileName}`))
  const part = `${target}.part`

  for (let attempt = 1; ; attempt++) {
    const have = existsSync(part) ? statSync(part).size : 0
    if (have > resource.size) rmSync(part)
    try {
      if (have < resource.size) {
        const { stream, status } = await client.content(resource.id, have, resource.size)
        // A server that ignores Range sends everything again: start the file over.
        const append = have > 0 && status === 206
        let done = append ? have : 0
        const count = new Transform({
          transform(chunk: Buffer, _e, cb) {
            done += chunk.length
            onProgress(done, resource.size)
            cb(null, chunk)
          }
        })
        await pipeline(stream, count, createWriteStream(part, { flags: append ? 'a' : 'w' }))
      }
      break
    } catch (e) {
      // Refused on our side (too many bytes, a redirect elsewhere): trying again changes nothing.
      const own = ownRefusal(e)
      if (own) {
        rmSync(part, { force: true })
        throw own
      }
      const err = AppError.from(e)
      const transient = !(e instanceof AppError) || failureKind(err) === 'offline' || failureKind(err) === 'transient'
      if (!transient || attempt >= MAX_ATTEMPTS)
        throw e instanceof AppError
          ? e
          : new AppError(
              'UNAVAILABLE',
              `下载中断：${err.message}。请稍后重试。`,
              `Download interrupted: ${err.messageEn}. Try again later.`,
              { kind: 'transient' }
            )
    }
  }

  const hash = createHash('sha256')
  for await (const chunk of createReadStream(part, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer)
  const sha256 = hash.digest('hex')
  if (sha256 !== resource.sha256) {
    rmSync(part, { force: true })
    throw new AppError(
      'FILE_INVALID',
      `下载的文件校验失败（${resource.title}）：内容与平台记录不一致，已删除。请重新下载。`,
      `The downloaded file failed its checksum (${resource.title}) and was deleted. Download it again.`,
      { expected: resource.sha256, actual: sha256 }
    )
  }
  renameSync(part, target)
  return { resource, path: target, sha256 }
}

/** `dir/name`, resolved, and refused unless it is a file directly inside `dir`. */
export function insideFolder(dir: string, name: string): string {
  const root = resolve(dir)
  const target = resolve(root, name)
  const rel = relative(root, target)
  // Exactly one plain segment below the folder: not the folder itself, not above it, not deeper.
  if (rel === '' || rel === '..' || isAbsolute(rel) || /[\\/]/.test(rel)) {
    throw new AppError(
      'FILE_INVALID',
      `平台资源的文件名“${name}”会写到下载文件夹之外，已拒绝。`,
      `The platform resource's file name "${name}" would be written outside the downloads folder and was refused.`,
      { kind: 'permanent', name }
    )
  }
  return target
}
