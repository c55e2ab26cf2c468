/**
 * Serves the built renderer, media and exports at app://classdeck/… with the same security headers
 * as the browser host (security/security-headers.ts): the app CSP on pages and assets, a sandbox
 * CSP on active media (an SVG opened directly runs in an opaque origin), nosniff on everything.
 */
import { basename, join, normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { APP_SCHEME } from '../../../src-shared/contract/ipc'
import { securityHeaders, type SecurityKind } from '../../security/security-headers'
import { AppError } from '../../../src-shared/errors'
import { MEDIA_UPLOAD_HEADER, exportFileFor, mediaFileFor, storeIncomingUpload, storeMediaUpload } from '../media-files'
import type { ShellElectron } from './electron-api'

export function registerAppScheme(protocol: ShellElectron['protocol']): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/** `res` with our headers over whatever the file loader set (its content type stays). */
function withHeaders(res: Response, kind: SecurityKind, opts: { mime?: string; fileName?: string } = {}): Response {
  const headers = new Headers(res.headers)
  if (opts.mime) headers.set('content-type', opts.mime)
  for (const [k, v] of Object.entries(securityHeaders(kind, opts))) headers.set(k, v)
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers })
}

const text = (status: number, body: string): Response =>
  withHeaders(new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } }), 'data')

/** The handler itself, separate from its registration so it is tested with a fake `net`. */
export function appProtocolHandler(
  net: ShellElectron['net'],
  rendererDir: string,
  dataDir: string
): (request: Request) => Promise<Response> {
  const mediaDir = join(dataDir, 'media')
  const root = normalize(rendererDir)
  return async (request) => {
    const url = new URL(request.url)
    if ((url.pathname === '/media' || url.pathname === '/incoming') && request.method === 'POST') {
      if (!request.headers.get(MEDIA_UPLOAD_HEADER) || !request.body) return text(403, 'Forbidden')
      try {
        const body = request.body as unknown as AsyncIterable<Uint8Array>
        const result =
          url.pathname === '/media'
            ? await storeMediaUpload(mediaDir, url.searchParams.get('ext'), body)
            : {
                path: await storeIncomingUpload(
                  dataDir,
                  url.searchParams.get('name'),
                  body,
                  url.searchParams.get('purpose')
                )
              }
        return withHeaders(Response.json({ ok: true, result }), 'data')
      } catch (err) {
        return withHeaders(Response.json({ ok: false, error: AppError.from(err).toData() }, { status: 400 }), 'data')
      }
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed')
    if (url.pathname.startsWith('/exports/')) {
      const file = exportFileFor(dataDir, url.pathname)
      if (!file) return text(404, 'Not found')
      return withHeaders(await net.fetch(pathToFileURL(file).href), 'download', { fileName: basename(file) })
    }
    if (url.pathname.startsWith('/media/')) {
      const found = mediaFileFor(mediaDir, url.pathname)
      if (!found) return text(404, 'Not found')
      return withHeaders(await net.fetch(pathToFileURL(found.file).href), 'media', { mime: found.mime })
    }
    let path: string
    try {
      path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
    } catch {
      return text(400, 'Bad request')
    }
    const file = normalize(join(root, path))
    if (!file.startsWith(root + sep)) return text(403, 'Forbidden')
    let res: Response
    try {
      res = await net.fetch(pathToFileURL(file).href)
    } catch {
      // Electron's file loader rejects a missing file; the page gets a plain 404 instead of an error page.
      return text(404, 'Not found')
    }
    return withHeaders(res, /\.html?$/i.test(file) ? 'page' : 'asset')
  }
}

export function serveAppProtocol(
  electron: Pick<ShellElectron, 'protocol' | 'net'>,
  rendererDir: string,
  dataDir: string
): void {
  electron.protocol.handle(APP_SCHEME, appProtocolHandler(electron.net, rendererDir, dataDir))
}
