/**
 * A malformed-request fuzzer for our HTTP servers. Every case is raw bytes written to a
 * `net.Socket`, so it can send what Node's own client refuses to (NUL in a path, a header
 * without a colon, two Content-Lengths, chunked garbage, a body cut short). After each case a
 * good request must still be answered; a case after which the server no longer answers, or that
 * raised an uncaught exception in this process (an in-process server), is a crash.
 *
 * The result's shape ({ cases, crashes, statuses }) is read by the security tests and by the
 * security benchmark: keep it stable.
 */
import { appendFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import fc from 'fast-check'

export interface FuzzOptions {
  readonly port: number
  /** Address to connect to; 127.0.0.1 unless told. */
  readonly host?: string
  /** Paths the server answers (e.g. '/media', '/rpc'); cases are built on each. */
  readonly routes: readonly string[]
  /** How many random cases on top of the fixed ones (default 200). */
  readonly cases?: number
  /** Seed of the random cases: the same seed sends the same bytes. */
  readonly seed?: number
  /** Host header value of well-formed parts (default `<host>:<port>`). */
  readonly hostHeader?: string
  /** Headers added to every case, e.g. a session cookie, so the cases reach past the front door. */
  readonly headers?: Readonly<Record<string, string>>
  /** The good request that proves the server still answers (default GET of the first route). */
  readonly probe?: { readonly method?: string; readonly path: string }
  /** How long to wait for an answer to a case before counting it as 'timeout' (default 1500 ms). */
  readonly timeoutMs?: number
  /** Called with each case's name and outcome (to find which case got an unexpected answer). */
  readonly onCase?: (name: string, outcome: string) => void
}

export interface FuzzCrash {
  /** The case's name, e.g. 'percent:/media'. */
  readonly case: string
  /** The first bytes sent, escaped for reading. */
  readonly request: string
  readonly error: string
}

export interface FuzzResult {
  /** Cases sent. */
  readonly cases: number
  readonly crashes: FuzzCrash[]
  /**
   * How cases ended: an HTTP status ('400', '404', …), 'closed' (closed without an answer),
   * 'timeout' (no answer in time: a server waiting for the rest of a body is allowed to),
   * 'garbage' (bytes that are not an HTTP status line) or 'refused' (nothing listening).
   */
  readonly statuses: Record<string, number>
}

interface Case {
  readonly name: string
  /** Parts written one after another (so a body can arrive after its headers, or never). */
  readonly parts: readonly Buffer[]
  /** Half-close after writing (the client has no more to send). */
  readonly end?: boolean
  /** A case that is expected to leave the server waiting (a truncated body): wait briefly. */
  readonly waits?: boolean
}

const CRLF = '\r\n'
const b = (s: string): Buffer => Buffer.from(s, 'latin1')

export async function fuzzHttpServer(opts: FuzzOptions): Promise<FuzzResult> {
  const host = opts.host ?? '127.0.0.1'
  const hostHeader = opts.hostHeader ?? `${host.includes(':') ? `[${host}]` : host}:${opts.port}`
  const extra = Object.entries(opts.headers ?? {})
    .map(([k, v]) => `${k}: ${v}${CRLF}`)
    .join('')
  const all = [...fixedCases(opts.routes, hostHeader, extra), ...randomCases(opts, hostHeader, extra)]
  const probe = opts.probe ?? { path: opts.routes[0] ?? '/' }
  const probeBytes = b(
    `${probe.method ?? 'GET'} ${probe.path} HTTP/1.1${CRLF}Host: ${hostHeader}${CRLF}${extra}Connection: close${CRLF}${CRLF}`
  )

  const crashes: FuzzCrash[] = []
  const statuses: Record<string, number> = {}
  // An in-process server that throws outside its handlers shows up here, not as a dead socket.
  const uncaught: unknown[] = []
  const onUncaught = (err: unknown): void => void uncaught.push(err)
  process.on('uncaughtException', onUncaught)
  process.on('unhandledRejection', onUncaught)
  try {
    for (const c of all) {
      const outcome = await send(host, opts.port, c, c.waits ? 300 : (opts.timeoutMs ?? 1500))
      statuses[outcome] = (statuses[outcome] ?? 0) + 1
      opts.onCase?.(c.name, outcome)
      // Let errors raised after the answer (a stream error, a late rejection) surface first.
      await new Promise((r) => setImmediate(r))
      const alive = await send(host, opts.port, { name: 'probe', parts: [probeBytes] }, 5000)
      const errors = uncaught.splice(0)
      if (!/^\d{3}$/.test(alive) || errors.length > 0) {
        crashes.push({
          case: c.name,
          request: preview(Buffer.concat(c.parts as Buffer[])),
          error: errors.length > 0 ? errors.map(describe).join('; ') : `the good request then got: ${alive}`
        })
        // A dead server answers no further case; stop rather than report the same crash again.
        if (!/^\d{3}$/.test(alive)) break
      }
    }
  } finally {
    process.off('uncaughtException', onUncaught)
    process.off('unhandledRejection', onUncaught)
  }
  const result = { cases: all.length, crashes, statuses }
  // `npm run bench -- security` runs the security tests and counts every fuzz run they made.
  const log = process.env['CLASSDECK_FUZZ_LOG']
  if (log)
    appendFileSync(log, JSON.stringify({ routes: opts.routes, cases: result.cases, crashes: crashes.length }) + '\n')
  return result
}

/** Writes a case and reads until the status line arrives: its code, 'closed' or 'timeout'. */
function send(host: string, port: number, c: Case, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    let settled = false
    let received = ''
    const socket: Socket = connect({ host, port })
    const done = (outcome: string): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve(outcome)
    }
    const timer = setTimeout(() => done('timeout'), timeoutMs)
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') done('refused')
      else if (received) done(statusOf(received))
      else done('closed')
    })
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1')
      if (/\r?\n/.test(received)) done(statusOf(received))
    })
    socket.on('close', () => done(received ? statusOf(received) : 'closed'))
    socket.on('connect', async () => {
      for (const part of c.parts) {
        if (settled || socket.destroyed) return
        await new Promise<void>((r) => socket.write(part, () => r()))
      }
      if (c.end && !socket.destroyed) socket.end()
    })
  })
}

function statusOf(received: string): string {
  return /^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1] ?? 'garbage'
}

function preview(buf: Buffer): string {
  const s = buf.subarray(0, 160).toString('latin1')
  return JSON.stringify(s).slice(1, -1) + (buf.length > 160 ? `… (${buf.length} bytes)` : '')
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err)
}

/** The catalogue: each kind of malformed request, on every route. */
function fixedCases(routes: readonly string[], hostHeader: string, extra: string): Case[] {
  const cases: Case[] = []
  const head = (method: string, target: string, headers = ''): string =>
    `${method} ${target} HTTP/1.1${CRLF}Host: ${hostHeader}${CRLF}${extra}${headers}`
  const get = (name: string, target: string, headers = ''): Case => ({
    name,
    parts: [b(`${head('GET', target, headers)}Connection: close${CRLF}${CRLF}`)]
  })
  const post = (
    name: string,
    target: string,
    headers: string,
    body: string | Buffer,
    opt: Partial<Case> = {}
  ): Case => ({
    name,
    parts: [b(`${head('POST', target, headers)}${CRLF}`), typeof body === 'string' ? b(body) : body],
    ...opt
  })
  const server: Case[] = [
    // Request lines a browser never sends.
    { name: 'line:empty', parts: [b(CRLF + CRLF)], end: true },
    { name: 'line:method-only', parts: [b(`GET${CRLF}${CRLF}`)], end: true },
    { name: 'line:http-0.9', parts: [b(`GET /${CRLF}`)], end: true },
    { name: 'line:bad-version', parts: [b(`GET / HTTP/9.9${CRLF}Host: ${hostHeader}${CRLF}${CRLF}`)] },
    { name: 'line:no-crlf', parts: [b('GET / HTTP/1.1')], end: true },
    { name: 'line:lf-only', parts: [b(`GET / HTTP/1.1\nHost: ${hostHeader}\n\n`)] },
    { name: 'line:binary', parts: [Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10])], end: true },
    { name: 'line:tls-hello', parts: [Buffer.from('16030100a5010000a103035f', 'hex')], end: true },
    { name: 'line:asterisk', parts: [b(`OPTIONS * HTTP/1.1${CRLF}Host: ${hostHeader}${CRLF}${CRLF}`)] },
    get('line:absolute-form', `http://evil.example/`),
    get('line:authority-form', `evil.example:443`),
    get('line:double-slash-host', `//[`),
    get('line:double-slash', `//evil.example/x`),
    get('line:query-only', `?a=1`),
    // Headers.
    { name: 'header:no-host', parts: [b(`GET / HTTP/1.1${CRLF}${extra}${CRLF}`)] },
    get('header:duplicate-host', '/', `Host: evil.example${CRLF}`),
    get('header:no-colon', '/', `X-Broken${CRLF}`),
    get('header:space-in-name', '/', `Bad Name: 1${CRLF}`),
    get('header:obs-fold', '/', `X-Folded: a${CRLF} b${CRLF}`),
    get('header:nul-in-value', '/', `X-Nul: a\u0000b${CRLF}`),
    get('header:control-in-value', '/', `X-Ctl: a\u0007\u001bb${CRLF}`),
    get('header:huge', '/', `X-Huge: ${'a'.repeat(70_000)}${CRLF}`),
    get('header:many', '/', Array.from({ length: 3000 }, (_, i) => `X-H${i}: ${i}${CRLF}`).join('')),
    get('header:bad-cookie', '/', `Cookie: %; ;;=; a=%zz; ${'c=1; '.repeat(500)}${CRLF}`),
    get('header:bad-origin', '/', `Origin: %${CRLF}`),
    get('header:null-origin', '/', `Origin: null${CRLF}`),
    get('header:utf8-value', '/', `X-Name: ${Buffer.from('王老师', 'utf8').toString('latin1')}${CRLF}`),
    get('header:bad-upgrade', '/', `Connection: Upgrade${CRLF}Upgrade: websocket${CRLF}`),
    get('header:bad-range', '/', `Range: bytes=99999999999999999999999-1${CRLF}`),
    get('header:h2c', '/', `Connection: Upgrade, HTTP2-Settings${CRLF}Upgrade: h2c${CRLF}HTTP2-Settings: %%%${CRLF}`),
    {
      name: 'header:expect-continue',
      parts: [b(`${head('POST', '/', `Expect: 100-continue${CRLF}Content-Length: 5${CRLF}`)}${CRLF}`)],
      waits: true
    }
  ]
  cases.push(...server)
  for (const route of routes) {
    const r = route.replace(/\/$/, '') || ''
    cases.push(
      get(`percent:${route}`, `${r}/%`),
      get(`percent-bare:${route}`, `${route}%`),
      get(`percent-bad-hex:${route}`, `${r}/%zz%G0`),
      get(`percent-truncated-utf8:${route}`, `${r}/%E4%B8`),
      get(`percent-overlong-utf8:${route}`, `${r}/%C0%AF..%C0%AF`),
      get(`percent-nul:${route}`, `${r}/a%00b`),
      get(`percent-query:${route}`, `${route}?ext=%&name=%E4&purpose=%ZZ&k=%`),
      get(`raw-nul:${route}`, `${r}/a\u0000b`),
      get(`raw-control:${route}`, `${r}/a\u0001\u007f`),
      get(`raw-high-bytes:${route}`, `${r}/${Buffer.from('第一课', 'utf8').toString('latin1')}`),
      get(`backslash:${route}`, `${r}/..\\..\\..\\etc\\passwd`),
      get(`dot-segments:${route}`, `${r}/../../../../etc/passwd`),
      get(`encoded-dots:${route}`, `${r}/..%2f..%2f..%2fetc%2fpasswd`),
      get(`overlong-url:${route}`, `${r}/${'a'.repeat(20_000)}`),
      get(`overlong-query:${route}`, `${route}?${'q=1&'.repeat(8_000)}`),
      get(`range-garbage:${route}`, route, `Range: bytes=-0${CRLF}`),
      get(`range-reversed:${route}`, route, `Range: bytes=50-10${CRLF}`),
      get(
        `range-many:${route}`,
        route,
        `Range: bytes=${Array.from({ length: 500 }, (_, i) => `${i}-${i}`).join(',')}${CRLF}`
      ),
      post(`cl-negative:${route}`, route, `Content-Length: -1${CRLF}`, 'x'),
      post(`cl-text:${route}`, route, `Content-Length: abc${CRLF}`, 'x'),
      post(`cl-huge:${route}`, route, `Content-Length: 99999999999999999999${CRLF}`, 'x', { waits: true }),
      post(`cl-duplicate:${route}`, route, `Content-Length: 1${CRLF}Content-Length: 2${CRLF}`, 'xx'),
      post(
        `cl-and-chunked:${route}`,
        route,
        `Content-Length: 4${CRLF}Transfer-Encoding: chunked${CRLF}`,
        `0${CRLF}${CRLF}`
      ),
      post(`chunked-bad-size:${route}`, route, `Transfer-Encoding: chunked${CRLF}`, `zz${CRLF}abc${CRLF}`, {
        end: true
      }),
      post(`chunked-huge-size:${route}`, route, `Transfer-Encoding: chunked${CRLF}`, `ffffffffffffffffff${CRLF}a`, {
        end: true
      }),
      post(`chunked-no-end:${route}`, route, `Transfer-Encoding: chunked${CRLF}`, `3${CRLF}abc${CRLF}`, {
        end: true
      }),
      post(`te-unknown:${route}`, route, `Transfer-Encoding: gzip, chunked, x${CRLF}`, `0${CRLF}${CRLF}`),
      post(`body-truncated:${route}`, route, `Content-Length: 1000${CRLF}`, 'only ten b', { end: true }),
      post(`body-truncated-open:${route}`, route, `Content-Length: 1000${CRLF}`, 'only ten b', { waits: true }),
      post(
        `body-json-garbage:${route}`,
        route,
        // Six bytes, all of them sent: a complete body the parser must refuse, not one it waits for.
        `Content-Type: application/json${CRLF}Content-Length: 6${CRLF}`,
        '{"a":\u0000'
      ),
      post(
        `body-binary:${route}`,
        route,
        `Content-Type: application/octet-stream${CRLF}Content-Length: 256${CRLF}`,
        Buffer.from(Array.from({ length: 256 }, (_, i) => i))
      ),
      post(
        `body-form-garbage:${route}`,
        route,
        `Content-Type: application/x-www-form-urlencoded${CRLF}Content-Length: 9${CRLF}`,
        '%&=%zz&&='
      ),
      post(`body-bad-type:${route}`, route, `Content-Type: ;;;${CRLF}Content-Length: 1${CRLF}`, 'x')
    )
    for (const method of ['HEAD', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'OPTIONS', 'PROPFIND', 'BREW'])
      cases.push({
        name: `method-${method}:${route}`,
        parts: [b(`${head(method, route)}Connection: close${CRLF}${CRLF}`)]
      })
    cases.push({ name: `method-lowercase:${route}`, parts: [b(`${head('get', route)}${CRLF}`)] })
    cases.push({ name: `method-CONNECT:${route}`, parts: [b(`${head('CONNECT', route)}${CRLF}`)] })
    cases.push({
      name: `websocket-bad-key:${route}`,
      parts: [
        b(
          `${head('GET', route, `Connection: Upgrade${CRLF}Upgrade: websocket${CRLF}Sec-WebSocket-Version: 13${CRLF}Sec-WebSocket-Key: %%%${CRLF}`)}${CRLF}`
        )
      ]
    })
    cases.push({
      name: `websocket-then-garbage:${route}`,
      parts: [
        b(
          `${head('GET', route, `Connection: Upgrade${CRLF}Upgrade: websocket${CRLF}Sec-WebSocket-Version: 13${CRLF}Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==${CRLF}`)}${CRLF}`
        ),
        Buffer.from([0x81, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4])
      ],
      end: true
    })
  }
  return cases
}

/** Random requests from the seed: random methods, targets, header bytes and bodies. */
function randomCases(opts: FuzzOptions, hostHeader: string, extra: string): Case[] {
  const n = opts.cases ?? 200
  if (n <= 0) return []
  const routes = opts.routes.length > 0 ? opts.routes : ['/']
  const byte = fc.integer({ min: 0, max: 255 })
  const bytes = (max: number) => fc.array(byte, { maxLength: max }).map((a) => Buffer.from(a).toString('latin1'))
  const token = fc.constantFrom(
    '%',
    '%zz',
    '%00',
    '%E4%B8',
    '%C0%AF',
    '..',
    '/',
    '\\',
    '?',
    '#',
    '&',
    '=',
    ';',
    ' ',
    '\t'
  )
  const target = fc
    .tuple(
      fc.constantFrom(...routes),
      fc.array(fc.oneof(token, bytes(6), fc.string({ maxLength: 8 })), { maxLength: 6 })
    )
    .map(([r, bits]) => r + bits.join(''))
  const method = fc.oneof(
    fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'),
    fc.string({ minLength: 1, maxLength: 8 })
  )
  const header = fc.oneof(
    fc.tuple(
      fc.constantFrom('Content-Length', 'Transfer-Encoding', 'Range', 'Cookie', 'Origin', 'Content-Type'),
      bytes(24)
    ),
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), bytes(24))
  )
  const request = fc.record({
    method,
    target,
    headers: fc.array(header, { maxLength: 5 }),
    body: bytes(64),
    end: fc.boolean()
  })
  return fc.sample(request, { numRuns: n, seed: opts.seed ?? 1 }).map((r, i) => ({
    name: `random-${i}`,
    parts: [
      b(
        `${r.method} ${r.target} HTTP/1.1${CRLF}Host: ${hostHeader}${CRLF}${extra}` +
          r.headers.map(([k, v]) => `${k}: ${v}${CRLF}`).join('') +
          `Connection: close${CRLF}${CRLF}`
      ),
      b(r.body)
    ],
    end: r.end,
    waits: true
  }))
}
