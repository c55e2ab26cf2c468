/**
 * The browser host: plain Node. Serves the built renderer over HTTP and binds the one
 * handler table to a WebSocket at /rpc, so `npm run serve` runs the whole teacher app in
 * any browser, and the end-to-end tests drive it in Chromium.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { ClientFrame, RPC_PATH, type ServerFrame } from '../../../src-shared/contract/wire'
import { AppError, validationError } from '../../../src-shared/errors'
import { createAppCore, type AppCore } from '../../app-core'
import { dispatch } from '../../rpc/handler-table'
import { serveStatic } from './static-files'

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

/** Largest frame the teacher app sends; files travel over their own HTTP routes. */
const MAX_FRAME = 8 * 1024 * 1024

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const core = createAppCore({ dataDir: opts.dataDir, host: 'browser', version: opts.version, clock: opts.clock })
  const server: Server = createServer((req, res) => serveStatic(opts.staticDir, req, res))
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME })
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
        const e = err instanceof SyntaxError ? new AppError('VALIDATION', '消息不是有效的 JSON', 'The frame is not valid JSON') : AppError.from(err)
        send({ t: 'result', id: -1, ok: false, error: e.toData() })
        return
      }
      const result = await dispatch(core.table, frame.channel, frame.input, { host: 'browser', senderId })
      send(result.ok ? { t: 'result', id: frame.id, ok: true, result: result.result } : { t: 'result', id: frame.id, ok: false, error: result.error })
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
