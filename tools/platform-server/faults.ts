/**
 * Fault injection for tests and benchmarks: the reference server can be told to fail, stall,
 * cut connections, expire tokens and rate-limit, so the client is proven against faults.
 * Each fault optionally matches a path prefix and is used up after `count` requests.
 */

export interface FaultMatch {
  /** Only requests whose URL path starts with this (e.g. '/api/v1/lesson-records'). */
  readonly path?: string
  readonly method?: string
}

export type Fault =
  | { kind: 'fail'; remaining: number; status: number; match: FaultMatch }
  | { kind: 'slow'; remaining: number; delayMs: number; match: FaultMatch }
  | { kind: 'rate-limit'; remaining: number; retryAfterSeconds: number; match: FaultMatch }
  /** phase 'request': drop the socket after part of the request body arrived (nothing is processed);
   *  phase 'response': process the request, then drop the socket halfway through the answer. */
  | { kind: 'cut'; remaining: number; phase: 'request' | 'response'; afterBytes?: number; match: FaultMatch }

export class FaultControls {
  #faults: Fault[] = []
  #expireHook: () => number

  constructor(expireHook: () => number) {
    this.#expireHook = expireHook
  }

  /** The next n matching requests answer `status` (default 500, code -9998). */
  failNext(n: number, opts: FaultMatch & { status?: number } = {}): void {
    this.#faults.push({ kind: 'fail', remaining: n, status: opts.status ?? 500, match: opts })
  }

  /** The next n matching requests (default: every one until clear()) wait delayMs first. */
  slow(delayMs: number, opts: FaultMatch & { count?: number } = {}): void {
    this.#faults.push({ kind: 'slow', remaining: opts.count ?? Infinity, delayMs, match: opts })
  }

  /** The next n matching requests get 429 with Retry-After. */
  rateLimit(n: number, retryAfterSeconds: number, opts: FaultMatch = {}): void {
    this.#faults.push({ kind: 'rate-limit', remaining: n, retryAfterSeconds, match: opts })
  }

  /** The next n matching requests have their connection cut mid-body. */
  cutNext(n: number, opts: FaultMatch & { phase?: 'request' | 'response'; afterBytes?: number } = {}): void {
    const fault: Fault = { kind: 'cut', remaining: n, phase: opts.phase ?? 'response', match: opts }
    if (opts.afterBytes !== undefined) fault.afterBytes = opts.afterBytes
    this.#faults.push(fault)
  }

  /** Every access token issued so far expires now; returns how many were live. */
  expireTokens(): number {
    return this.#expireHook()
  }

  clear(): void {
    this.#faults = []
  }

  /** Takes (uses up) the first matching fault of a kind, if any. */
  take<K extends Fault['kind']>(kind: K, method: string, path: string): Extract<Fault, { kind: K }> | undefined {
    const f = this.#faults.find(
      (x) =>
        x.kind === kind &&
        x.remaining > 0 &&
        (!x.match.path || path.startsWith(x.match.path)) &&
        (!x.match.method || x.match.method.toUpperCase() === method.toUpperCase())
    )
    if (!f) return undefined
    f.remaining--
    if (f.remaining <= 0) this.#faults = this.#faults.filter((x) => x !== f)
    return f as Extract<Fault, { kind: K }>
  }

  /** For the admin endpoint: apply one operation described as JSON. */
  apply(op: AdminOp): unknown {
    switch (op.op) {
      case 'fail':
        return this.failNext(op.count, { path: op.path, method: op.method, status: op.status })
      case 'slow':
        return this.slow(op.delayMs, { path: op.path, method: op.method, count: op.count })
      case 'rate-limit':
        return this.rateLimit(op.count, op.retryAfterSeconds, { path: op.path, method: op.method })
      case 'cut':
        return this.cutNext(op.count, { path: op.path, method: op.method, phase: op.phase, afterBytes: op.afterBytes })
      case 'expire-tokens':
        return { expired: this.expireTokens() }
      case 'clear':
        return this.clear()
    }
  }
}

export type AdminOp =
  | { op: 'fail'; count: number; status?: number; path?: string; method?: string }
  | { op: 'slow'; delayMs: number; count?: number; path?: string; method?: string }
  | { op: 'rate-limit'; count: number; retryAfterSeconds: number; path?: string; method?: string }
  | { op: 'cut'; count: number; phase?: 'request' | 'response'; afterBytes?: number; path?: string; method?: string }
  | { op: 'expire-tokens' }
  | { op: 'clear' }
