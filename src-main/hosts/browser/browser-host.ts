/**
 * The browser host: plain Node. Serves the built renderer over HTTP and binds the one
 * handler table to a WebSocket at /rpc, so `npm run serve` runs the whole teacher app in
 * any browser, and the end-to-end tests drive it in Chromium.
 *
 * Every request passes the access gate first (./access.ts: our Host only, and this launch's
 * cookie for anything that carries data), and no request, however malformed, can end the
 * process: handlers are guarded and file streams are piped with their errors handled.
 */
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { pipeline } from 'node:stream/promises'
import { WebSocketServer, type WebSocket } from 'ws'
import { ClientFrame, MAX_FRAME_BYTES, RPC_PATH, type ServerFrame } from '../../../src-shared/contract/wire'
import { AppError, validationError } from '../../../src-shared/errors'
import { createAppCore, type AppCore } from '../../app-core'
import { dispatch } from '../../rpc/handler-table'
import { guarded, hardenServer, parseRequestUrl, refuseSocket, sendText } from '../../security/http-guard'
import { securityHeaders } from '../../security/security-headers'
import { createAccessGate, launchUrl, SECRET_PARAM, type AccessGate } from './access'
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
  /** The clean address (http://127.0.0.1:<port>/); a browser needs the launch URL first. */
  readonly url: string
  /** The address to print and open: the clean one with this launch's secret (?k=…). */
  readonly launchUrl: string
  /** `name=secret`, the Cookie header a non-browser client (a test) sends. */
  readonly cookie: string
  readonly core: AppCore
  close(): Promise<void>
}

const FILE_ROUTES = /^\/(media|incoming|exports)(\/|$)/

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const core = createAppCore({
    dataDir: opts.dataDir,
    host: 'browser',
    version: opts.version,
    clock: opts.clock,
    classroomPagesDir: opts.staticDir
  })
  const mediaDir = join(opts.dataDir, 'media')
  const server: Server = createServer()
  hardenServer(server)
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })
  let nextSender = 1

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve())
  })
  const addr = server.address() as AddressInfo
  const boundHost = opts.host ?? '127.0.0.1'
  const url = `http://${boundHost.includes(':') ? `[${boundHost}]` : boundHost}:${addr.port}/`
  // The port is known only now (--port 0), and the gate's Host values and cookie name need it.
  // Handlers are attached in this same tick, before any request can be read.
  const gate = createAccessGate({ port: addr.port, boundHost })

  server.on(
    'request',
    guarded((req, res) => handleRequest(gate, opts.staticDir, opts.dataDir, mediaDir, req, res))
  )

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy())
    try {
      const target = parseRequestUrl(req.url)
      // Only pages this host served, in a browser this launch admitted, may drive ClassDeck.
      const refused = !gate.hostAllowed(req) ? FORBIDDEN_HOST : !gate.originAllowed(req) ? FORBIDDEN_ORIGIN : null
      if (refused) {
        refuseSocket(socket, 403, 'Forbidden', refused.message, refused.messageEn)
        return
      }
      if (target?.pathname !== RPC_PATH) {
        refuseSocket(socket, 404, 'Not Found', '未找到', 'Not found')
        return
      }
      if (!gate.hasCookie(req)) {
        refuseSocket(socket, 403, 'Forbidden', NO_COOKIE.message, NO_COOKIE.messageEn)
        return
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws))
    } catch (err) {
      console.error('WebSocket 握手出错 / upgrade failed:', err)
      refuseSocket(socket, 500, 'Internal Server Error', '服务器内部错误', 'Internal server error')
    }
  })

  wss.on('connection', (ws: WebSocket) => {
    const senderId = `ws-${nextSender++}`
    const send = (frame: ServerFrame): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame))
    }
    const unsubscribe = core.hub.subscribe((channel, payload) => send({ t: 'event', channel, payload }))
    ws.on('close', unsubscribe)
    // A broken frame (bad opcode, too large) closes this socket; it must not reach the process.
    ws.on('error', () => ws.terminate())
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

  return {
    url,
    launchUrl: launchUrl(url, gate.secret),
    cookie: gate.cookie,
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

const FORBIDDEN_HOST = new AppError(
  'FORBIDDEN',
  '拒绝访问：请求的主机名不是本机的 ClassDeck（只接受 127.0.0.1、localhost）',
  'Forbidden: the Host is not this ClassDeck (only 127.0.0.1 and localhost are accepted)'
)
const FORBIDDEN_ORIGIN = new AppError(
  'FORBIDDEN',
  '拒绝访问：请求来自其他网站的页面',
  'Forbidden: the request comes from a page of another site'
)
const NO_COOKIE = new AppError(
  'FORBIDDEN',
  '拒绝访问：请用启动 ClassDeck 时显示的网址（带 ?k=）打开',
  'Forbidden: open ClassDeck with the address printed when it started (the one with ?k=)'
)
const OLD_SECRET = new AppError(
  'FORBIDDEN',
  '这个链接属于 ClassDeck 之前的一次启动，已失效。请用本次启动时显示的网址打开。',
  'This link is from an earlier launch of ClassDeck. Open the address printed at this start.'
)

function refuse(res: ServerResponse, status: number, error: AppError): void {
  json(res, status, { ok: false, error: error.toData() })
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.destroy()
  const text = JSON.stringify(body)
  res
    .writeHead(status, {
      ...securityHeaders('data'),
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text)
    })
    .end(text)
}

async function handleRequest(
  gate: AccessGate,
  staticDir: string,
  dataDir: string,
  mediaDir: string,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  if (!gate.hostAllowed(req)) return refuse(res, 403, FORBIDDEN_HOST)
  const url = parseRequestUrl(req.url)
  if (!url) return sendText(res, 400, '请求地址格式错误', 'Malformed request target')
  if (!gate.originAllowed(req)) return refuse(res, 403, FORBIDDEN_ORIGIN)
  const key = url.searchParams.get(SECRET_PARAM)
  if (key !== null && (req.method === 'GET' || req.method === 'HEAD')) {
    if (!gate.isSecret(key)) return refuse(res, 403, OLD_SECRET)
    // Admit this browser, then send it to the clean URL so the secret leaves the address bar
    // (and history). The fragment (#/teach) stays: browsers keep it across a redirect.
    url.searchParams.delete(SECRET_PARAM)
    res
      .writeHead(303, {
        ...securityHeaders('data'),
        'set-cookie': gate.setCookie(),
        // One leading slash: `//x` would be another host.
        location: url.pathname.replace(/^\/+/, '/') + url.search,
        'content-length': 0
      })
      .end()
    return
  }
  const admitted = gate.hasCookie(req)
  if (FILE_ROUTES.test(url.pathname)) {
    if (!admitted) return refuse(res, 403, NO_COOKIE)
    return serveFiles(dataDir, mediaDir, url, req, res)
  }
  if (url.pathname === RPC_PATH) return sendText(res, 426, '这里只接受 WebSocket', 'WebSocket only')
  serveStatic(staticDir, url, req, res, { admitted })
}

/** Media by hash, uploads for import, and exported files to download (see ../media-files.ts). */
async function serveFiles(
  dataDir: string,
  mediaDir: string,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  if (req.method === 'POST' && (url.pathname === '/media' || url.pathname === '/incoming')) {
    if (!req.headers[MEDIA_UPLOAD_HEADER]) {
      refuse(res, 403, new AppError('FORBIDDEN', '拒绝上传', 'Upload refused'))
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
      json(res, 200, { ok: true, result })
    } catch (err) {
      const e = AppError.from(err)
      json(res, e.code === 'LIMIT' ? 413 : 400, { ok: false, error: e.toData() })
    }
    return
  }
  const exported = req.method === 'GET' ? exportFileFor(dataDir, url.pathname) : null
  if (exported) {
    const name = exported.split(/[\\/]/).pop()!
    res.writeHead(200, {
      ...securityHeaders('download', { fileName: name }),
      'content-type': 'application/octet-stream',
      'content-length': mediaSize(exported)
    })
    await stream(openMedia(exported), res)
    return
  }
  const found = req.method === 'GET' || req.method === 'HEAD' ? mediaFileFor(mediaDir, url.pathname) : null
  if (!found) {
    sendText(res, 404, '未找到', 'Not found')
    return
  }
  // Ranges, so audio and video can seek.
  const size = mediaSize(found.file)
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '')
  const headers = {
    ...securityHeaders('media', { mime: found.mime }),
    'content-type': found.mime,
    'accept-ranges': 'bytes',
    'cache-control': 'public, max-age=31536000, immutable'
  }
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]))
    const end = range[1] && range[2] ? Math.min(size - 1, Number(range[2])) : size - 1
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start > end || start >= size) {
      res.writeHead(416, { ...securityHeaders('data'), 'content-range': `bytes */${size}` }).end()
      return
    }
    res.writeHead(206, {
      ...headers,
      'content-range': `bytes ${start}-${end}/${size}`,
      'content-length': end - start + 1
    })
    if (req.method === 'HEAD') res.end()
    else await stream(openMedia(found.file, { start, end }), res)
    return
  }
  res.writeHead(200, { ...headers, 'content-length': size })
  if (req.method === 'HEAD') res.end()
  else await stream(openMedia(found.file), res)
}

/** A file to the client; a read error or a client gone mid-way ends this response, nothing more. */
async function stream(file: NodeJS.ReadableStream, res: ServerResponse): Promise<void> {
  try {
    await pipeline(file, res)
  } catch {
    res.destroy()
  }
}
