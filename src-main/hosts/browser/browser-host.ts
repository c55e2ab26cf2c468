/**
 * The browser host: plain Node. Serves the built renderer over HTTP and binds the one
 * handler table to a WebSocket at /rpc, so `npm run serve` runs the whole teacher app in
 * any browser, and the end-to-end tests drive it in Chromium.
 */
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { ClientFrame, MAX_FRAME_BYTES, RPC_PATH, type ServerFrame } from '../../../src-shared/contract/wire'
import { AppError, validationError } from '../../../src-shared/errors'
import { createAppCore, type AppCore } from '../../app-core'
import { dispatch } from '../../rpc/handler-table'
import { serveStatic } from './static-files'
import {
  MEDIA_UPLOAD_HEADER,
  exportFileFor,
  mediaFileFor,
  mediaSize,
  openMedia,
  storeIncomingUpload,
  storeMediaUpload
} from '../media-files'
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface BrowserHostOptions {
  readonly port: number
  readonly host?: string
  readonly dataDir: string
  /** Folder of the built renderer (dist/renderer). */
  readonly staticDir: string
  readonly version: string
  readonly clock?: () => Date
}

export interface BrowserHost {
  readonly url: string
  readonly core: AppCore
  close(): Promise<void>
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const core = createAppCore({
    dataDir: opts.dataDir,
    host: 'browser',
    version: opts.version,
    clock: opts.clock,
    classroomPagesDir: opts.staticDir
  })
  const mediaDir = join(opts.dataDir, 'media')
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/media') || req.url?.startsWith('/incoming') || req.url?.startsWith('/exports/'))
      void serveFiles(opts.dataDir, mediaDir, req, res)
    else serveStatic(opts.staticDir, req, res)
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })
  let nextSender = 1

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    // Only pages this host served may connect: a web page elsewhere must not drive ClassDeck.
    const origin = req.headers.origin
    const expected = `http://${req.headers.host ?? ''}`
    if (url.pathname !== RPC_PATH || (origin !== undefined && origin !== expected)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n')
      socket.destroy()
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws))
  })

  wss.on('connection', (ws: WebSocket) => {
    const senderId = `ws-${nextSender++}`
    const send = (frame: ServerFrame): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame))
    }
    const unsubscribe = core.hub.subscribe((channel, payload) => send({ t: 'event', channel, payload }))
    ws.on('close', unsubscribe)
    ws.on('message', async (data, isBinary) => {
      let frame: ClientFrame
      try {
        if (isBinary) throw new AppError('VALIDATION', '不支持二进制消息', 'Binary frames are not accepted')
        const parsed = ClientFrame.safeParse(JSON.parse(String(data)))
        if (!parsed.success) throw validationError('frame', parsed.error.issues)
        frame = parsed.data
      } catch (err) {
        const e =
          err instanceof SyntaxError
            ? new AppError('VALIDATION', '消息不是有效的 JSON', 'The frame is not valid JSON')
            : AppError.from(err)
        send({ t: 'result', id: -1, ok: false, error: e.toData() })
        return
      }
      const result = await dispatch(core.table, frame.channel, frame.input, { host: 'browser', senderId })
      send(
        result.ok
          ? { t: 'result', id: frame.id, ok: true, result: result.result }
          : { t: 'result', id: frame.id, ok: false, error: result.error }
      )
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve())
  })
  const addr = server.address() as AddressInfo
  const url = `http://${opts.host ?? '127.0.0.1'}:${addr.port}/`

  return {
    url,
    core,
    async close() {
      for (const client of wss.clients) client.terminate()
      wss.close()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
      await core.dispose()
    }
  }
}

/** Media by hash, uploads for import, and exported files to download (see ../media-files.ts). */
async function serveFiles(dataDir: string, mediaDir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const json = (status: number, body: unknown): void => {
    res
      .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
      .end(JSON.stringify(body))
  }
  if (req.method === 'POST' && (url.pathname === '/media' || url.pathname === '/incoming')) {
    const origin = req.headers.origin
    if (!req.headers[MEDIA_UPLOAD_HEADER] || (origin !== undefined && origin !== `http://${req.headers.host ?? ''}`)) {
      json(403, { ok: false, error: new AppError('FORBIDDEN', '拒绝上传', 'Upload refused').toData() })
      return
    }
    try {
      const result =
        url.pathname === '/media'
          ? await storeMediaUpload(mediaDir, url.searchParams.get('ext'), req)
          : {
              path: await storeIncomingUpload(
                dataDir,
                url.searchParams.get('name'),
                req,
                url.searchParams.get('purpose')
              )
            }
      json(200, { ok: true, result })
    } catch (err) {
      const e = AppError.from(err)
      json(e.code === 'LIMIT' ? 413 : 400, { ok: false, error: e.toData() })
    }
    return
  }
  const exported = req.method === 'GET' ? exportFileFor(dataDir, url.pathname) : null
  if (exported) {
    const name = exported.split(/[\\/]/).pop()!
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': mediaSize(exported),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store'
    })
    openMedia(exported).pipe(res)
    return
  }
  const found = req.method === 'GET' || req.method === 'HEAD' ? mediaFileFor(mediaDir, url.pathname) : null
  if (!found) {
    res.writeHead(404).end()
    return
  }
  // Ranges, so audio and video can seek.
  const size = mediaSize(found.file)
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '')
  const headers = {
    'content-type': found.mime,
    'accept-ranges': 'bytes',
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff'
  }
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]))
    const end = range[1] && range[2] ? Math.min(size - 1, Number(range[2])) : size - 1
    if (start > end || start >= size) {
      res.writeHead(416, { 'content-range': `bytes */${size}` }).end()
      return
    }
    res.writeHead(206, {
      ...headers,
      'content-range': `bytes ${start}-${end}/${size}`,
      'content-length': end - start + 1
    })
    if (req.method === 'HEAD') res.end()
    else openMedia(found.file, { start, end }).pipe(res)
    return
  }
  res.writeHead(200, { ...headers, 'content-length': size })
  if (req.method === 'HEAD') res.end()
  else openMedia(found.file).pipe(res)
}
