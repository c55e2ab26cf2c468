/**
 * Small defences for untrusted sockets: a token bucket per socket, a cap on wrong PINs per
 * address, and turning any thrown value into a refusal a student can read.
 */
import { createHash } from 'node:crypto'
import { AppError, type AppErrorData } from '../../../src-shared/errors'
import { refusal, type RefusalHint, type RefusalReason } from '../../../src-shared/classroom/student-errors'

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex')

export class TokenBucket {
  #tokens: number
  #last: number
  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now()
  ) {
    this.#tokens = burst
    this.#last = now()
  }

  take(): boolean {
    const t = this.now()
    this.#tokens = Math.min(this.burst, this.#tokens + ((t - this.#last) / 1000) * this.rate)
    this.#last = t
    if (this.#tokens < 1) return false
    this.#tokens -= 1
    return true
  }
}

/**
 * Wrong PINs per remote address. After `perMinute` wrong PINs within a minute the address is
 * locked for `lockMs`; attempts that arrive while it is locked are not refused but held and
 * checked when the lock ends. So guessing stays slow (the per-address socket cap bounds how many
 * can be held), while a device with the right PIN behind the same address (tablets behind one
 * NAT, a classmate mistyping on purpose) gets in at most `lockMs` later, never refused for good.
 */
export class PinAttempts {
  readonly #fails = new Map<string, number[]>()
  readonly #lockedUntil = new Map<string, number>()
  constructor(
    private readonly perMinute = 20,
    private readonly lockMs = 60_000,
    private readonly now: () => number = () => Date.now()
  ) {}

  /** 0 when a PIN from `addr` may be checked now, else how many ms until it may. */
  wait(addr: string): number {
    const t = this.now()
    const until = this.#lockedUntil.get(addr)
    if (until === undefined) return 0
    if (until > t) return until - t
    this.#lockedUntil.delete(addr)
    return 0
  }

  fail(addr: string): void {
    const t = this.now()
    const list = (this.#fails.get(addr) ?? []).filter((x) => t - x < 60_000)
    list.push(t)
    if (list.length >= this.perMinute) {
      // The lock starts now and is not extended by what arrives during it; the count starts over after it.
      this.#fails.delete(addr)
      if ((this.#lockedUntil.get(addr) ?? 0) <= t) this.#lockedUntil.set(addr, t + this.lockMs)
      return
    }
    if (this.#fails.size < 10_000 || this.#fails.has(addr)) this.#fails.set(addr, list)
  }
}

export function refused(reason: RefusalReason, hint?: RefusalHint): AppError {
  return AppError.fromData(refusal(reason, hint))
}

/** What goes back in an ack: our refusals as they are, anything else as an internal error. */
export function toAckError(err: unknown): AppErrorData {
  if (err instanceof AppError) return err.toData()
  return refusal('internal')
}
