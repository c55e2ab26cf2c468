/** Serves the built renderer at app://classdeck/… with the same CSP as the browser host. */
import { net, protocol } from 'electron'
import { join, normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { APP_SCHEME } from '../../../src-shared/contract/ipc'
import { contentSecurityPolicy } from '../../security/csp'
import { AppError } from '../../../src-shared/errors'
import { MEDIA_UPLOAD_HEADER, exportFileFor, mediaFileFor, storeIncomingUpload, storeMediaUpload } from '../media-files'

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

export function serveAppProtocol(rendererDir: string, dataDir: string): void {
  const mediaDir = join(dataDir, 'media')
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if ((url.pathname === '/media' || url.pathname === '/incoming') && request.method === 'POST') {
      if (!request.headers.get(MEDIA_UPLOAD_HEADER) || !request.body) return new Response('Forbidden', { status: 403 })
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
        return Response.json({ ok: true, result })
      } catch (err) {
        return Response.json({ ok: false, error: AppError.from(err).toData() }, { status: 400 })
      }
    }
    if (url.pathname.startsWith('/exports/')) {
      const file = exportFileFor(dataDir, url.pathname)
      return file ? net.fetch(pathToFileURL(file).href) : new Response('Not found', { status: 404 })
    }
    if (url.pathname.startsWith('/media/')) {
      const found = mediaFileFor(mediaDir, url.pathname)
      return found ? net.fetch(pathToFileURL(found.file).href) : new Response('Not found', { status: 404 })
    }
    const file = normalize(join(rendererDir, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)))
    if (!file.startsWith(normalize(rendererDir) + sep)) return new Response('Forbidden', { status: 403 })
    const res = await net.fetch(pathToFileURL(file).href)
    const headers = new Headers(res.headers)
    headers.set('content-security-policy', contentSecurityPolicy())
    headers.set('x-content-type-options', 'nosniff')
    return new Response(res.body, { status: res.status, headers })
  })
}
