/**
 * Who may talk to the browser host. Two locks, both on every request:
 *
 * 1. The Host header must be one of ours (127.0.0.1, localhost, [::1] or the address we were told
 *    to listen on, with our port). A page on http://evil.example:5730 that rebinds its name to
 *    127.0.0.1 reaches our socket, but its requests say `Host: evil.example:5730`, and the
 *    browser's Origin says the same, so comparing Origin with Host alone would let it in.
 * 2. A secret made at each launch. It is in the URL that `npm start`, `npm run serve` and
 *    `classdeck serve` print (http://127.0.0.1:5730/?k=<secret>); the first request with it gets
 *    an HttpOnly, SameSite=Strict cookie and a redirect to the clean URL. The RPC socket, media,
 *    uploads and exports need that cookie; another local program or web page does not have it.
 *
 * The cookie's name carries the port: cookies are not kept apart by port, and two ClassDeck
 * instances (or two test hosts) must not overwrite each other's.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { networkInterfaces } from 'node:os'
import type { IncomingMessage } from 'node:http'

export const SECRET_PARAM = 'k'

export interface AccessGate {
  readonly secret: string
  readonly cookieName: string
  /** `name=secret`, for clients that are not browsers (tests, benchmarks). */
  readonly cookie: string
  /** The Host header is one of ours. */
  hostAllowed(req: IncomingMessage): boolean
  /** No Origin (not sent by a browser), or the origin of one of our Host values. */
  originAllowed(req: IncomingMessage): boolean
  /** The request carries this launch's cookie. */
  hasCookie(req: IncomingMessage): boolean
  /** The value is this launch's secret (compared in constant time). */
  isSecret(value: string | null): boolean
  /** The Set-Cookie header value that admits a browser. */
  setCookie(): string
}

export function createAccessGate(opts: { port: number; boundHost: string; secret?: string }): AccessGate {
  const secret = opts.secret ?? randomBytes(32).toString('base64url')
  const cookieName = `classdeck-${opts.port}`
  const hosts = new Set(ourHostNames(opts.boundHost).map((h) => `${h}:${opts.port}`.toLowerCase()))
  const origins = new Set([...hosts].map((h) => `http://${h}`))
  const isSecret = (value: string | null): boolean => {
    if (value === null) return false
    const a = Buffer.from(value)
    const b = Buffer.from(secret)
    return a.length === b.length && timingSafeEqual(a, b)
  }
  return {
    secret,
    cookieName,
    cookie: `${cookieName}=${secret}`,
    hostAllowed: (req) => {
      // Node joins repeated Host headers into one value with ', ', which then matches nothing.
      const host = req.headers.host
      return typeof host === 'string' && hosts.has(host.toLowerCase())
    },
    originAllowed: (req) => {
      const origin = req.headers.origin
      return origin === undefined || origins.has(origin.toLowerCase())
    },
    hasCookie: (req) => isSecret(cookieValue(req.headers.cookie, cookieName)),
    isSecret,
    setCookie: () => `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/`
  }
}

/** The names this host answers to: loopback always, and the address it listens on. */
function ourHostNames(boundHost: string): string[] {
  const names = ['127.0.0.1', 'localhost', '[::1]']
  const bracket = (a: string): string => (a.includes(':') ? `[${a}]` : a)
  if (boundHost === '0.0.0.0' || boundHost === '::') {
    // Listening on every address: each of this machine's own addresses is ours (a name is not).
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) names.push(bracket(a.address.split('%')[0]!))
  } else names.push(bracket(boundHost))
  return names
}

/** One cookie's value from a Cookie header, or null; a malformed header is just no cookie. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (typeof header !== 'string') return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}

/** The printed, opened URL of a launch: the clean URL with the secret. */
export function launchUrl(baseUrl: string, secret: string): string {
  const u = new URL(baseUrl)
  u.searchParams.set(SECRET_PARAM, secret)
  return u.href
}

/** What a non-browser client (a test, a benchmark) sends as Cookie for a printed launch URL. */
export function cookieForLaunchUrl(url: string): string {
  const u = new URL(url)
  return `classdeck-${u.port}=${u.searchParams.get(SECRET_PARAM) ?? ''}`
}
