/**
 * What every HTTP server of ours does so that no request can take it down: parse the target
 * without throwing, answer a handler's error (thrown or rejected) instead of letting it reach
 * the process, and bound how long a silent client may hold a socket.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { securityHeaders } from './security-headers'

/**
 * The request target as a URL, or null when it is not origin-form (`/path?query`). Parsed
 * against a fixed base, so `//evil.example/x` is a path here, not another host.
 */
export function parseRequestUrl(raw: string | undefined): URL | null {
  if (typeof raw !== 'string' || !raw.startsWith('/')) return null
  try {
    return new URL(`http://host.invalid${raw}`)
  } catch {
    return null
  }
}

/** decodeURIComponent that answers null for malformed percent-encoding instead of throwing. */
export function decodePathPart(s: string): string | null {
  try {
    return decodeURIComponent(s)
  } catch {
    return null
  }
}

export type Log = (message: string, err?: unknown) => void

const defaultLog: Log = (message, err) => console.error(message, err instanceof Error ? err.message : (err ?? ''))

/** A plain-text answer, Chinese first, then English. */
export function sendText(res: ServerResponse, status: number, zh: string, en: string): void {
  if (res.headersSent || res.destroyed) {
    res.destroy()
    return
  }
  const body = `${zh}\n${en}\n`
  res.writeHead(status, {
    ...securityHeaders('data'),
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body)
  })
  res.end(body)
}

/**
 * Wraps a request handler: whatever it throws or rejects with is logged and answered with 500
 * (or, once the answer has started, the connection is closed), never left to the process.
 */
export function guarded(
  handler: (req: IncomingMessage, res: ServerResponse) => unknown,
  log: Log = defaultLog
): (req: IncomingMessage, res: ServerResponse) => void {
  const fail = (res: ServerResponse, err: unknown): void => {
    log('请求处理出错 / request handler failed:', err)
    sendText(res, 500, '服务器内部错误', 'Internal server error')
  }
  return (req, res) => {
    try {
      const result = handler(req, res)
      if (result instanceof Promise) result.catch((err: unknown) => fail(res, err))
    } catch (err) {
      fail(res, err)
    }
  }
}

/** Writes a refusal on a raw socket (an upgrade request) and closes it. */
export function refuseSocket(socket: Duplex, status: number, reason: string, zh: string, en: string): void {
  const body = `${zh}\n${en}\n`
  if (!socket.destroyed && socket.writable) {
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`
    )
  }
  socket.destroy()
}

/**
 * Limits for a server facing untrusted clients: a request must arrive in time, and a socket
 * error (a client resetting mid-request) is the client's problem, not an uncaught error.
 */
export function hardenServer(
  server: Server,
  opts: { requestTimeoutMs?: number; headersTimeoutMs?: number } = {}
): void {
  server.requestTimeout = opts.requestTimeoutMs ?? server.requestTimeout
  server.headersTimeout = opts.headersTimeoutMs ?? 10_000
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy()
      return
    }
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
    refuseSocket(
      socket,
      status,
      status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request',
      '请求格式错误',
      'Malformed request'
    )
  })
}
