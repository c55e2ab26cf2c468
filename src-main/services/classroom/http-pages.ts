/**
 * The classroom server's plain HTTP side: the built student/remote pages (only those and
 * their assets, never the teacher app), a fallback page when they are not built, and
 * reading an upload body with a hard size limit.
 */
import { existsSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AppErrorData } from '../../../src-shared/errors'
import { LIMITS } from '../../../src-shared/classroom/protocol'
import { fallbackPage } from './fallback-page'
import { notModified, staticBody } from './static-files'
import { parseRequestUrl } from '../../security/http-guard'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.json': 'application/json'
}

const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY'
}

export function pagesBuilt(pagesDir: string | null): boolean {
  return pagesDir !== null && existsSync(join(pagesDir, 'student.html'))
}

/** Serves GET requests for pages and assets; returns false when the path is not one of ours. */
export function servePage(pagesDir: string | null, req: IncomingMessage, res: ServerResponse): boolean {
  const url = parseRequestUrl(req.url)
  if (!url) return false
  let path = url.pathname
  if (path === '/' || path === '/index.html') path = '/student.html'
  const page = path === '/student.html' || path === '/remote.html'
  const asset = path.startsWith('/assets/') && !path.includes('..')
  if (!page && !asset && path !== '/favicon.ico') return false

  if (pagesDir && (page ? pagesBuilt(pagesDir) || existsSync(join(pagesDir, path)) : true)) {
    const file = normalize(join(pagesDir, path))
    if (file.startsWith(normalize(pagesDir) + sep) && existsSync(file) && statSync(file).isFile()) {
      const type = TYPES[extname(file)] ?? 'application/octet-stream'
      const out = staticBody(file, type, req.headers['accept-encoding'])
      const headers = {
        ...BASE_HEADERS,
        // The page names the hashed assets, so it is checked every time and they never are.
        'Cache-Control': page ? 'no-cache' : 'public, max-age=31536000, immutable',
        ETag: out.etag,
        ...(out.varies ? { Vary: 'Accept-Encoding' } : {}),
        ...(page
          ? {
              'Content-Security-Policy':
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; frame-ancestors 'none'"
            }
          : {})
      }
      if (notModified(req.headers['if-none-match'], out.etag)) {
        res.writeHead(304, headers)
        res.end()
        return true
      }
      res.writeHead(200, {
        ...headers,
        'Content-Type': type,
        'Content-Length': out.body.length,
        ...(out.encoding !== 'identity' ? { 'Content-Encoding': out.encoding } : {})
      })
      res.end(req.method === 'HEAD' ? undefined : out.body)
      return true
    }
  }
  if (page) {
    res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' })
    res.end(fallbackPage(path === '/remote.html' ? 'remote' : 'student'))
    return true
  }
  res.writeHead(404, BASE_HEADERS)
  res.end()
  return true
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store'
  })
  res.end(JSON.stringify(body))
}

export function sendRefusal(res: ServerResponse, status: number, error: AppErrorData): void {
  sendJson(res, status, { ok: false, error })
}

export class BodyTooLarge extends Error {}

/** The request body, or BodyTooLarge as soon as it passes `limit` bytes (the rest is not read). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN)
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge())
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    req.on('data', (c: Buffer) => {
      if (done) return
      size += c.length
      if (size > limit) {
        done = true
        req.pause()
        reject(new BodyTooLarge())
        return
      }
      chunks.push(c)
    })
    req.on('end', () => {
      if (!done) {
        done = true
        resolve(Buffer.concat(chunks))
      }
    })
    req.on('error', (err) => {
      if (!done) {
        done = true
        reject(err)
      }
    })
  })
}

/** The image type from the bytes themselves (the declared Content-Type must agree). */
export function sniffImage(buf: Buffer): (typeof LIMITS.photoTypes)[number] | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg'
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png'
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp'
  return null
}

export const PHOTO_EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

export function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization
  if (typeof h !== 'string') return null
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,100})$/.exec(h.trim())
  return m ? m[1]! : null
}
